package org.k12id.authenticators.emailcode;

import org.k12id.authenticators.secondfactor.CodeStepFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

/** "K12 Email Code": a second factor, a code sent to the address the person proved. */
public final class EmailCodeAuthenticatorFactory extends CodeStepFactory {

    public static final String ID = EmailCode.TYPE;

    @Override
    protected String credentialType() {
        return EmailCode.TYPE;
    }

    @Override
    public String getDisplayType() {
        return "K12 Email Code";
    }

    @Override
    public String getHelpText() {
        return "A second factor: sends a 6-digit code to the email address the person proved (set up through the "
                + "required action \"Set Up Email Code\" or the account console) through the realm's email settings, "
                + "and asks for it. Codes work once and expire; wrong codes count toward the brute-force lock-out; "
                + "\"Resend code\" has a cooldown and an hourly cap per account. Needs the k12 login and email themes.";
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new EmailCodeAuthenticator();
    }
}
