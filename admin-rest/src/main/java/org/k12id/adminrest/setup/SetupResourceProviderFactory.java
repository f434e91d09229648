package org.k12id.adminrest.setup;

import org.k12id.adminrest.http.AdminResourceFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Serves {@code /admin/realms/{realm}/k12-setup}. */
public final class SetupResourceProviderFactory extends AdminResourceFactory {

    public static final String ID = "k12-setup";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new SetupResource(session, realm, auth, adminEvent);
    }
}
