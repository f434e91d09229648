package org.k12id.authenticators.secondfactor;

import org.k12id.authenticators.AuthenticatorFactorySupport;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

/** The step "K12 Second Factor Required" ({@link SecondFactorRequired}). */
public final class SecondFactorRequiredFactory extends AuthenticatorFactorySupport {

    public static final String ID = "k12-second-factor-required";
    private static final SecondFactorRequired SINGLETON = new SecondFactorRequired();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "K12 Second Factor Required";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public String getHelpText() {
        return "Makes a person who has no second factor (authenticator app, email code, text message code or security "
                + "key) set one up before the sign-in ends, with the required action \"Set Up a Second Factor\". Lets "
                + "anyone who has one go on: put the steps that ask for it after this one. Put it in a conditional "
                + "sub-flow with \"Condition - user role\" for the roles that must use a second factor.";
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}
