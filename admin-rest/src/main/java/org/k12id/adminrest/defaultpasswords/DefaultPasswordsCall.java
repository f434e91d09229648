package org.k12id.adminrest.defaultpasswords;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.k12id.adminrest.http.Answers;
import org.k12id.adminrest.staff.StaffScope;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** One call to {@code k12-default-passwords}: what its parts share (the caller's scope, admin events, refusals). */
record DefaultPasswordsCall(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {

    static final String EVENT_RESOURCE = "K12_DEFAULT_PASSWORDS";

    StaffScope scope() {
        return StaffScope.of(session, realm, auth);
    }

    /** An admin event: who, which action, which PSU, and the details (never a password). */
    void event(OperationType operation, String action, String psu, Map<String, String> details) {
        AdminEventBuilder event = adminEvent.resource(EVENT_RESOURCE).operation(operation)
                .resourcePath("k12-default-passwords", action).detail("k12_action", action).detail("k12_psu", psu);
        details.forEach(event::detail);
        event.success();
    }

    static Response forbidden() {
        return Answers.forbidden("Only an LEA administrator of the PSU may regenerate default passwords");
    }

    static Response noSuchRequest(String field) {
        return Answers.notFound(field, "No such request in the PSUs you administer");
    }
}
