package org.k12id.adminrest.defaultpasswords;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.k12id.adminrest.http.Answers;
import org.k12id.adminrest.staff.StaffScope;
import org.keycloak.events.admin.OperationType;

/**
 * {@code k12-default-passwords/requests}: "Regenerate Student Default Passwords" for LEA administrators of the PSU. A
 * request is validated whole, recorded, answered at once with its id, and worked in the background
 * ({@link RegenerationWorker}); its requester follows it here.
 */
public final class RegenerationResource {

    static final int MAX_HISTORY = 200;

    private final DefaultPasswordsCall call;
    private final Takeover takeover;

    RegenerationResource(DefaultPasswordsCall call, Takeover takeover) {
        this.call = call;
        this.takeover = takeover;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(String body) {
        StaffScope scope = call.scope();
        if (scope.adminPsus().isEmpty()) {
            return refused(null);
        }
        RegenerationForm.Parsed parsed = RegenerationForm.parse(body);
        if (parsed.form() == null) {
            return Answers.json(Response.Status.BAD_REQUEST, new Answers.Refusal("invalid_request", parsed.problems().get(0).field(), null,
                    parsed.problems().stream().map(p -> new Answers.Problem(p.field(), p.value(), p.message())).toList(),
                    String.join("; ", parsed.problems().stream()
                            .map(p -> p.field() + (p.value().isEmpty() ? "" : " '" + p.value() + "'") + ": " + p.message()).toList())));
        }
        RegenerationForm form = parsed.form();
        if (!scope.adminPsus().contains(form.psuCode())) {
            return refused(form.psuCode());
        }
        RegenerationRequestEntity request = new RegenerationRequests(call.session()).record(call.realm(), form, scope.caller());
        RegenerationWorker.start(call.session(), request.getId(), takeover);
        call.event(OperationType.CREATE, "regenerate", form.psuCode(), Map.of(
                "k12_request", request.getId(),
                "k12_school", request.getCampusCodes().isEmpty() ? "all" : request.getCampusCodes(),
                "k12_grades", request.getGradeLevels().isEmpty() ? "all" : request.getGradeLevels(),
                "k12_reset", String.valueOf(form.resetPasswords()),
                "k12_force", String.valueOf(form.forceChange()),
                "k12_force_effective", String.valueOf(form.forceHasEffect())));
        return Answers.json(Response.Status.ACCEPTED, RegenerationAnswers.Request.of(request));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response request(@PathParam("id") String id) {
        StaffScope scope = call.scope();
        if (scope.adminPsus().isEmpty()) {
            return DefaultPasswordsCall.forbidden();
        }
        RegenerationRequestEntity request = new RegenerationRequests(call.session()).administered(call.realm(), scope.adminPsus(), id);
        return request == null ? DefaultPasswordsCall.noSuchRequest("id") : Answers.ok(RegenerationAnswers.Request.of(request));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response history(@QueryParam("psu") String psu) {
        StaffScope scope = call.scope();
        if (scope.adminPsus().isEmpty()) {
            return DefaultPasswordsCall.forbidden();
        }
        Response refusal = StaffScope.refusePsu(psu, scope.adminPsus());
        if (refusal != null) {
            return refusal;
        }
        return Answers.ok(new RegenerationAnswers.History(psu, new RegenerationRequests(call.session())
                .history(call.realm(), psu, MAX_HISTORY).stream().map(RegenerationAnswers.Request::of).toList()));
    }

    private Response refused(String psu) {
        call.event(OperationType.ACTION, "refused", psu == null ? "" : psu, Map.of());
        return DefaultPasswordsCall.forbidden();
    }
}
