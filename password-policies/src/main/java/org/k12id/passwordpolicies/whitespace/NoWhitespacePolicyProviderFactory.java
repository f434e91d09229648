package org.k12id.passwordpolicies.whitespace;

import org.k12id.passwordpolicies.PolicyFactorySupport;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

/** "No Whitespace": no space or other Unicode whitespace anywhere in the password. */
public final class NoWhitespacePolicyProviderFactory extends PolicyFactorySupport {

    public static final String ID = "k12-no-whitespace";
    static final String ERROR = "k12.password.noWhitespace";

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
        return "No Whitespace";
    }

    @Override
    public String getConfigType() {
        return null;
    }

    @Override
    public String getDefaultConfigValue() {
        return null;
    }

    private static final class Provider implements PasswordPolicyProvider {

        @Override
        public PolicyError validate(RealmModel realm, UserModel user, String password) {
            return validate(user.getUsername(), password);
        }

        @Override
        public PolicyError validate(String username, String password) {
            return Whitespace.containsWhitespace(password) ? new PolicyError(ERROR) : null;
        }

        @Override
        public Object parseConfig(String value) {
            return null;
        }

        @Override
        public void close() {
        }
    }
}
