package org.k12id.adminrest.badges;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.k12id.adminrest.http.Answers;
import org.k12id.adminrest.persistence.ReadPhase;
import org.k12id.adminrest.roster.Roster;
import org.k12id.adminrest.staff.StaffScope;
import org.k12id.adminrest.staff.StudentBatches;
import org.k12id.adminrest.staff.StudentDirectory;
import org.k12id.authenticators.badge.BadgeIssuer;
import org.k12id.domain.K12Attributes;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.UserModel;

/**
 * {@code k12-badges/void}: ends the badges of chosen students, a class, or (LEA administrators) a whole school, a
 * batch of students per transaction; every void is an admin event.
 */
public final class VoidResource {

    private final BadgeCall call;

    VoidResource(BadgeCall call) {
        this.call = call;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response voidBadges(String body) {
        StaffScope scope = call.scope();
        BadgeRequest.Parsed parsed = BadgeRequest.forVoid(body);
        Response refusal = BadgeCall.refusal(scope, parsed);
        if (refusal != null) {
            return refusal;
        }
        BadgeRequest request = parsed.request();
        ReadPhase.begin(call.session());
        if (request.schoolCode() != null) {
            String psu = request.schoolCode().substring(0, 3);
            if (!scope.adminPsus().contains(psu)) {
                return scope.readPsus().contains(psu) || scope.adminPsus().isEmpty() ? BadgeCall.forbidden()
                        : Answers.notFound("schoolCode", "No such school in the PSUs you administer");
            }
            return voidSchool(psu, request.schoolCode());
        }
        BadgeSelection selection = BadgeSelection.of(call, scope, new StudentDirectory(call.session(), call.realm(), scope), request);
        if (selection.refusal() != null) {
            return selection.refusal();
        }
        List<UserModel> students = selection.students();
        Set<String> psus = new TreeSet<>();
        Set<String> schools = new TreeSet<>();
        for (UserModel student : students) {
            psus.add(String.valueOf(student.getFirstAttribute(K12Attributes.PSU_CODE)));
            schools.add(String.valueOf(student.getFirstAttribute(K12Attributes.SCHOOL_CODE)));
        }
        int voided = voidAll(students.stream().filter(student -> BadgeIssuer.current(student) != null).map(UserModel::getId).toList());
        call.event(OperationType.DELETE, "void", psus, schools, selection.group(), voided,
                Map.of("k12_students", String.valueOf(students.size())));
        return Answers.ok(new BadgeAnswers.Voided(voided, students.size()));
    }

    /** Every badge of a school: its students holding one are found through the roster (ids only). */
    private Response voidSchool(String psu, String school) {
        Roster roster = new Roster(call.session(), call.realm());
        Roster.Scope scope = new Roster.Scope(Set.of(psu), Set.of());
        Roster.Filter filter = Roster.Filter.of(school, null);
        long students = roster.count(scope, filter);
        int voided = voidAll(roster.withBadges(scope, filter));
        call.event(OperationType.DELETE, "void", Set.of(psu), Set.of(school), null, voided,
                Map.of("k12_students", String.valueOf(students)));
        return Answers.ok(new BadgeAnswers.Voided(voided, students));
    }

    /** Voids these students' badges, a batch per transaction; how many were voided. */
    private int voidAll(List<String> withBadges) {
        int[] voided = {0};
        StudentBatches.forEach(call.session(), call.realm(), withBadges, (batch, batchRealm, student) -> {
            if (BadgeIssuer.voidBadge(batch, batchRealm, student)) {
                voided[0]++;
            }
        });
        return voided[0];
    }
}
