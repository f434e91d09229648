package org.k12id.adminrest.badges;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.k12id.adminrest.http.Answers;
import org.k12id.adminrest.staff.StaffScope;
import org.k12id.authenticators.badge.BadgeConfig;
import org.k12id.authenticators.badge.BadgeIssuer;
import org.k12id.authenticators.badge.BadgeOptOuts;
import org.k12id.domain.K12Attributes;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.UserModel;

/** {@code k12-badges/users/{userId}}: an LEA administrator issues one student of their PSUs a new badge. */
public final class BadgeIssueResource {

    private final BadgeCall call;

    BadgeIssueResource(BadgeCall call) {
        this.call = call;
    }

    /**
     * Issues a new badge for a student of one of the caller's PSUs and returns its QR payload. The student's previous
     * badge stops working at once. The answer holds the badge's secret: it is never stored, logged or cached.
     */
    @POST
    @Path("{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(@PathParam("userId") String userId) {
        StaffScope scope = call.scope();
        if (scope.adminPsus().isEmpty()) {
            return Answers.forbidden("Only an LEA administrator of the student's PSU may issue badges");
        }
        // through the user cache: the new badge is written through it, so every node's cached copy is dropped
        UserModel student = call.userById(userId) == null ? null : call.session().users().getUserById(call.realm(), userId);
        String psu = student == null ? null : student.getFirstAttribute(K12Attributes.PSU_CODE);
        if (student == null || !scope.isStudent(student) || !scope.adminPsus().contains(psu)) {
            // the same answer whether the account is missing, not a student or in another PSU
            return Answers.notFound("userId", "No such student in the PSUs you administer");
        }
        // the same rule as the login step and printing: the step's grades, the PSU's opt-outs, an enabled account
        if (!BadgeConfig.forRealm(call.realm()).eligibility().allows(student.isEnabled(),
                student.getFirstAttribute(K12Attributes.GRADE_LEVEL), BadgeOptOuts.of(call.realm(), psu))) {
            return Answers.conflict("badges_off", "userId",
                    "Badges are off for this student (their grade, their PSU's opt-out, or a disabled account)");
        }
        BadgeIssuer.Issued issued = BadgeIssuer.issue(call.session(), call.realm(), student);
        call.adminEvent().resource(ResourceType.USER).operation(OperationType.ACTION)
                .resourcePath("users", student.getId(), "k12-badge").success();
        return Answers.ok(new BadgeAnswers.Issued(student.getId(), issued.payload(), issued.version(), issued.issuedAt()));
    }
}
