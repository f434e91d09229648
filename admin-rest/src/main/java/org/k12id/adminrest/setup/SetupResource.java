package org.k12id.adminrest.setup;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.k12id.adminrest.http.Answers;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code POST /admin/realms/{realm}/k12-setup}: applies the pack's realm setup ({@link RealmSetup}) to the realm, for
 * an administrator who may manage the realm. The answer names every change; applied again, it names none. The change
 * is an admin event (resource type {@value #EVENT_RESOURCE}).
 */
public final class SetupResource {

    static final String EVENT_RESOURCE = "K12_SETUP";

    /** What applying the setup changed, in words; empty when the realm had it all. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Applied(String realm, List<String> changes) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    SetupResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response apply() {
        auth.realm().requireManageRealm();
        List<String> changes = new RealmSetup(session, realm).apply();
        adminEvent.resource(EVENT_RESOURCE).operation(OperationType.UPDATE).resourcePath("k12-setup")
                .detail("k12_action", "setup").detail("k12_count", String.valueOf(changes.size())).success();
        return Answers.ok(new Applied(realm.getName(), changes));
    }
}
