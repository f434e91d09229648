package org.k12id.adminrest.badges;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.k12id.adminrest.http.Answers;
import org.k12id.adminrest.persistence.ReadPhase;
import org.k12id.adminrest.staff.StaffScope;
import org.k12id.adminrest.staff.StudentDirectory;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.UserModel;

/**
 * {@code k12-badges/print}: a PDF of badges for chosen students or a whole class (teachers for their classes, LEA
 * administrators for their PSUs); see {@link BadgeRequest} for the body. Students without a badge get one; every print
 * is an admin event.
 */
public final class PrintResource {

    private final BadgeCall call;

    PrintResource(BadgeCall call) {
        this.call = call;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response print(String body) throws IOException {
        StaffScope scope = call.scope();
        BadgeRequest.Parsed parsed = BadgeRequest.forPrint(body);
        Response refusal = BadgeCall.refusal(scope, parsed);
        if (refusal != null) {
            return refusal;
        }
        BadgeRequest request = parsed.request();
        ReadPhase.begin(call.session());
        StudentDirectory directory = new StudentDirectory(call.session(), call.realm(), scope);
        BadgeSelection selection = BadgeSelection.of(call, scope, directory, request);
        if (selection.refusal() != null) {
            return selection.refusal();
        }
        if (selection.students().isEmpty()) {
            return Answers.conflict("no_students", "classId", "The class has no students");
        }
        BadgePrinting printing = new BadgePrinting(call.session(), call.realm(), directory);
        List<UserModel> printable = selection.students().stream().filter(printing::allowed).toList();
        List<UserModel> off = selection.students().stream().filter(student -> !printing.allowed(student)).toList();
        if (request.userIds() != null && !off.isEmpty() || printable.isEmpty()) {
            return Answers.json(Response.Status.CONFLICT, new Answers.Refusal("badges_off", request.userIds() != null ? "userIds" : "classId",
                    off.stream().map(UserModel::getId).toList(), null,
                    "Badges are off for these students (their grade, their PSU's opt-out, or a disabled account)"));
        }
        List<UserModel> ordered = selection.group() != null ? printable
                : printable.stream().sorted(Comparator.comparing((UserModel s) -> printing.classLine(s, null))
                        .thenComparing(StudentDirectory.ROSTER_ORDER)).toList();
        BadgePrinting.Printed printed = printing.print(ordered, selection.group(),
                SheetLayout.parse(request.layout()).orElseThrow(),
                Paper.parse(request.paper()).orElseThrow(), request.renew());
        call.event(OperationType.ACTION, "print", printed.psus(), printed.schools(), selection.group(), printed.count(),
                Map.of("k12_issued", String.valueOf(printed.issued()), "k12_renew", String.valueOf(request.renew()),
                        "k12_layout", request.layout(), "k12_paper", request.paper()));
        return Response.ok(printed.pdf(), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"k12-badges-" + LocalDate.now(ZoneId.systemDefault()) + ".pdf\"")
                .header("X-K12-Badges-Printed", printed.count())
                .header("X-K12-Badges-Skipped", off.size())
                .cacheControl(Answers.noStore())
                .build();
    }
}
