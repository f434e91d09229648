package org.k12id.adminrest.persistence;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** The session's entity manager: the pack's own tables are read and written in Keycloak's transaction. */
public final class Jpa {

    private Jpa() {
    }

    public static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
