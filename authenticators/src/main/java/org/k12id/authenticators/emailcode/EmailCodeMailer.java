package org.k12id.authenticators.emailcode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.k12id.authenticators.secondfactor.CodeSender;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Sends a code to the account's address through the realm's SMTP settings, with the k12 email theme's
 * {@value #TEMPLATE} (HTML and text) in the person's language, while the page waits: a mail server that is down is
 * known at once and said on the page. Nothing is logged with the address or the code.
 */
final class EmailCodeMailer implements CodeSender {

    private static final Logger LOG = Logger.getLogger(EmailCodeMailer.class);
    static final String TEMPLATE = "k12-email-code.ftl";
    static final String SUBJECT = "k12EmailCodeSubject";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AuthenticationSessionModel authSession;
    private final UserModel user;

    EmailCodeMailer(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession, UserModel user) {
        this.session = session;
        this.realm = realm;
        this.authSession = authSession;
        this.user = user;
    }

    @Override
    public void send(String code, int expiryMinutes) throws NotSent {
        String realmName = realm.getDisplayName() != null && !realm.getDisplayName().isBlank()
                ? realm.getDisplayName() : realm.getName();
        Map<String, Object> attributes = new HashMap<>(); // Keycloak adds to it
        attributes.put("code", code);
        attributes.put("minutes", expiryMinutes);
        try {
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user)
                    .setAuthenticationSession(authSession)
                    .send(SUBJECT, List.of(realmName), TEMPLATE, attributes);
        } catch (EmailException e) {
            LOG.warn("An email code could not be sent: the mail server refused it or could not be reached "
                    + "(Realm settings, Email)");
            throw new NotSent("email");
        }
    }
}
