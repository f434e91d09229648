package org.k12id.authenticators.emailcode;

import jakarta.ws.rs.core.MultivaluedMap;

import org.k12id.authenticators.secondfactor.CodePage;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.CredentialValidator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * "K12 Email Code": after the person is known, a code goes to the address they proved ({@link EmailCode}) and the code
 * page asks for it. A wrong, expired or used code is refused with one message and counts toward the brute-force
 * lock-out; a locked account is refused with the same message. "Resend code" has a cooldown and an hourly cap.
 *
 * <p>A credential validator: "Try another way" lists the step only for people who have the credential, in the order of
 * their credentials (the one used last first), never to someone who has not set it up.
 */
final class EmailCodeAuthenticator implements Authenticator, CredentialValidator<EmailCodeCredentialProvider> {

    static final String PREFIX = "k12.emailCode";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(CodePage.page(exchange(context).firstShowing(context.form())));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        EmailCodeExchange exchange = exchange(context);
        MultivaluedMap<String, String> posted = context.getHttpRequest().getDecodedFormParameters();
        if (CodePage.resendAsked(posted)) {
            context.challenge(CodePage.page(exchange.resend(context.form())));
            return;
        }
        UserModel user = context.getUser();
        boolean locked = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user) != null;
        boolean right = exchange.verify(CodePage.typed(posted));
        if (right && !locked) {
            context.success(EmailCode.TYPE);
            return;
        }
        context.getEvent().user(user).error(locked ? Errors.USER_TEMPORARILY_DISABLED : Errors.INVALID_USER_CREDENTIALS);
        if (locked) {
            context.forceChallenge(CodePage.page(exchange.refused(context.form())));
        } else {
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, CodePage.page(exchange.refused(context.form())));
        }
    }

    private static EmailCodeExchange exchange(AuthenticationFlowContext context) {
        return new EmailCodeExchange(context.getSession(), context.getRealm(), context.getAuthenticationSession(),
                context.getUser(), context.getAuthenticatorConfig() == null ? null : context.getAuthenticatorConfig().getConfig(),
                PREFIX);
    }

    @Override
    public EmailCodeCredentialProvider getCredentialProvider(KeycloakSession session) {
        return (EmailCodeCredentialProvider) session.getProvider(CredentialProvider.class, EmailCode.TYPE);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return EmailCode.configured(session, realm, user);
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        user.addRequiredAction(EmailCode.SETUP_ACTION);
    }

    @Override
    public void close() {
    }
}
