package org.k12id.adminrest.defaultpasswords;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.k12id.adminrest.persistence.Jpa;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/** The regeneration requests' rows ({@code K12_REGEN_REQUEST}): recording, finding and locking them. */
final class RegenerationRequests {

    static final int MAX_ID_LENGTH = 36;

    private final EntityManager em;

    RegenerationRequests(KeycloakSession session) {
        this.em = Jpa.em(session);
    }

    /** Records a new request, queued; the node that records it starts it once it is committed. */
    RegenerationRequestEntity record(RealmModel realm, RegenerationForm form, UserModel requester) {
        RegenerationRequestEntity request = new RegenerationRequestEntity();
        request.setId(KeycloakModelUtils.generateId());
        request.setRealmId(realm.getId());
        request.setPsuCode(form.psuCode());
        request.setCampusCodes(String.join(",", form.campusCodes()));
        request.setGradeLevels(csv(form.gradeLevels()));
        request.setResetPasswords(form.resetPasswords());
        request.setForceChange(form.forceChange());
        request.setComments(form.comments());
        request.setRequesterId(requester.getId());
        request.setRequesterUsername(requester.getUsername());
        request.setStatus(RegenerationStatus.QUEUED.code());
        request.setCreatedAt(Time.currentTimeMillis());
        // the node that takes the request starts it at once; the timer of any node takes it only if that never happens
        request.setHeartbeatAt(request.getCreatedAt());
        em.persist(request);
        return request;
    }

    RegenerationRequestEntity find(String id) {
        return isId(id) ? em.find(RegenerationRequestEntity.class, id) : null;
    }

    /**
     * Whether the text can be a request's id (ASCII letters, digits and dashes, at most {@value #MAX_ID_LENGTH}): any
     * other is no request, without asking the database (PostgreSQL refuses a NUL character with an error).
     */
    static boolean isId(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_ID_LENGTH
                && id.chars().allMatch(c -> c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z');
    }

    /** The request, its row locked until the transaction ends; null if there is none. */
    RegenerationRequestEntity lock(String id) {
        return em.find(RegenerationRequestEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A request of this realm in one of these PSUs, or null. */
    RegenerationRequestEntity administered(RealmModel realm, Set<String> psus, String id) {
        RegenerationRequestEntity request = find(id);
        return request == null || !realm.getId().equals(request.getRealmId()) || !psus.contains(request.getPsuCode()) ? null : request;
    }

    /** A PSU's latest requests, newest first. */
    List<RegenerationRequestEntity> history(RealmModel realm, String psu, int max) {
        return em.createNamedQuery("k12RegenByPsu", RegenerationRequestEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("psuCode", psu).setMaxResults(max).getResultList();
    }

    /** Every request not yet finished, in every realm. */
    List<RegenerationRequestEntity> unfinished() {
        return em.createNamedQuery("k12RegenUnfinished", RegenerationRequestEntity.class).getResultList();
    }

    /** The form a request was made with, as stored. */
    static RegenerationForm form(RegenerationRequestEntity request) {
        return new RegenerationForm(request.getPsuCode(), RegenerationForm.list(request.getCampusCodes()),
                RegenerationForm.list(request.getGradeLevels()).stream().map(Integer::valueOf).toList(),
                request.isResetPasswords(), request.isForceChange(), request.getComments());
    }

    /** Grade codes (or any values) as the row stores them: comma-separated. */
    static String csv(List<?> values) {
        return String.join(",", Arrays.stream(values.toArray()).map(String::valueOf).toList());
    }
}
