package org.k12id.adminrest.http;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/**
 * The base of the pack's admin REST resources ({@code /admin/realms/{realm}/<id>}): the factory is its own provider
 * (it holds no state), and a subclass names its id and makes its resource for each call.
 */
public abstract class AdminResourceFactory implements AdminRealmResourceProviderFactory, AdminRealmResourceProvider {

    @Override
    public final AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
    }

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
