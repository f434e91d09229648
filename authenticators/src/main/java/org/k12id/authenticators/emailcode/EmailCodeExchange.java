package org.k12id.authenticators.emailcode;

import java.util.Map;

import org.k12id.authenticators.secondfactor.CodeChallenge;
import org.k12id.authenticators.secondfactor.CodePage;
import org.k12id.authenticators.secondfactor.CodeSettings;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A code emailed to the account's address and typed back on the code page, as signing in ("K12 Email Code") and
 * setting up ("Set Up Email Code") both do it, each with its own words ({@code prefix}) and settings.
 */
public final class EmailCodeExchange {

    public static final String SEND_FAILED = "k12.emailCode.sendFailed";

    private final CodeSettings settings;
    private final CodeChallenge challenge;
    private final EmailCodeMailer mailer;
    private final String destination;
    private final String prefix;

    public EmailCodeExchange(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession,
                             UserModel user, Map<String, String> config, String prefix) {
        this.settings = CodeSettings.of(config);
        this.challenge = new CodeChallenge(session, realm, authSession, user, settings);
        this.mailer = new EmailCodeMailer(session, realm, authSession, user);
        this.destination = MaskedAddress.mask(user.getEmail());
        this.prefix = prefix;
    }

    /**
     * The page as first shown: a code is sent, unless one sent earlier in this session is still good (the person came
     * back to this step, e.g. after trying another way).
     */
    public LoginFormsProvider firstShowing(LoginFormsProvider form) {
        return page(form, challenge.pending() ? null : challenge.send(mailer), false);
    }

    /** The page after "Resend code": a new code, or why none was sent. */
    public LoginFormsProvider resend(LoginFormsProvider form) {
        return page(form, challenge.send(mailer), true);
    }

    /** Whether {@code typed} is the code sent (then used up); see {@link CodeChallenge#verify}. */
    public boolean verify(String typed) {
        return challenge.verify(typed);
    }

    /** The page after a refused code: one message, whatever the reason. */
    public LoginFormsProvider refused(LoginFormsProvider form) {
        return page(form, null, false).setError(CodePage.WRONG);
    }

    /** Forgets the code and the cooldown. */
    public void clear() {
        challenge.clear();
    }

    private LoginFormsProvider page(LoginFormsProvider form, CodeChallenge.SendResult result, boolean resent) {
        return CodePage.form(form, prefix, destination, settings, result, resent, SEND_FAILED);
    }
}
