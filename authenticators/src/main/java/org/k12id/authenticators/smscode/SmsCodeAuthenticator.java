package org.k12id.authenticators.smscode;

import org.k12id.authenticators.secondfactor.CodeExchange;
import org.k12id.authenticators.secondfactor.CodeStep;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * "K12 Text Message Code": after the person is known, a code is texted to the number they proved ({@link SmsCode}) and
 * the code page asks for it (see {@link CodeStep}). Not configured for anyone while the server has no SMS gateway.
 */
final class SmsCodeAuthenticator extends CodeStep {

    static final String PREFIX = "k12.smsCode";

    SmsCodeAuthenticator() {
        super(SmsCode.TYPE, SmsCode.SETUP_ACTION);
    }

    @Override
    protected CodeExchange exchange(AuthenticationFlowContext context) {
        return SmsCode.exchange(context.getSession(), context.getRealm(), context.getAuthenticationSession(),
                context.getUser(), context.getAuthenticatorConfig() == null ? null : context.getAuthenticatorConfig().getConfig(),
                SmsCode.number(context.getSession(), context.getRealm(), context.getUser()).orElse(null), PREFIX);
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return SmsCode.configured(session, realm, user);
    }
}
