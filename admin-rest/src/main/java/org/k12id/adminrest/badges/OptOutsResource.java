package org.k12id.adminrest.badges;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.k12id.adminrest.http.Answers;
import org.k12id.adminrest.roster.Roster;
import org.k12id.adminrest.staff.StaffScope;
import org.k12id.authenticators.badge.BadgeOptOuts;
import org.k12id.domain.GradeLevel;
import org.keycloak.events.admin.OperationType;

/**
 * {@code k12-badges/opt-outs}: which PreK-5 grades of a PSU may not use badges (LEA administrators and auditors of the
 * PSU). Those students can neither log in with a badge nor be printed one. A change is an admin event with the number
 * of students it turns off.
 */
public final class OptOutsResource {

    private final BadgeCall call;

    OptOutsResource(BadgeCall call) {
        this.call = call;
    }

    /** The opted-out grades of each of the caller's PSUs. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response optOuts() {
        StaffScope scope = call.scope();
        if (scope.readPsus().isEmpty()) {
            return BadgeCall.forbidden();
        }
        return Answers.ok(new BadgeAnswers.OptOuts(scope.readPsus().stream().map(this::optOut).toList(),
                IntStream.rangeClosed(GradeLevel.PREK5_FIRST, GradeLevel.PREK5_LAST).boxed().toList()));
    }

    /** Sets a PSU's opted-out grades (the body: {@code {"grades": [-3, 0]}}; an empty list opts nothing out). */
    @PUT
    @Path("{psu}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response setOptOut(@PathParam("psu") String psu, String body) {
        StaffScope scope = call.scope();
        if (scope.readPsus().isEmpty()) {
            return BadgeCall.forbidden();
        }
        Response refusal = StaffScope.refusePsu(psu, scope.readPsus());
        if (refusal != null) {
            return refusal;
        }
        BadgeRequest.Grades grades = BadgeRequest.forOptOut(body, GradeLevel.PREK5_FIRST, GradeLevel.PREK5_LAST);
        if (grades.problem() != null) {
            return Answers.badRequest(grades.problem().field(), grades.problem().message());
        }
        BadgeOptOuts.store(call.realm(), psu, grades.grades());
        Roster roster = new Roster(call.session(), call.realm());
        long affected = grades.grades().stream().mapToLong(grade -> roster.count(new Roster.Scope(Set.of(psu), Set.of()),
                Roster.Filter.of(null, grade))).sum();
        call.event(OperationType.UPDATE, "opt-out", Set.of(psu), Set.of(), null, affected,
                Map.of("k12_grades", grades.grades().isEmpty() ? "none" : BadgeOptOuts.format(grades.grades())));
        return Answers.ok(optOut(psu));
    }

    private BadgeAnswers.OptOut optOut(String psu) {
        return new BadgeAnswers.OptOut(psu, call.psuName(psu), new TreeSet<>(BadgeOptOuts.of(call.realm(), psu)));
    }
}
