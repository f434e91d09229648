package org.k12id.authenticators.notices;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * The event listener {@value #ID}: add it to a realm's event listeners (Realm settings, Events, Event listeners; the
 * demo realm and the district setup do) and a person who changes their password gets an email saying so.
 */
public final class PasswordChangedNoticeFactory implements EventListenerProviderFactory {

    public static final String ID = "k12-password-changed-notice";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new PasswordChangedNotice(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
