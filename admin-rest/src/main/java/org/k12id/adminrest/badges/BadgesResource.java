package org.k12id.adminrest.badges;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.k12id.authenticators.badge.BadgeIssuer;
import org.k12id.authenticators.badge.BadgeOptOuts;
import org.k12id.domain.GradeLevel;
import org.k12id.domain.K12Attributes;
import org.k12id.domain.K12Roles;
import org.k12id.domain.PsuScope;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/k12-badges}: badges for LEA administrators, scoped to the PSUs in their psuCode.
 * LEA administrators hold no realm-management role; the caller's own realm role and PSUs are checked here.
 */
public final class BadgesResource {

    static final int MAX_ID_LENGTH = 64;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    BadgesResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.USER);
    }

    /**
     * Issues a new badge for a student of one of the caller's PSUs and returns its QR payload. The student's previous
     * badge stops working at once. The answer holds the badge's secret: it is never stored, logged or cached.
     */
    @POST
    @Path("users/{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(@PathParam("userId") String userId) {
        UserModel caller = leaAdministrator();
        if (caller == null) {
            return answer(Response.Status.FORBIDDEN, Map.of("error", "forbidden",
                    "error_description", "Only an LEA administrator of the student's PSU may issue badges"));
        }
        UserModel student = userId == null || userId.length() > MAX_ID_LENGTH ? null
                : session.users().getUserById(realm, userId);
        String psu = student == null ? null : student.getFirstAttribute(K12Attributes.PSU_CODE);
        if (student == null || !isStudent(student) || !PsuScope.covers(caller.getAttributeStream(K12Attributes.PSU_CODE).toList(), psu)) {
            // the same answer whether the account is missing, not a student or in another PSU
            return answer(Response.Status.NOT_FOUND, Map.of("error", "not_found", "field", "userId",
                    "error_description", "No such student in the PSUs you administer"));
        }
        String grade = student.getFirstAttribute(K12Attributes.GRADE_LEVEL);
        Set<Integer> optedOut = BadgeOptOuts.parse(realm.getAttribute(BadgeOptOuts.attribute(psu)));
        if (GradeLevel.parse(grade).map(optedOut::contains).orElse(true)) {
            return answer(Response.Status.CONFLICT, Map.of("error", "badges_off", "field", "userId",
                    "error_description", "Badges are turned off for this student's grade in PSU " + psu));
        }
        BadgeIssuer.Issued issued = BadgeIssuer.issue(session, realm, student);
        adminEvent.operation(OperationType.ACTION).resourcePath("users", student.getId(), "k12-badge").success();
        return answer(Response.Status.OK, Map.of("userId", student.getId(), "payload", issued.payload(),
                "version", issued.version(), "issuedAt", issued.issuedAt()));
    }

    private UserModel leaAdministrator() {
        if (!auth.adminAuth().getRealm().equals(realm)) {
            return null;
        }
        UserModel caller = auth.adminAuth().getUser();
        RoleModel role = realm.getRole(K12Roles.LEA_ADMINISTRATOR);
        return caller != null && role != null && caller.isEnabled() && caller.hasRole(role) ? caller : null;
    }

    private boolean isStudent(UserModel user) {
        RoleModel student = realm.getRole(K12Roles.STUDENT);
        return student != null && user.hasRole(student);
    }

    private static Response answer(Response.Status status, Map<String, ?> body) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON).cacheControl(noStore).build();
    }
}
