package org.k12id.adminrest.persistence;

import jakarta.persistence.FlushModeType;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * A request that reads many students and writes nothing in its own transaction (its writes go to
 * {@link org.k12id.adminrest.staff.StudentBatches}). By default the database layer, before every query, re-checks every entity it has loaded for
 * changes to flush; over a thousand students that is a million checks. Such a request sets its session to flush only
 * at commit, which is exact for it because it changes nothing before then.
 */
public final class ReadPhase {

    private ReadPhase() {
    }

    public static void begin(KeycloakSession session) {
        JpaConnectionProvider jpa = session.getProvider(JpaConnectionProvider.class);
        if (jpa != null) {
            jpa.getEntityManager().setFlushMode(FlushModeType.COMMIT);
        }
    }
}
