package org.k12id.adminrest.defaultpasswords;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.k12id.adminrest.staff.Answers;
import org.k12id.adminrest.staff.ReadPhase;
import org.k12id.adminrest.staff.StaffScope;
import org.k12id.adminrest.staff.StudentDirectory;
import org.k12id.domain.CampusCode;
import org.k12id.domain.GradeLevel;
import org.k12id.domain.K12Attributes;
import org.k12id.domain.PsuCode;
import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
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
     * The default passwords of the caller's students: a teacher's class students, an LEA administrator's PSU students
     * (auditors see none). Every view is an admin event, without the passwords.
     */
    @GET
    @Path("students")
    @Produces(MediaType.APPLICATION_JSON)
    public Response students(@QueryParam("school") String school, @QueryParam("grade") String grade,
                             @QueryParam("request") String requestId) {
        Shown shown = show("view", school, grade, requestId);
        return shown.refusal() != null ? shown.refusal() : answer(Response.Status.OK, Map.of("students", shown.rows()));
    }

    /** The same students and defaults as a CSV file, for handing out; every export is an admin event. */
    @GET
    @Path("students.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("school") String school, @QueryParam("grade") String grade,
                           @QueryParam("request") String requestId) {
        Shown shown = show("export", school, grade, requestId);
        if (shown.refusal() != null) {
            return shown.refusal();
        }
        StringBuilder csv = new StringBuilder(DefaultPasswordCsv.BOM).append(DefaultPasswordCsv.line(DefaultPasswordCsv.HEADER));
        for (Map<String, Object> row : shown.rows()) {
            csv.append(DefaultPasswordCsv.line(Arrays.asList((String) row.get("username"), (String) row.get("firstName"),
                    (String) row.get("lastName"), (String) row.get("school"), (String) row.get("grade"), (String) row.get("defaultPassword"))));
        }
        return Response.ok(csv.toString(), "text/csv; charset=utf-8").cacheControl(Answers.noStore())
                .header("Content-Disposition", "attachment; filename=\"k12-default-passwords.csv\"").build();
    }

    /** The students and defaults a view or export shows, or why it shows none. */
    private record Shown(Response refusal, List<Map<String, Object>> rows) {
    }

    /** Checks the caller and the filters, reads the rows and records the view or export (without the defaults). */
    private Shown show(String action, String school, String grade, String requestId) {
        StaffScope scope = StaffScope.of(session, realm, auth);
        if (!scope.changesAnything()) {
            return new Shown(answer(Response.Status.FORBIDDEN, Map.of("error", "forbidden",
                    "error_description", "Only the students' teachers and LEA administrators may see default passwords")), null);
        }
        Response bad = badFilters(scope, school, grade, requestId);
        if (bad != null) {
            return new Shown(bad, null);
        }
        List<Map<String, Object>> rows = rows(scope, school, grade, requestId);
        shown(action, scope, school, grade, requestId, rows.size());
        return new Shown(null, rows);
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

    /**
     * The caller's students (all, or one school's or grade's) and their defaults; with {@code requestId}, only the
     * students whose current default that request made.
     */
    private List<Map<String, Object>> rows(StaffScope scope, String school, String grade, String requestId) {
        ReadPhase.begin(session);
        StudentDirectory directory = new StudentDirectory(session, realm, scope);
        DefaultPasswordStore store = new DefaultPasswordStore(session);
        StudentDirectory.Filter filter = new StudentDirectory.Filter(blank(school) ? null : school, null,
                blank(grade) ? null : GradeLevel.parse(grade).orElseThrow());
        Stream<UserModel> students = blank(requestId) ? directory.list(filter).stream()
                : store.madeBy(realm, requestId).stream().map(id -> session.users().getUserById(realm, id))
                        .filter(student -> student != null && matches(student, filter)).sorted(StudentDirectory.ROSTER_ORDER);
        return students.filter(scope::changes).map(student -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", student.getId());
                    row.put("username", student.getUsername());
                    row.put("firstName", student.getFirstName());
                    row.put("lastName", student.getLastName());
                    row.put("school", student.getFirstAttribute(K12Attributes.SCHOOL_CODE));
                    row.put("grade", student.getFirstAttribute(K12Attributes.GRADE_LEVEL));
                    row.put("defaultPassword", store.get(realm, student.getId()).orElse(null));
                    return row;
                }).toList();
    }

    private static boolean matches(UserModel student, StudentDirectory.Filter filter) {
        return (filter.school() == null || filter.school().equals(student.getFirstAttribute(K12Attributes.SCHOOL_CODE)))
                && (filter.grade() == null || GradeLevel.parse(student.getFirstAttribute(K12Attributes.GRADE_LEVEL))
                        .map(filter.grade()::equals).orElse(false));
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
