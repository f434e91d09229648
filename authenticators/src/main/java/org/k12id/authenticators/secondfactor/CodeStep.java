package org.k12id.authenticators.secondfactor;

import jakarta.ws.rs.core.MultivaluedMap;

import org.k12id.authenticators.StoredCredentialProvider;
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
 * The sign-in step of a method that sends a code (the email code, the text message code): after the person is known,
 * a code goes out and the code page asks for it. The right code ends the step with the method's credential type; a
 * wrong, expired or used code is refused with one message and counts toward the brute-force lock-out; a locked account
 * is refused with the same message. "Resend code" has a cooldown and an hourly cap.
 *
 * <p>A credential validator: "Try another way" lists the step only for people who have the credential, in the order of
 * their credentials (the one used last first), never to someone who has not set it up.
 */
public abstract class CodeStep implements Authenticator, CredentialValidator<StoredCredentialProvider> {

    private final String credentialType;
    private final String setupAction;

    /**
     * A step whose right code is recorded as {@code credentialType}, and whose method a person sets up with the
     * required action {@code setupAction} (asked when a flow lets people set it up).
     */
    protected CodeStep(String credentialType, String setupAction) {
        this.credentialType = credentialType;
        this.setupAction = setupAction;
    }

    /** The exchange of this sign-in: the method's carrier, words and settings (the step's config). */
    protected abstract CodeExchange exchange(AuthenticationFlowContext context);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(CodePage.page(exchange(context).firstShowing(context.form())));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        CodeExchange exchange = exchange(context);
        MultivaluedMap<String, String> posted = context.getHttpRequest().getDecodedFormParameters();
        if (CodePage.resendAsked(posted)) {
            context.challenge(CodePage.page(exchange.resend(context.form())));
            return;
        }
        UserModel user = context.getUser();
        boolean locked = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user) != null;
        boolean right = exchange.verify(CodePage.typed(posted));
        if (right && !locked) {
            context.success(credentialType);
            return;
        }
        context.getEvent().user(user).error(locked ? Errors.USER_TEMPORARILY_DISABLED : Errors.INVALID_USER_CREDENTIALS);
        if (locked) {
            context.forceChallenge(CodePage.page(exchange.refused(context.form())));
        } else {
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, CodePage.page(exchange.refused(context.form())));
        }
    }

    @Override
    public StoredCredentialProvider getCredentialProvider(KeycloakSession session) {
        return (StoredCredentialProvider) session.getProvider(CredentialProvider.class, credentialType);
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        user.addRequiredAction(setupAction);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public void close() {
    }
}
