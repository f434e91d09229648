package org.k12id.authenticators.secondfactor;

import java.util.Optional;

import org.k12id.authenticators.PlainStep;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;

/**
 * "K12 Second Factor Used Last, Offered First": after the sign-in's steps, names the second factor this sign-in used in
 * the session for apps ({@link SecondFactors#NOTE}), and moves its credential to the top of the person's credentials.
 * Keycloak offers a person's methods in that order (the first is asked, the others are behind "Try another way"), so
 * the one used last is offered first next time. Does nothing when no second factor was used.
 */
final class LastUsedFirst extends PlainStep {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        Optional<String> used = SecondFactors.lastUsed(AuthenticatorUtil.getAuthnCredentials(context.getAuthenticationSession()));
        if (user != null && used.isPresent()) {
            context.getAuthenticationSession().setUserSessionNote(SecondFactors.NOTE, SecondFactors.appName(used.get()));
            // no write when it is first already (the usual case: most people use one method)
            String first = user.credentialManager().getStoredCredentialsStream()
                    .filter(credential -> SecondFactors.isSecondFactor(credential.getType()))
                    .findFirst().map(CredentialModel::getType).orElse(null);
            if (!used.get().equals(first)) {
                user.credentialManager().getStoredCredentialsByTypeStream(used.get()).findFirst().map(CredentialModel::getId)
                        .ifPresent(id -> user.credentialManager().moveStoredCredentialTo(id, null));
            }
        }
        context.success();
    }

    @Override
    public boolean requiresUser() {
        return false;
    }
}
