package org.k12id.requiredactions.secondfactor;

import java.util.List;
import java.util.Optional;

import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;

/**
 * The second factors a person may set up, each by its own required action, and which of them this person can use
 * now: the authenticator app always (Keycloak's "Configure OTP"); an email code when the realm sends mail and the
 * account has an address; a text message code when the server sends text messages (an SMS gateway is configured:
 * {@code SmsSender.ofSession} is not null). A method whose required action is not on in the realm is not offered.
 */
final class SetupChoices {

    /** A second factor to choose: its key on the page, its required action, and the message keys naming it. */
    record Choice(String key, String action) {

        String labelKey() {
            return "k12.secondFactor.choice." + key;
        }

        String helpKey() {
            return labelKey() + ".help";
        }
    }

    static final Choice APP = new Choice("app", UserModel.RequiredAction.CONFIGURE_TOTP.name());
    static final Choice EMAIL = new Choice("email", "k12-email-code-setup");
    static final Choice SMS = new Choice("sms", "k12-sms-code-setup");
    static final List<Choice> ALL = List.of(APP, EMAIL, SMS);

    private SetupChoices() {
    }

    /** The choices open to this person, in the page's order; {@code texts}: whether the server sends text messages. */
    static List<Choice> available(RealmModel realm, UserModel user, boolean texts) {
        return ALL.stream().filter(choice -> enabled(realm, choice.action()) && usable(realm, user, choice, texts)).toList();
    }

    /** The choice named by a posted key, if it is open to the person. */
    static Optional<Choice> find(List<Choice> available, String key) {
        return available.stream().filter(choice -> choice.key().equals(key)).findFirst();
    }

    private static boolean usable(RealmModel realm, UserModel user, Choice choice, boolean texts) {
        if (choice == SMS) {
            return texts;
        }
        if (choice == EMAIL) {
            String host = realm.getSmtpConfig() == null ? null : realm.getSmtpConfig().get("host");
            return host != null && !host.isBlank() && user.getEmail() != null && !user.getEmail().isBlank();
        }
        return true;
    }

    private static boolean enabled(RealmModel realm, String alias) {
        RequiredActionProviderModel action = realm.getRequiredActionProviderByAlias(alias);
        return action != null && action.isEnabled();
    }
}
