package org.k12id.authenticators.secondfactor;

import java.util.Map;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A code sent to the person by one carrier ({@link CodeSender}: an email, a text message) and typed back on the code
 * page, as signing in and setting up both do it, each with its own words ({@code prefix}: {@code <prefix>.title},
 * {@code <prefix>.intro}) and settings. {@code destination} is where the code goes, masked for the page.
 */
public final class CodeExchange {

    private final CodeSettings settings;
    private final CodeChallenge challenge;
    private final CodeSender sender;
    private final String destination;
    private final String prefix;
    private final String sendFailedKey;

    /**
     * The exchange of {@code method} ({@code email}, {@code sms}: each keeps its own code), with the settings of
     * {@code config} (the step's or the required action's); {@code sendFailedKey} is the message when the carrier
     * failed.
     */
    public CodeExchange(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession, UserModel user,
                        Map<String, String> config, String method, CodeSender sender, String destination, String prefix,
                        String sendFailedKey) {
        this.settings = CodeSettings.of(config);
        this.challenge = new CodeChallenge(session, realm, authSession, user, settings, method);
        this.sender = sender;
        this.destination = destination;
        this.prefix = prefix;
        this.sendFailedKey = sendFailedKey;
    }

    /**
     * The page as first shown: a code is sent, unless one sent earlier in this session is still good (the person came
     * back to this step, e.g. after trying another way).
     */
    public LoginFormsProvider firstShowing(LoginFormsProvider form) {
        return page(form, challenge.pending() ? null : challenge.send(sender), false);
    }

    /** The page after "Resend code": a new code, or why none was sent. */
    public LoginFormsProvider resend(LoginFormsProvider form) {
        return page(form, challenge.send(sender), true);
    }

    /** Sends a code now (within the cooldown and the cap), for a page of the caller's own to say what came of it. */
    public CodeChallenge.SendResult send() {
        return challenge.send(sender);
    }

    /** The code page after {@link #send}: its message says what came of {@code result}. */
    public LoginFormsProvider page(LoginFormsProvider form, CodeChallenge.SendResult result) {
        return page(form, result, false);
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
        return CodePage.form(form, prefix, destination, settings, result, resent, sendFailedKey);
    }
}
