package org.k12id.adminrest.badges;

import org.k12id.adminrest.http.AdminResourceFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Serves {@code /admin/realms/{realm}/k12-badges}. */
public final class BadgesResourceProviderFactory extends AdminResourceFactory {

    public static final String ID = "k12-badges";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new BadgesResource(session, realm, auth, adminEvent);
    }
}
