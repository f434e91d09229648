package org.k12id.passwordpolicies.expiry;

import org.k12id.passwordpolicies.PolicyFactorySupport;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyConfigException;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

/**
 * "Expiry By Role": {@code employee:90 lea-administrator:60}. Holds and checks the config; it judges no password. The
 * required action {@code k12-password-expiry-by-role} (module required-actions) reads it at login and sends people
 * whose password is older than their role allows to Keycloak's update-password page.
 */
public final class ExpiryByRolePolicyProviderFactory extends PolicyFactorySupport {

    public static final String ID = "k12-expiry-by-role";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return new Provider();
    }

    @Override
    public String getDisplayName() {
        return "Expiry By Role (role:days role:days ...)";
    }

    @Override
    public String getConfigType() {
        return PasswordPolicyProvider.STRING_CONFIG_TYPE;
    }

    @Override
    public String getDefaultConfigValue() {
        return ExpiryByRole.DEFAULT_CONFIG;
    }

    private static final class Provider implements PasswordPolicyProvider {

        @Override
        public PolicyError validate(RealmModel realm, UserModel user, String password) {
            return null;
        }

        @Override
        public PolicyError validate(String username, String password) {
            return null;
        }

        @Override
        public Object parseConfig(String value) {
            try {
                return ExpiryByRole.parse(value);
            } catch (IllegalArgumentException e) {
                throw new PasswordPolicyConfigException(e.getMessage());
            }
        }

        @Override
        public void close() {
        }
    }
}
