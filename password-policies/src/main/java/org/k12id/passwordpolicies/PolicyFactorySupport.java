package org.k12id.passwordpolicies;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.policy.PasswordPolicyProviderFactory;

/** The parts every password policy factory of the pack shares: no server config, no lifecycle, one per realm. */
public abstract class PolicyFactorySupport implements PasswordPolicyProviderFactory {

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public boolean isMultiplSupported() {
        return false;
    }

    @Override
    public void close() {
    }
}
