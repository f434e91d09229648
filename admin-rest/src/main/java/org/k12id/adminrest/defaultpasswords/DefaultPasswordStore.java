package org.k12id.adminrest.defaultpasswords;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.k12id.authenticators.sealing.SealedSecrets;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Students' default passwords, sealed with the realm's AES key (AES-GCM, bound to the student) in the pack's own table.
 * Written in the caller's transaction, so a student's new default and (with reset) new login password commit together.
 */
public final class DefaultPasswordStore {

    private final KeycloakSession session;
    private final EntityManager em;

    public DefaultPasswordStore(KeycloakSession session) {
        this.session = session;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** Records a student's new default, replacing the old one. */
    public void put(RealmModel realm, String userId, String password, String requestId) {
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.ENC, Algorithm.AES);
        if (key == null || key.getSecretKey() == null) {
            throw new IllegalStateException("the realm has no active AES key to seal default passwords with");
        }
        DefaultPasswordEntity entity = em.find(DefaultPasswordEntity.class, userId);
        boolean created = entity == null;
        if (created) {
            entity = new DefaultPasswordEntity();
            entity.setUserId(userId);
        }
        entity.setRealmId(realm.getId());
        entity.setKid(key.getKid());
        entity.setSealed(SealedSecrets.seal(key.getSecretKey(), password.getBytes(StandardCharsets.UTF_8), binding(userId)));
        entity.setRequestId(requestId);
        entity.setCreatedAt(Time.currentTimeMillis());
        if (created) {
            em.persist(entity);
        }
    }

    /** The student's default password, or empty when none is recorded or it can no longer be opened. */
    public Optional<String> get(RealmModel realm, String userId) {
        DefaultPasswordEntity entity = em.find(DefaultPasswordEntity.class, userId);
        if (entity == null || !realm.getId().equals(entity.getRealmId())) {
            return Optional.empty();
        }
        KeyWrapper key = session.keys().getKey(realm, entity.getKid(), KeyUse.ENC, Algorithm.AES);
        return SealedSecrets.open(key == null ? null : key.getSecretKey(), entity.getSealed(), binding(userId))
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** The default passwords of these students (at most a few hundred), by user id; those that cannot be opened are left out. */
    public Map<String, String> get(RealmModel realm, List<String> userIds) {
        Map<String, String> found = new HashMap<>();
        if (userIds.isEmpty()) {
            return found;
        }
        for (Object[] entity : em.createQuery("select d.userId, d.realmId, d.kid, d.sealed from DefaultPasswordEntity d"
                + " where d.userId in :ids", Object[].class).setParameter("ids", userIds).getResultList()) {
            String userId = (String) entity[0];
            if (!realm.getId().equals(entity[1])) {
                continue;
            }
            KeyWrapper key = session.keys().getKey(realm, (String) entity[2], KeyUse.ENC, Algorithm.AES);
            SealedSecrets.open(key == null ? null : key.getSecretKey(), (String) entity[3], binding(userId))
                    .ifPresent(bytes -> found.put(userId, new String(bytes, StandardCharsets.UTF_8)));
        }
        return found;
    }

    /** The students whose current default the request made, in id order. */
    public List<String> madeBy(RealmModel realm, String requestId) {
        return em.createQuery("select d.userId from DefaultPasswordEntity d where d.realmId = :realmId and d.requestId = :requestId"
                        + " order by d.userId", String.class)
                .setParameter("realmId", realm.getId()).setParameter("requestId", requestId).getResultList();
    }

    /** Forgets a student's default (the account was deleted). */
    public void remove(String userId) {
        DefaultPasswordEntity entity = em.find(DefaultPasswordEntity.class, userId);
        if (entity != null) {
            em.remove(entity);
        }
    }

    /** Forgets every default of a realm (the realm was deleted). */
    public void removeRealm(String realmId) {
        em.createQuery("delete from DefaultPasswordEntity d where d.realmId = :realmId").setParameter("realmId", realmId)
                .executeUpdate();
    }

    static String binding(String userId) {
        return "k12-default-password:" + userId;
    }
}
