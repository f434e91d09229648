package org.k12id.adminrest.defaultpasswords;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.k12id.adminrest.roster.Roster;
import org.k12id.adminrest.staff.Answers;
import org.k12id.adminrest.staff.ReadPhase;
import org.k12id.adminrest.staff.StaffScope;
import org.k12id.domain.CampusCode;
import org.k12id.domain.GradeLevel;
import org.k12id.domain.PsuCode;
import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/k12-default-passwords}: "Regenerate Student Default Passwords" for LEA administrators of
 * the PSU (their realm role and {@code psuCode} are checked here; they hold no realm-management role). A request is
 * validated whole, recorded, answered at once with its id, and worked in the background ({@link RegenerationWorker}).
 */
public final class RegenerationResource {

    static final String EVENT_RESOURCE = "K12_DEFAULT_PASSWORDS";
    static final int MAX_HISTORY = 200;
    static final int MAX_PAGE = 1000;
    static final int DEFAULT_PAGE = 200;
    static final int EXPORT_CHUNK = 100;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    RegenerationResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @POST
    @Path("requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(String body) {
        StaffScope scope = StaffScope.of(session, realm, auth);
        if (scope.adminPsus().isEmpty()) {
            return refused(null);
        }
        RegenerationForm.Parsed parsed = RegenerationForm.parse(body);
        if (parsed.form() == null) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("error", "invalid_request");
            answer.put("field", parsed.problems().get(0).field());
            answer.put("problems", parsed.problems().stream().map(p -> Map.of("field", p.field(), "value", p.value(),
                    "message", p.message())).toList());
            answer.put("error_description", String.join("; ", parsed.problems().stream()
                    .map(p -> p.field() + (p.value().isEmpty() ? "" : " '" + p.value() + "'") + ": " + p.message()).toList()));
            return answer(Response.Status.BAD_REQUEST, answer);
        }
        RegenerationForm form = parsed.form();
        if (!scope.adminPsus().contains(form.psuCode())) {
            return refused(form.psuCode());
        }
        RegenerationRequestEntity request = new RegenerationRequestEntity();
        request.setId(KeycloakModelUtils.generateId());
        request.setRealmId(realm.getId());
        request.setPsuCode(form.psuCode());
        request.setCampusCodes(String.join(",", form.campusCodes()));
        request.setGradeLevels(RegenerationWorker.csv(form.gradeLevels()));
        request.setResetPasswords(form.resetPasswords());
        request.setForceChange(form.forceChange());
        request.setComments(form.comments());
        request.setRequesterId(scope.caller().getId());
        request.setRequesterUsername(scope.caller().getUsername());
        request.setStatus(RegenerationStatus.QUEUED.code());
        request.setCreatedAt(Time.currentTimeMillis());
        // the node that takes the request starts it at once; the timer of any node takes it only if that never happens
        request.setHeartbeatAt(request.getCreatedAt());
        RegenerationWorker.em(session).persist(request);
        startAfterCommit(request.getId());
        event(OperationType.CREATE, "regenerate", form.psuCode(), Map.of(
                "k12_request", request.getId(),
                "k12_school", request.getCampusCodes().isEmpty() ? "all" : request.getCampusCodes(),
                "k12_grades", request.getGradeLevels().isEmpty() ? "all" : request.getGradeLevels(),
                "k12_reset", String.valueOf(form.resetPasswords()),
                "k12_force", String.valueOf(form.forceChange()),
                "k12_force_effective", String.valueOf(form.forceHasEffect())));
        return answer(Response.Status.ACCEPTED, representation(request));
    }

    @GET
    @Path("requests/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response request(@PathParam("id") String id) {
        StaffScope scope = StaffScope.of(session, realm, auth);
        if (scope.adminPsus().isEmpty()) {
            return forbidden();
        }
        RegenerationRequestEntity request = administered(scope, id);
        return request == null ? noSuchRequest("id") : answer(Response.Status.OK, representation(request));
    }

    @GET
    @Path("requests")
    @Produces(MediaType.APPLICATION_JSON)
    public Response history(@QueryParam("psu") String psu) {
        StaffScope scope = StaffScope.of(session, realm, auth);
        if (scope.adminPsus().isEmpty()) {
            return forbidden();
        }
        if (!PsuCode.isWellFormed(psu)) {
            return answer(Response.Status.BAD_REQUEST, Map.of("error", "invalid_request", "field", "psu",
                    "error_description", "A PSU code is 3 digits or upper-case letters"));
        }
        if (!scope.adminPsus().contains(psu)) {
            return answer(Response.Status.NOT_FOUND, Map.of("error", "not_found", "field", "psu",
                    "error_description", "No such PSU among those you administer"));
        }
        List<RegenerationRequestEntity> requests = RegenerationWorker.em(session)
                .createNamedQuery("k12RegenByPsu", RegenerationRequestEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("psuCode", psu).setMaxResults(MAX_HISTORY).getResultList();
        return answer(Response.Status.OK, Map.of("psu", psu, "requests", requests.stream().map(RegenerationResource::representation).toList()));
    }

    /**
     * The default passwords of the caller's students, a page at a time with the total: a teacher's class students, an
     * LEA administrator's PSU students (auditors see none). Every view is an admin event, without the passwords.
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
            return badRequest("first", "first is a whole number from 0");
        }
        Integer size = Answers.number(max, 1, MAX_PAGE, DEFAULT_PAGE);
        if (size == null) {
            return badRequest("max", "max is a whole number from 1 to " + MAX_PAGE);
        }
        ReadPhase.begin(session);
        Roster.Page page = new Roster(session, realm).page(checked.scope().changeRoster(), checked.filter(), from, size);
        Map<String, String> defaults = new DefaultPasswordStore(session).get(realm,
                page.students().stream().map(Roster.Student::id).toList());
        List<Map<String, Object>> rows = page.students().stream().map(student -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", student.id());
            row.put("username", student.username());
            row.put("firstName", student.firstName());
            row.put("lastName", student.lastName());
            row.put("school", student.school());
            row.put("grade", grade(student));
            row.put("defaultPassword", defaults.get(student.id()));
            return row;
        }).toList();
        shown("view", checked.scope(), school, grade, requestId, rows.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", page.total());
        body.put("first", from);
        body.put("max", size);
        body.put("students", rows);
        return answer(Response.Status.OK, body);
    }

    /**
     * The same students and defaults, all of them, as a CSV file for handing out; every export is an admin event. The
     * file is written as it is read, a chunk of students at a time, so memory does not grow with its size.
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
        ReadPhase.begin(session);
        Roster.Scope scope = checked.scope().changeRoster();
        Roster.Filter filter = checked.filter();
        shown("export", checked.scope(), school, grade, requestId, (int) new Roster(session, realm).count(scope, filter));
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        String realmId = realm.getId();
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
        StaffScope scope = StaffScope.of(session, realm, auth);
        if (!scope.changesAnything()) {
            return new Checked(answer(Response.Status.FORBIDDEN, Map.of("error", "forbidden",
                    "error_description", "Only the students' teachers and LEA administrators may see default passwords")), null, null);
        }
        Response bad = badFilters(scope, school, grade, requestId);
        if (bad != null) {
            return new Checked(bad, null, null);
        }
        return new Checked(null, scope, new Roster.Filter(blank(school) ? null : school, null, false,
                blank(grade) ? null : GradeLevel.parse(grade).orElseThrow(), blank(requestId) ? null : requestId));
    }

    private static Response badRequest(String field, String message) {
        return answer(Response.Status.BAD_REQUEST, Map.of("error", "invalid_request", "field", field, "error_description", message));
    }

    /** The admin event of a view or export: who, which filter, how many students; never the defaults. */
    private void shown(String action, StaffScope scope, String school, String grade, String requestId, int count) {
        event(OperationType.ACTION, action, String.join(",", scope.adminPsus()), Map.of("k12_count", String.valueOf(count),
                "k12_school", school == null || school.isEmpty() ? "all" : school, "k12_grades", grade == null || grade.isEmpty() ? "all" : grade,
                "k12_request", blank(requestId) ? "any" : requestId));
    }

    private static boolean blank(String value) {
        return value == null || value.isEmpty();
    }

    /** A request of this realm in a PSU the caller administers, or null. */
    private RegenerationRequestEntity administered(StaffScope scope, String id) {
        RegenerationRequestEntity request = id == null || id.length() > 36 ? null
                : RegenerationWorker.em(session).find(RegenerationRequestEntity.class, id);
        return request == null || !realm.getId().equals(request.getRealmId()) || !scope.adminPsus().contains(request.getPsuCode())
                ? null : request;
    }

    private static Response noSuchRequest(String field) {
        return answer(Response.Status.NOT_FOUND, Map.of("error", "not_found", "field", field,
                "error_description", "No such request in the PSUs you administer"));
    }

    private Response badFilters(StaffScope scope, String school, String grade, String requestId) {
        if (!blank(requestId) && administered(scope, requestId) == null) {
            return noSuchRequest("request");
        }
        if (school != null && !school.isEmpty() && !CampusCode.isWellFormed(school)) {
            return answer(Response.Status.BAD_REQUEST, Map.of("error", "invalid_request", "field", "school",
                    "error_description", "A school code is 6 digits or upper-case letters"));
        }
        if (grade != null && !grade.isEmpty() && !GradeLevel.isValid(grade)) {
            return answer(Response.Status.BAD_REQUEST, Map.of("error", "invalid_request", "field", "grade",
                    "error_description", "Not a grade code"));
        }
        return null;
    }

    static Map<String, Object> representation(RegenerationRequestEntity request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", request.getId());
        body.put("status", request.getStatus());
        body.put("psuCode", request.getPsuCode());
        body.put("campusCodes", RegenerationForm.list(request.getCampusCodes()));
        body.put("gradeLevels", RegenerationForm.list(request.getGradeLevels()));
        body.put("resetPasswords", request.isResetPasswords());
        body.put("forceChange", request.isForceChange());
        body.put("forceEffective", request.isResetPasswords() && request.isForceChange());
        body.put("comments", request.getComments());
        body.put("requester", request.getRequesterUsername());
        body.put("counts", Map.of("targeted", request.getTargeted(), "regenerated", request.getRegenerated(),
                "reset", request.getResetCount(), "failed", request.getFailed()));
        body.put("createdAt", request.getCreatedAt());
        body.put("startedAt", request.getStartedAt());
        body.put("finishedAt", request.getFinishedAt());
        body.put("failure", request.getFailure());
        return body;
    }

    /** The worker starts once the request's row is committed, on this node, in the background. */
    private void startAfterCommit(String requestId) {
        ExecutorService executor = session.getProvider(ExecutorsProvider.class).getExecutor(RegenerationWorker.EXECUTOR);
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                executor.submit(() -> RegenerationWorker.run(factory, requestId));
            }

            @Override
            protected void rollbackImpl() {
            }
        });
    }

    private Response refused(String psu) {
        event(OperationType.ACTION, "refused", psu == null ? "" : psu, Map.of());
        return forbidden();
    }

    private void event(OperationType operation, String action, String psu, Map<String, String> details) {
        AdminEventBuilder event = adminEvent.resource(EVENT_RESOURCE).operation(operation)
                .resourcePath("k12-default-passwords", action).detail("k12_action", action).detail("k12_psu", psu);
        details.forEach(event::detail);
        event.success();
    }

    private static Response forbidden() {
        return answer(Response.Status.FORBIDDEN, Map.of("error", "forbidden",
                "error_description", "Only an LEA administrator of the PSU may regenerate default passwords"));
    }

    private static Response answer(Response.Status status, Map<String, ?> body) {
        return Answers.json(status, body);
    }
}
