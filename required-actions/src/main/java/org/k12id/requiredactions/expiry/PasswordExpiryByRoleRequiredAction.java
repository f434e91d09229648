package org.k12id.requiredactions.expiry;

import java.util.OptionalInt;

import org.k12id.passwordpolicies.expiry.ExpiryByRole;
import org.k12id.passwordpolicies.expiry.ExpiryByRolePolicyProviderFactory;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.authentication.requiredactions.UpdatePassword;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * At login, after the password was checked: if the realm's "Expiry By Role" policy gives one of the person's realm
 * roles (held directly, through a composite or through a group) a lifetime their password has outlived, the person
 * must choose a new one on Keycloak's own update-password page. The form is processed by Keycloak's own
 * {@link UpdatePassword} (confirmation, password policy, events). People with no listed role never expire.
 */
final class PasswordExpiryByRoleRequiredAction implements RequiredActionProvider {

    static final String EXPIRED_MESSAGE = "k12.password.expired";

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.NOT_SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        if (!AuthenticatorUtil.isPasswordValidated(context.getAuthenticationSession())) {
            return;
        }
        RealmModel realm = context.getRealm();
        ExpiryByRole expiry = realm.getPasswordPolicy().getPolicyConfig(ExpiryByRolePolicyProviderFactory.ID);
        if (expiry == null) {
            return;
        }
        UserModel user = context.getUser();
        OptionalInt days = expiry.daysFor(roleName -> {
            RoleModel role = realm.getRole(roleName);
            return role != null && user.hasRole(role);
        });
        if (days.isEmpty()) {
            return;
        }
        CredentialModel password = user.credentialManager()
                .getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE).findFirst().orElse(null);
        if (password != null && ExpiryByRole.isExpired(password.getCreatedDate(), Time.currentTimeMillis(), days.getAsInt())) {
            user.addRequiredAction(PasswordExpiryByRoleRequiredActionFactory.ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(context.form()
                .setAttribute("username", context.getUser().getUsername())
                .setError(EXPIRED_MESSAGE)
                .createResponse(UserModel.RequiredAction.UPDATE_PASSWORD));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        new UpdatePassword().processAction(context);
    }

    @Override
    public void close() {
    }
}
