package org.k12id.passwordpolicies.edges;

import org.k12id.passwordpolicies.PolicyFactorySupport;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyConfigException;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

/** "Not Begin Or End With": the password must not begin or end with any of the configured characters (default "!"). */
public final class NotBeginOrEndWithPolicyProviderFactory extends PolicyFactorySupport {

    public static final String ID = "k12-not-begin-or-end-with";
    static final String ERROR = "k12.password.notBeginOrEndWith";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return new Provider(session);
    }

    @Override
    public String getDisplayName() {
        return "Not Begin Or End With (characters)";
    }

    @Override
    public String getConfigType() {
        return PasswordPolicyProvider.STRING_CONFIG_TYPE;
    }

    @Override
    public String getDefaultConfigValue() {
        return Edges.DEFAULT_CHARACTERS;
    }

    private static final class Provider implements PasswordPolicyProvider {

        private final KeycloakSession session;

        Provider(KeycloakSession session) {
            this.session = session;
        }

        @Override
        public PolicyError validate(RealmModel realm, UserModel user, String password) {
            String characters = realm.getPasswordPolicy().getPolicyConfig(ID);
            return check(characters, password);
        }

        @Override
        public PolicyError validate(String username, String password) {
            RealmModel realm = session.getContext().getRealm();
            return check(realm == null ? null : realm.getPasswordPolicy().getPolicyConfig(ID), password);
        }

        private static PolicyError check(String configured, String password) {
            String characters = configured == null ? Edges.DEFAULT_CHARACTERS : configured;
            return Edges.beginsOrEndsWith(password, characters) ? new PolicyError(ERROR, characters) : null;
        }

        @Override
        public Object parseConfig(String value) {
            try {
                return Edges.parseCharacters(value);
            } catch (IllegalArgumentException e) {
                throw new PasswordPolicyConfigException(e.getMessage());
            }
        }

        @Override
        public void close() {
        }
    }
}
