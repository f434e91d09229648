package org.k12id.authenticators.secondfactor;

import org.k12id.authenticators.AuthenticatorFactorySupport;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

/** The step "K12 Second Factor Used Last, Offered First" ({@link LastUsedFirst}). */
public final class LastUsedFirstFactory extends AuthenticatorFactorySupport {

    public static final String ID = "k12-second-factor-last-used";
    private static final LastUsedFirst SINGLETON = new LastUsedFirst();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "K12 Second Factor Used Last, Offered First";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public String getHelpText() {
        return "Put it last in the sign-in forms (Required): names the second factor the person used (authenticator app, email "
                + "code, text message code, security key) in the session, which the k12-district scopes give apps as "
                + "k12_second_factor, and makes it the one asked first next time, the others offered under \"Try "
                + "another way\". Does nothing when no second factor was used.";
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}
