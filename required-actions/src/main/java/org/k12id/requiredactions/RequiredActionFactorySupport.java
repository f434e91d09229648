package org.k12id.requiredactions;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.models.KeycloakSessionFactory;

/** The base of the pack's required-action factories: they keep no state, so their lifecycle does nothing. */
public abstract class RequiredActionFactorySupport implements RequiredActionFactory {

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
