package org.k12id.adminrest.defaultpasswords;

import org.k12id.adminrest.http.AdminResourceFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.timer.TimerProvider;

/**
 * Serves {@code /admin/realms/{realm}/k12-default-passwords}, and once the server is up looks every
 * {@value #RESUME_MILLIS} ms for requests whose node stopped (killed, restarted) to take them over.
 */
public final class DefaultPasswordsResourceProviderFactory extends AdminResourceFactory {

    public static final String ID = "k12-default-passwords";
    static final long RESUME_MILLIS = 15_000;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new DefaultPasswordsResource(session, realm, auth, adminEvent);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                        .scheduleTask(RegenerationWorker::resumeAbandoned, RESUME_MILLIS, "k12-default-passwords-resume"));
            }
        });
    }
}
