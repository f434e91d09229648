package org.k12id.authenticators.smscode;

import org.k12id.authenticators.secondfactor.CodeStepFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

/** "K12 Text Message Code": a second factor, a code texted to the mobile number the person proved. */
public final class SmsCodeAuthenticatorFactory extends CodeStepFactory {

    public static final String ID = SmsCode.TYPE;

    @Override
    protected String credentialType() {
        return SmsCode.TYPE;
    }

    @Override
    public String getDisplayType() {
        return "K12 Text Message Code";
    }

    @Override
    public String getHelpText() {
        return "A second factor: texts a 6-digit code to the mobile number the person proved (set up through the "
                + "required action \"Set Up Text Message Code\" or the account console) through the server's SMS gateway "
                + "(k12-sms-sender), and asks for it. Not offered while no gateway is configured. Codes work once and "
                + "expire; wrong codes count toward the brute-force lock-out; \"Resend code\" has a cooldown and an "
                + "hourly cap per account. Needs the k12 login theme.";
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new SmsCodeAuthenticator();
    }
}
