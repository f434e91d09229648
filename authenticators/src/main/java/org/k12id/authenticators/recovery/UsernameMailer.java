package org.k12id.authenticators.recovery;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.locale.LocaleSelectorProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The "Forgot my username" email, sent after the page is answered: once the request's transaction has committed, a job
 * on Keycloak's executor looks up, in a transaction of its own, the enabled accounts with exactly that address and
 * emails them their usernames (the theme's {@code k12-usernames} email, in the page's language). An address of no
 * account sends nothing. Looking up and sending after the answer is what keeps the page's time the same for an address
 * that belongs to an account and one that does not.
 *
 * <p>Nothing is logged with the address or a username: a failure is logged by its kind only.
 */
final class UsernameMailer {

    private static final Logger LOG = Logger.getLogger(UsernameMailer.class);
    /** Keycloak's executor for these jobs (a pool Keycloak keeps per name, on each node). */
    static final String EXECUTOR = "k12-username-recovery";
    static final String TEMPLATE = "k12-usernames.ftl";
    static final String SUBJECT = "k12UsernamesSubject";
    /** At most this many accounts are looked at for one address. */
    static final int MAX_ACCOUNTS = 50;

    private UsernameMailer() {
    }

    /** Sends the usernames of {@code address} (normalised) in {@code locale} once this request has committed. */
    static void sendAfterCommit(KeycloakSession session, RealmModel realm, String address, Locale locale) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        String realmId = realm.getId();
        String language = locale.toLanguageTag();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR).execute(() -> {
                    try {
                        KeycloakModelUtils.runJobInTransaction(factory, job -> send(job, realmId, address, language));
                    } catch (RuntimeException e) {
                        LOG.warnf("A username email could not be sent: %s", e.getClass().getName());
                    }
                });
            }

            @Override
            protected void rollbackImpl() {
                // the answer failed: nothing is sent
            }
        });
    }

    private static void send(KeycloakSession session, String realmId, String address, String language) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return;
        }
        session.getContext().setRealm(realm);
        List<UserModel> accounts = accounts(session, realm, address);
        if (accounts.isEmpty()) {
            return;
        }
        // the page's language: Keycloak's locale selector reads it first when there is no login session
        session.setAttribute(LocaleSelectorProvider.USER_REQUEST_LOCALE, language);
        List<String> usernames = accounts.stream().map(UserModel::getUsername).sorted().toList();
        String realmName = realm.getDisplayName() != null && !realm.getDisplayName().isBlank()
                ? realm.getDisplayName() : realm.getName();
        try {
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(accounts.get(0))
                    .send(SUBJECT, List.of(realmName), TEMPLATE,
                            new HashMap<>(Map.of("usernames", usernames))); // Keycloak adds to it
        } catch (EmailException e) {
            LOG.warn("A username email could not be sent: the mail server refused it or could not be reached "
                    + "(Realm settings, Email)");
        }
    }

    /** The enabled people's accounts whose address is exactly {@code address} (in any case), not service accounts. */
    static List<UserModel> accounts(KeycloakSession session, RealmModel realm, String address) {
        return session.users().searchForUserStream(realm, Map.of(UserModel.EMAIL, address, UserModel.EXACT, "true"),
                        0, MAX_ACCOUNTS)
                .filter(UserModel::isEnabled)
                .filter(user -> user.getServiceAccountClientLink() == null)
                .filter(user -> address.equals(RecoveryAddress.normalise(user.getEmail())))
                .toList();
    }
}
