package org.k12id.adminrest.claims;

import org.k12id.adminrest.http.AdminResourceFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code /admin/realms/{realm}/k12-claims}: claim codes for parents and guardians ({@link ClaimsResource}). */
public final class ClaimsResourceProviderFactory extends AdminResourceFactory {

    public static final String ID = "k12-claims";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new ClaimsResource(session, realm, auth, adminEvent);
    }
}
