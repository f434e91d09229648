package org.k12id.passwordpolicies.names;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyConfigException;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

final class NotNamesPolicyProvider implements PasswordPolicyProvider {

    /** Names the rule, never the name. */
    static final String ERROR = "k12.password.notNames";

    @Override
    public PolicyError validate(RealmModel realm, UserModel user, String password) {
        Integer minPart = realm.getPasswordPolicy().getPolicyConfig(NotNamesPolicyProviderFactory.ID);
        int min = minPart == null ? NameParts.DEFAULT_MIN_PART_LENGTH : minPart;
        return NameParts.containsName(password, user.getFirstName(), user.getLastName(), min) ? new PolicyError(ERROR) : null;
    }

    @Override
    public PolicyError validate(String username, String password) {
        return null; // no person, no names to compare
    }

    @Override
    public Object parseConfig(String value) {
        try {
            return NameParts.parseMinPartLength(value);
        } catch (IllegalArgumentException e) {
            throw new PasswordPolicyConfigException(e.getMessage());
        }
    }

    @Override
    public void close() {
    }
}
