package org.k12id.adminrest.defaultpasswords;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.k12id.adminrest.http.Answers;
import org.k12id.adminrest.persistence.ReadPhase;
import org.k12id.adminrest.roster.Roster;
import org.k12id.adminrest.staff.StaffScope;
import org.k12id.domain.CampusCode;
import org.k12id.domain.GradeLevel;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/k12-default-passwords}: the students' current default passwords, for their teachers and
 * the LEA administrators of their PSU (realm roles, classes and {@code psuCode} checked here on every call; staff hold
 * no realm-management role), as pages and as a CSV file for handing out. Every view and export is an admin event,
 * without the passwords. Regeneration requests are under {@code requests} ({@link RegenerationResource}).
 */
public final class DefaultPasswordsResource {

    static final int MAX_PAGE = 1000;
    static final int DEFAULT_PAGE = 200;
    static final int EXPORT_CHUNK = 100;

    private final DefaultPasswordsCall call;
    private final Takeover takeover;

    DefaultPasswordsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent,
                             Takeover takeover) {
        this.call = new DefaultPasswordsCall(session, realm, auth, adminEvent);
        this.takeover = takeover;
    }

    @Path("requests")
    public RegenerationResource requests() {
        return new RegenerationResource(call, takeover);
    }

    /**
     * The default passwords of the caller's students, a page at a time with the total: a teacher's class students, an
     * LEA administrator's PSU students (auditors see none).
     */
    @GET
    @Path("students")
    @Produces(MediaType.APPLICATION_JSON)
    public Response students(@QueryParam("school") String school, @QueryParam("grade") String grade,
                             @QueryParam("request") String requestId, @QueryParam("first") String first,
                             @QueryParam("max") String max) {
        Checked checked = check(school, grade, requestId);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        Integer from = Answers.number(first, 0, 1_000_000, 0);
        if (from == null) {
            return Answers.badRequest("first", "first is a whole number from 0");
        }
        Integer size = Answers.number(max, 1, MAX_PAGE, DEFAULT_PAGE);
        if (size == null) {
            return Answers.badRequest("max", "max is a whole number from 1 to " + MAX_PAGE);
        }
        ReadPhase.begin(call.session());
        Roster.Page page = new Roster(call.session(), call.realm()).page(checked.scope().changeRoster(), checked.filter(), from, size);
        Map<String, String> defaults = new DefaultPasswordStore(call.session()).get(call.realm(),
                page.students().stream().map(Roster.Student::id).toList());
        List<RegenerationAnswers.DefaultsRow> rows = page.students().stream().map(student -> new RegenerationAnswers.DefaultsRow(
                student.id(), student.username(), student.firstName(), student.lastName(), student.school(), grade(student),
                defaults.get(student.id()))).toList();
        shown("view", checked.scope(), school, grade, requestId, rows.size());
        return Answers.ok(new Answers.Page<>(page.total(), from, size, rows));
    }

    /**
     * The same students and defaults, all of them, as a CSV file. The file is written as it is read, a chunk of students
     * at a time, so memory does not grow with its size.
     */
    @GET
    @Path("students.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("school") String school, @QueryParam("grade") String grade,
                           @QueryParam("request") String requestId) {
        Checked checked = check(school, grade, requestId);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        ReadPhase.begin(call.session());
        Roster.Scope scope = checked.scope().changeRoster();
        Roster.Filter filter = checked.filter();
        shown("export", checked.scope(), school, grade, requestId, (int) new Roster(call.session(), call.realm()).count(scope, filter));
        KeycloakSessionFactory factory = call.session().getKeycloakSessionFactory();
        String realmId = call.realm().getId();
        StreamingOutput csv = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            writer.write(DefaultPasswordCsv.BOM);
            writer.write(DefaultPasswordCsv.line(DefaultPasswordCsv.HEADER));
            // the request's own session may be gone by the time the body is written: the file is read in a session of its own
            KeycloakModelUtils.runJobInTransaction(factory, reading -> {
                RealmModel readRealm = reading.realms().getRealm(realmId);
                ReadPhase.begin(reading);
                DefaultPasswordStore store = new DefaultPasswordStore(reading);
                new Roster(reading, readRealm).forEach(scope, filter, EXPORT_CHUNK, students -> {
                    Map<String, String> defaults = store.get(readRealm, students.stream().map(Roster.Student::id).toList());
                    try {
                        for (Roster.Student student : students) {
                            writer.write(DefaultPasswordCsv.line(Arrays.asList(student.username(), student.firstName(),
                                    student.lastName(), student.school(), grade(student), defaults.get(student.id()))));
                        }
                        writer.flush();
                    } catch (IOException gone) {
                        throw new UncheckedIOException(gone);
                    }
                });
            });
            writer.flush();
        };
        return Response.ok(csv, "text/csv; charset=utf-8").cacheControl(Answers.noStore())
                .header("Content-Disposition", "attachment; filename=\"k12-default-passwords.csv\"").build();
    }

    private static String grade(Roster.Student student) {
        return student.grade() == null ? null : String.valueOf(student.grade());
    }

    /** The caller's scope and the roster filter of a view or export, or why there is none. */
    private record Checked(Response refusal, StaffScope scope, Roster.Filter filter) {
    }

    private Checked check(String school, String grade, String requestId) {
        StaffScope scope = call.scope();
        if (!scope.changesAnything()) {
            return new Checked(Answers.forbidden("Only the students' teachers and LEA administrators may see default passwords"),
                    null, null);
        }
        if (!blank(requestId) && new RegenerationRequests(call.session()).administered(call.realm(), scope.adminPsus(), requestId) == null) {
            return new Checked(DefaultPasswordsCall.noSuchRequest("request"), null, null);
        }
        if (!blank(school) && !CampusCode.isWellFormed(school)) {
            return new Checked(Answers.badRequest("school", "A school code is 6 digits or upper-case letters"), null, null);
        }
        if (!blank(grade) && !GradeLevel.isValid(grade)) {
            return new Checked(Answers.badRequest("grade", "Not a grade code"), null, null);
        }
        return new Checked(null, scope, new Roster.Filter(Answers.blankToNull(school), null, false,
                blank(grade) ? null : GradeLevel.parse(grade).orElseThrow(), Answers.blankToNull(requestId)));
    }

    /** The admin event of a view or export: who, which filter, how many students; never the defaults. */
    private void shown(String action, StaffScope scope, String school, String grade, String requestId, int count) {
        call.event(OperationType.ACTION, action, String.join(",", scope.adminPsus()), Map.of("k12_count", String.valueOf(count),
                "k12_school", blank(school) ? "all" : school, "k12_grades", blank(grade) ? "all" : grade,
                "k12_request", blank(requestId) ? "any" : requestId));
    }

    private static boolean blank(String value) {
        return value == null || value.isEmpty();
    }
}
