package org.k12id.authenticators.password;

import jakarta.ws.rs.core.MultivaluedMap;

import org.k12id.authenticators.AuthNotes;
import org.k12id.authenticators.LoginMethod;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.browser.PasswordForm;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.services.messages.Messages;
import org.keycloak.services.validation.Validation;

/**
 * Keycloak's Password Form, except that a username that is no usable account (marked by the pack's username step)
 * gets the same password page and, whatever is typed, the same refusal as a wrong password, after hashing the typed
 * password with the realm's algorithm so that even the time taken says nothing.
 */
final class NonDisclosingPasswordForm extends PasswordForm {

    NonDisclosingPasswordForm(KeycloakSession session) {
        super(session);
    }

    private static boolean noAccount(AuthenticationFlowContext context) {
        return context.getUser() == null
                && "true".equals(context.getAuthenticationSession().getAuthNote(AuthNotes.NO_ACCOUNT));
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (noAccount(context)) {
            context.challenge(context.form().createLoginPassword());
            return;
        }
        if (context.getUser() == null) {
            context.failure(AuthenticationFlowError.UNKNOWN_USER);
            return;
        }
        super.authenticate(context);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (!noAccount(context)) {
            super.action(context);
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey("cancel")) {
            context.cancelLogin();
            return;
        }
        String password = form.getFirst("password");
        hashAnyway(context, password == null ? "" : password);
        context.getEvent().error(Errors.USER_NOT_FOUND);
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                challenge(context, Messages.INVALID_PASSWORD, Validation.FIELD_PASSWORD));
    }

    /** A right password: the session remembers that the person signed in with a password ({@link LoginMethod}). */
    @Override
    protected boolean validateForm(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        boolean valid = super.validateForm(context, formData);
        if (valid) {
            context.getAuthenticationSession().setUserSessionNote(LoginMethod.NOTE, LoginMethod.PASSWORD);
        }
        return valid;
    }

    private static void hashAnyway(AuthenticationFlowContext context, String password) {
        PasswordPolicy policy = context.getRealm().getPasswordPolicy();
        String algorithm = policy.getHashAlgorithm();
        PasswordHashProvider hash = algorithm == null
                ? context.getSession().getProvider(PasswordHashProvider.class) // the server's default (Argon2id)
                : context.getSession().getProvider(PasswordHashProvider.class, algorithm);
        if (hash != null) {
            hash.encodedCredential(password, policy.getHashIterations());
        }
    }
}
