package org.k12id.authenticators.emailcode;

import org.k12id.authenticators.secondfactor.CodeExchange;
import org.k12id.authenticators.secondfactor.CodeStep;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * "K12 Email Code": after the person is known, a code goes to the address they proved ({@link EmailCode}) and the code
 * page asks for it (see {@link CodeStep}).
 */
final class EmailCodeAuthenticator extends CodeStep {

    static final String PREFIX = "k12.emailCode";

    EmailCodeAuthenticator() {
        super(EmailCode.TYPE, EmailCode.SETUP_ACTION);
    }

    @Override
    protected CodeExchange exchange(AuthenticationFlowContext context) {
        return EmailCode.exchange(context.getSession(), context.getRealm(), context.getAuthenticationSession(),
                context.getUser(), context.getAuthenticatorConfig() == null ? null : context.getAuthenticatorConfig().getConfig(),
                PREFIX);
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return EmailCode.configured(session, realm, user);
    }
}
