package org.k12id.passwordpolicies.names;

import org.k12id.passwordpolicies.PolicyFactorySupport;
import org.keycloak.models.KeycloakSession;
import org.keycloak.policy.PasswordPolicyProvider;

/** "Not Names": the password must not contain the person's first or last name, or a part of them. */
public final class NotNamesPolicyProviderFactory extends PolicyFactorySupport {

    public static final String ID = "k12-not-names";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return new NotNamesPolicyProvider();
    }

    @Override
    public String getDisplayName() {
        return "Not Names (shortest name part that counts)";
    }

    @Override
    public String getConfigType() {
        return PasswordPolicyProvider.INT_CONFIG_TYPE;
    }

    @Override
    public String getDefaultConfigValue() {
        return String.valueOf(NameParts.DEFAULT_MIN_PART_LENGTH);
    }
}
