package org.k12id.adminrest.roster;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Fills the roster from the users already in the database, once per cluster: when the pack is installed into a
 * Keycloak that has users, and after any upgrade whose changelog asks for it again by inserting the marker row.
 * Memory stays at one chunk of people whatever the realm's size.
 */
final class RosterBuild {

    static final String MARKER = "build";
    static final int PAGE = 500;
    private static final Logger LOG = Logger.getLogger(RosterBuild.class);

    private RosterBuild() {
    }

    static void runIfAsked(KeycloakSessionFactory factory) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
            // a second node waits here until the first has filled the roster, then finds no marker
            if (em.find(RosterStateEntity.class, MARKER, LockModeType.PESSIMISTIC_WRITE) == null) {
                return;
            }
            long started = System.nanoTime();
            int people = 0;
            String cursor = "";
            while (true) {
                List<String> ids = em.createQuery("select u.id from UserEntity u where u.id > :cursor order by u.id", String.class)
                        .setParameter("cursor", cursor).setMaxResults(PAGE).getResultList();
                if (ids.isEmpty()) {
                    break;
                }
                RosterSync.sync(em, ids);
                em.flush();
                em.clear();
                people += ids.size();
                cursor = ids.get(ids.size() - 1);
            }
            em.createQuery("delete from RosterStateEntity s where s.id = :id").setParameter("id", MARKER).executeUpdate();
            LOG.infof("k12 roster: filled from %d people in %d ms", people, (System.nanoTime() - started) / 1_000_000);
        });
    }
}
