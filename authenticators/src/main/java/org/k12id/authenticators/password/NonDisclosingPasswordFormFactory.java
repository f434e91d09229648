package org.k12id.authenticators.password;


import org.k12id.authenticators.AuthenticatorFactorySupport;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.PasswordCredentialModel;

/** "Password (no account disclosure)": the password step after "Username or Student Badge". */
public final class NonDisclosingPasswordFormFactory extends AuthenticatorFactorySupport {

    public static final String ID = "k12-password-form";
    /** Auth note set by the username step: the username typed is no usable account. */

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Password (no account disclosure)";
    }

    @Override
    public String getHelpText() {
        return "Keycloak's Password Form, for use after 'Username or Student Badge': a username that is no account, "
                + "a disabled or a locked-out one gets the same password page and the same refusal as a wrong "
                + "password, so the login never tells whether an account exists.";
    }

    @Override
    public String getReferenceCategory() {
        return PasswordCredentialModel.TYPE;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new NonDisclosingPasswordForm(session);
    }
}
