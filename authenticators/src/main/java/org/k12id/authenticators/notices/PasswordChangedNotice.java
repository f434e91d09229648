package org.k12id.authenticators.notices;

import java.util.HashMap;
import java.util.List;

import org.jboss.logging.Logger;
import org.k12id.domain.claim.Claiming;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerTransaction;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Emails a person whose password they changed themselves ("Forgot my password", an expired password, the account
 * console) that it was changed, in their language, once the change is committed: if it was not them, they know to tell
 * their school. Not for the first password chosen when claiming an account, and nothing for a person without an email
 * address. The email says nothing secret: no password, no link.
 */
final class PasswordChangedNotice implements EventListenerProvider {

    static final String TEMPLATE = "k12-password-changed.ftl";
    private static final Logger LOG = Logger.getLogger(PasswordChangedNotice.class);

    private final KeycloakSession requestSession;
    private final KeycloakSessionFactory factory;
    private final EventListenerTransaction afterCommit = new EventListenerTransaction(null, this::send);

    PasswordChangedNotice(KeycloakSession session) {
        this.requestSession = session;
        this.factory = session.getKeycloakSessionFactory();
        session.getTransactionManager().enlistAfterCompletion(afterCommit);
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() == EventType.UPDATE_PASSWORD && event.getRealmId() != null && event.getUserId() != null
                && (event.getDetails() == null
                || !Claiming.REQUIRED_ACTION.equals(event.getDetails().get(Details.CUSTOM_REQUIRED_ACTION)))) {
            afterCommit.addEvent(event);
        }
    }

    private void send(Event event) {
        HttpRequest request = requestSession.getContext().getHttpRequest();
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            RealmModel realm = session.realms().getRealm(event.getRealmId());
            if (realm == null) {
                return;
            }
            session.getContext().setRealm(realm);
            session.getContext().setHttpRequest(request);
            UserModel user = session.users().getUserById(realm, event.getUserId());
            if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
                return;
            }
            String service = realm.getDisplayName() != null && !realm.getDisplayName().isBlank() ? realm.getDisplayName() : realm.getName();
            try {
                session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user)
                        .send("k12PasswordChangedSubject", List.of(service), TEMPLATE, new HashMap<>());
            } catch (EmailException e) {
                // the address and the person stay out of the log: the realm and the reason are enough to look further
                LOG.warnf("realm %s: the password-changed email was not sent: %s", realm.getName(), e.getMessage());
            }
        });
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public void close() {
    }
}
