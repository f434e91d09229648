package org.k12id.adminrest.badges;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.k12id.adminrest.roster.Roster;
import org.k12id.adminrest.staff.Answers;
import org.k12id.adminrest.staff.ReadPhase;
import org.k12id.adminrest.staff.StaffScope;
import org.k12id.adminrest.staff.StudentBatches;
import org.k12id.adminrest.staff.StudentDirectory;
import org.k12id.authenticators.badge.BadgeCredentialModel;
import org.k12id.authenticators.badge.BadgeIssuer;
import org.k12id.authenticators.badge.BadgeOptOuts;
import org.k12id.domain.CampusCode;
import org.k12id.domain.GradeLevel;
import org.k12id.domain.K12Attributes;
import org.k12id.domain.K12GroupAttributes;
import org.k12id.domain.K12Roles;
import org.k12id.domain.PsuCode;
import org.k12id.domain.PsuScope;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/k12-badges}: badges for district staff. Teachers print and void the badges of their
 * classes' students, LEA administrators those of their PSUs (and set the PSU's opt-outs), LEA data auditors see the
 * same as administrators and may set opt-outs, but print and void nothing. Staff hold no realm-management role: the
 * caller's realm roles, classes and PSUs are checked here, on every call. Every print, void and opt-out change is an
 * admin event (resource type {@value #EVENT_RESOURCE}) with who, which PSU, school or class and how many students,
 * never a badge secret.
 */
public final class BadgesResource {

    static final int MAX_ID_LENGTH = 64;
    static final int MAX_PAGE = 200;
    static final String EVENT_RESOURCE = "K12_BADGES";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    BadgesResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
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
        // through the user cache: the new badge is written through it, so every node's cached copy is dropped
        UserModel student = userById(userId) == null ? null : session.users().getUserById(realm, userId);
        String psu = student == null ? null : student.getFirstAttribute(K12Attributes.PSU_CODE);
        if (student == null || !isStudent(student) || !PsuScope.covers(caller.getAttributeStream(K12Attributes.PSU_CODE).toList(), psu)) {
            // the same answer whether the account is missing, not a student or in another PSU
            return notFound("userId", "No such student in the PSUs you administer");
        }
        String grade = student.getFirstAttribute(K12Attributes.GRADE_LEVEL);
        Set<Integer> optedOut = BadgeOptOuts.parse(realm.getAttribute(BadgeOptOuts.attribute(psu)));
        if (GradeLevel.parse(grade).map(optedOut::contains).orElse(true)) {
            return answer(Response.Status.CONFLICT, Map.of("error", "badges_off", "field", "userId",
                    "error_description", "Badges are turned off for this student's grade in PSU " + psu));
        }
        BadgeIssuer.Issued issued = BadgeIssuer.issue(session, realm, student);
        adminEvent.resource(ResourceType.USER).operation(OperationType.ACTION)
                .resourcePath("users", student.getId(), "k12-badge").success();
        return answer(Response.Status.OK, Map.of("userId", student.getId(), "payload", issued.payload(),
                "version", issued.version(), "issuedAt", issued.issuedAt()));
    }

    /**
     * Who the caller is to the badge tools: what they may do, their PSUs and schools, and a teacher's own classes. The
     * classes of a whole PSU (thousands in a county) are not listed here: {@code classes?school=} lists one school's.
     */
    @GET
    @Path("me")
    @Produces(MediaType.APPLICATION_JSON)
    public Response me() {
        StaffScope scope = StaffScope.of(session, realm, auth);
        if (!scope.seesAnyone()) {
            return forbidden();
        }
        ReadPhase.begin(session);
        StudentDirectory directory = new StudentDirectory(session, realm, scope);
        List<GroupModel> classes = scope.teacherClasses();
        Set<String> psus = new TreeSet<>(scope.readPsus());
        Map<String, Map<String, Object>> schools = new TreeMap<>();
        for (String psu : scope.readPsus()) {
            scope.schoolsOf(psu).forEach(group -> schools.computeIfAbsent(group.getName(), code -> school(code,
                    group.getFirstAttribute(K12GroupAttributes.DISPLAY_NAME) == null ? code : group.getFirstAttribute(K12GroupAttributes.DISPLAY_NAME))));
        }
        List<String> classSchools = classes.stream().map(group -> StaffScope.attribute(group, K12GroupAttributes.SCHOOL_CODE)).toList();
        directory.knowSchools(classSchools);
        for (GroupModel group : classes) {
            psus.add(StaffScope.attribute(group, K12GroupAttributes.PSU_CODE));
        }
        classSchools.forEach(code -> schools.computeIfAbsent(code, c -> school(c, directory.schoolName(c))));
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("username", scope.caller().getUsername());
        me.put("name", StudentDirectory.fullName(scope.caller()));
        me.put("canPrint", scope.changesAnything());
        me.put("canVoidSchool", !scope.adminPsus().isEmpty());
        me.put("canManageOptOuts", !scope.readPsus().isEmpty());
        me.put("psus", psus.stream().filter(PsuCode::isWellFormed).map(code -> Map.of("code", code, "name", psuName(scope, code))).toList());
        me.put("schools", List.copyOf(schools.values()));
        me.put("classes", classes.stream().map(group -> classEntry(group, directory)).toList());
        me.put("classesBySchool", !scope.readPsus().isEmpty());
        me.put("badgeGrades", Map.of("first", GradeLevel.PREK5_FIRST, "last", GradeLevel.PREK5_LAST));
        return answer(Response.Status.OK, me);
    }

    /** The classes of one school the caller sees (all of them in a PSU they administer or audit), by name. */
    @GET
    @Path("classes")
    @Produces(MediaType.APPLICATION_JSON)
    public Response classes(@QueryParam("school") String school) {
        StaffScope scope = StaffScope.of(session, realm, auth);
        if (!scope.seesAnyone()) {
            return forbidden();
        }
        if (school == null || !CampusCode.isWellFormed(school)) {
            return badRequest("school", "A school code is 6 digits or upper-case letters");
        }
        ReadPhase.begin(session);
        StudentDirectory directory = new StudentDirectory(session, realm, scope);
        Map<String, GroupModel> classes = new LinkedHashMap<>();
        scope.teacherClasses().stream().filter(group -> school.equals(StaffScope.attribute(group, K12GroupAttributes.SCHOOL_CODE)))
                .forEach(group -> classes.put(group.getId(), group));
        String psu = school.substring(0, 3);
        if (scope.readPsus().contains(psu)) {
            scope.schoolsOf(psu).filter(group -> group.getName().equals(school)).flatMap(GroupModel::getSubGroupsStream)
                    .filter(StaffScope::isClass).forEach(group -> classes.putIfAbsent(group.getId(), group));
        }
        return answer(Response.Status.OK, Map.of("school", school, "classes", classes.values().stream()
                .sorted(Comparator.comparing(StaffScope::className)).map(group -> classEntry(group, directory)).toList()));
    }

    private static Map<String, Object> classEntry(GroupModel group, StudentDirectory directory) {
        return Map.of("id", group.getId(), "name", StaffScope.className(group),
                "school", StaffScope.attribute(group, K12GroupAttributes.SCHOOL_CODE), "teacher", directory.teacherName(group));
    }

    /** The caller's students, filtered by school, class and grade, a page at a time, with their badges. */
    @GET
    @Path("students")
    @Produces(MediaType.APPLICATION_JSON)
    public Response students(@QueryParam("school") String school, @QueryParam("class") String classId,
                             @QueryParam("grade") String grade, @QueryParam("first") String first, @QueryParam("max") String max) {
        StaffScope scope = StaffScope.of(session, realm, auth);
        if (!scope.seesAnyone()) {
            return forbidden();
        }
        if (school != null && !school.isEmpty() && !CampusCode.isWellFormed(school)) {
            return badRequest("school", "A school code is 6 digits or upper-case letters");
        }
        if (grade != null && !grade.isEmpty() && !GradeLevel.isValid(grade)) {
            return badRequest("grade", "Not a grade code");
        }
        Integer from = Answers.number(first, 0, 1_000_000, 0);
        if (from == null) {
            return badRequest("first", "first is a whole number from 0");
        }
        Integer size = Answers.number(max, 1, MAX_PAGE, 50);
        if (size == null) {
            return badRequest("max", "max is a whole number from 1 to " + MAX_PAGE);
        }
        GroupModel group = null;
        if (classId != null && !classId.isEmpty()) {
            group = groupById(classId);
            if (group == null || !scope.seesClass(group)) {
                return notFound("class", "No such class among yours");
            }
        }
        ReadPhase.begin(session);
        StudentDirectory directory = new StudentDirectory(session, realm, scope);
        StudentDirectory.Filter filter = new StudentDirectory.Filter(blankToNull(school), group,
                grade == null || grade.isEmpty() ? null : GradeLevel.parse(grade).orElseThrow());
        Roster.Page found = new Roster(session, realm).page(scope.readRoster(), directory.rosterFilter(filter), from, size);
        BadgePrinting printing = new BadgePrinting(session, realm, directory);
        directory.knowSchools(found.students().stream().map(Roster.Student::school).toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", found.total());
        body.put("first", from);
        body.put("max", size);
        body.put("students", found.students().stream().map(student -> student(student, directory, printing)).toList());
        return answer(Response.Status.OK, body);
    }

    /** A PDF of badges for chosen students or a whole class; see {@link BadgeRequest} for the body. */
    @POST
    @Path("print")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response print(String body) throws IOException {
        StaffScope scope = StaffScope.of(session, realm, auth);
        if (!scope.changesAnything()) {
            return forbidden();
        }
        BadgeRequest.Parsed parsed = BadgeRequest.forPrint(body);
        if (parsed.problem() != null) {
            return badRequest(parsed.problem().field(), parsed.problem().message());
        }
        BadgeRequest request = parsed.request();
        ReadPhase.begin(session);
        StudentDirectory directory = new StudentDirectory(session, realm, scope);
        Selection selection = select(scope, directory, request);
        if (selection.refusal() != null) {
            return selection.refusal();
        }
        if (selection.students().isEmpty()) {
            return answer(Response.Status.CONFLICT, Map.of("error", "no_students", "field", "classId",
                    "error_description", "The class has no students"));
        }
        BadgePrinting printing = new BadgePrinting(session, realm, directory);
        List<UserModel> printable = selection.students().stream().filter(printing::allowed).toList();
        List<UserModel> off = selection.students().stream().filter(student -> !printing.allowed(student)).toList();
        if (request.userIds() != null && !off.isEmpty() || printable.isEmpty()) {
            Map<String, Object> refusal = new LinkedHashMap<>();
            refusal.put("error", "badges_off");
            refusal.put("field", request.userIds() != null ? "userIds" : "classId");
            refusal.put("userIds", off.stream().map(UserModel::getId).toList());
            refusal.put("error_description", "Badges are off for these students (their grade, their PSU's opt-out, or a disabled account)");
            return answer(Response.Status.CONFLICT, refusal);
        }
        List<UserModel> ordered = selection.group() != null ? printable
                : printable.stream().sorted(Comparator.comparing((UserModel s) -> printing.classLine(s, null))
                        .thenComparing(StudentDirectory.ROSTER_ORDER)).toList();
        BadgePrinting.Printed printed = printing.print(ordered, selection.group(),
                SheetLayout.parse(request.layout()).orElseThrow(),
                Paper.parse(request.paper()).orElseThrow(), request.renew());
        event(OperationType.ACTION, "print", printed.psus(), printed.schools(), selection.group(), printed.count(),
                Map.of("k12_issued", String.valueOf(printed.issued()), "k12_renew", String.valueOf(request.renew()),
                        "k12_layout", request.layout(), "k12_paper", request.paper()));
        return Response.ok(printed.pdf(), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"k12-badges-" + LocalDate.now(ZoneId.systemDefault()) + ".pdf\"")
                .header("X-K12-Badges-Printed", printed.count())
                .header("X-K12-Badges-Skipped", off.size())
                .cacheControl(Answers.noStore())
                .build();
    }

    /** Voids the badges of chosen students, a class, or (LEA administrators) a whole school. */
    @POST
    @Path("void")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response voidBadges(String body) {
        StaffScope scope = StaffScope.of(session, realm, auth);
        if (!scope.changesAnything()) {
            return forbidden();
        }
        BadgeRequest.Parsed parsed = BadgeRequest.forVoid(body);
        if (parsed.problem() != null) {
            return badRequest(parsed.problem().field(), parsed.problem().message());
        }
        BadgeRequest request = parsed.request();
        ReadPhase.begin(session);
        StudentDirectory directory = new StudentDirectory(session, realm, scope);
        if (request.schoolCode() != null) {
            String psu = request.schoolCode().substring(0, 3);
            if (!scope.adminPsus().contains(psu)) {
                return scope.readPsus().contains(psu) || scope.adminPsus().isEmpty() ? forbidden()
                        : notFound("schoolCode", "No such school in the PSUs you administer");
            }
            return voidSchool(psu, request.schoolCode());
        }
        List<UserModel> students;
        GroupModel group = null;
        {
            Selection selection = select(scope, directory, request);
            if (selection.refusal() != null) {
                return selection.refusal();
            }
            students = selection.students();
            group = selection.group();
        }
        int[] voided = {0};
        Set<String> psus = new TreeSet<>();
        Set<String> schools = new TreeSet<>();
        for (UserModel student : students) {
            psus.add(String.valueOf(student.getFirstAttribute(K12Attributes.PSU_CODE)));
            schools.add(String.valueOf(student.getFirstAttribute(K12Attributes.SCHOOL_CODE)));
        }
        List<String> withBadges = students.stream().filter(student -> BadgeIssuer.current(student) != null).map(UserModel::getId).toList();
        StudentBatches.forEach(session, realm, withBadges, (batch, batchRealm, student) -> {
            if (BadgeIssuer.voidBadge(batch, batchRealm, student)) {
                voided[0]++;
            }
        });
        event(OperationType.DELETE, "void", psus, schools, group, voided[0],
                Map.of("k12_students", String.valueOf(students.size())));
        return answer(Response.Status.OK, Map.of("voided", voided[0], "students", students.size()));
    }

    /**
     * Voids every badge of a school: the school's students holding a badge are found through the roster (ids only), then
     * voided a batch per transaction.
     */
    private Response voidSchool(String psu, String school) {
        Roster roster = new Roster(session, realm);
        Roster.Scope scope = new Roster.Scope(Set.of(psu), Set.of());
        Roster.Filter filter = Roster.Filter.of(school, null);
        long students = roster.count(scope, filter);
        List<String> withBadges = roster.withBadges(scope, filter);
        int[] voided = {0};
        StudentBatches.forEach(session, realm, withBadges, (batch, batchRealm, student) -> {
            if (BadgeIssuer.voidBadge(batch, batchRealm, student)) {
                voided[0]++;
            }
        });
        event(OperationType.DELETE, "void", Set.of(psu), Set.of(school), null, voided[0],
                Map.of("k12_students", String.valueOf(students)));
        return answer(Response.Status.OK, Map.of("voided", voided[0], "students", students));
    }

    /** The PreK-5 grades each of the caller's PSUs has opted out of badges (administrators and auditors). */
    @GET
    @Path("opt-outs")
    @Produces(MediaType.APPLICATION_JSON)
    public Response optOuts() {
        StaffScope scope = StaffScope.of(session, realm, auth);
        if (scope.readPsus().isEmpty()) {
            return forbidden();
        }
        return answer(Response.Status.OK, Map.of(
                "psus", scope.readPsus().stream().map(psu -> optOut(scope, psu)).toList(),
                "eligibleGrades", IntStream.rangeClosed(GradeLevel.PREK5_FIRST, GradeLevel.PREK5_LAST).boxed().toList()));
    }

    /** Sets which PreK-5 grades of a PSU may not use badges: those students can neither log in with nor be printed one. */
    @PUT
    @Path("opt-outs/{psu}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response setOptOut(@PathParam("psu") String psu, String body) {
        StaffScope scope = StaffScope.of(session, realm, auth);
        if (scope.readPsus().isEmpty()) {
            return forbidden();
        }
        if (!PsuCode.isWellFormed(psu)) {
            return badRequest("psu", "A PSU code is 3 digits or upper-case letters");
        }
        if (!scope.readPsus().contains(psu)) {
            return notFound("psu", "No such PSU among those you administer");
        }
        BadgeRequest.Grades grades = BadgeRequest.forOptOut(body, GradeLevel.PREK5_FIRST, GradeLevel.PREK5_LAST);
        if (grades.problem() != null) {
            return badRequest(grades.problem().field(), grades.problem().message());
        }
        String attribute = BadgeOptOuts.attribute(psu);
        if (grades.grades().isEmpty()) {
            realm.removeAttribute(attribute);
        } else {
            realm.setAttribute(attribute, BadgeOptOuts.format(grades.grades()));
        }
        Roster roster = new Roster(session, realm);
        long affected = grades.grades().stream().mapToLong(grade -> roster.count(new Roster.Scope(Set.of(psu), Set.of()),
                Roster.Filter.of(null, grade))).sum();
        event(OperationType.UPDATE, "opt-out", Set.of(psu), Set.of(), null, (int) affected,
                Map.of("k12_grades", grades.grades().isEmpty() ? "none" : BadgeOptOuts.format(grades.grades())));
        return answer(Response.Status.OK, optOut(scope, psu));
    }

    // --- helpers ---

    /** The students a print or void names: chosen ids (every one the caller's to change) or a class. */
    private record Selection(List<UserModel> students, GroupModel group, Response refusal) {
    }

    private Selection select(StaffScope scope, StudentDirectory directory, BadgeRequest request) {
        if (request.classId() != null) {
            GroupModel group = groupById(request.classId());
            if (group == null || !scope.seesClass(group)) {
                return new Selection(null, null, notFound("classId", "No such class among yours"));
            }
            if (!scope.changesClass(group)) {
                return new Selection(null, null, forbidden());
            }
            return new Selection(directory.classMembers(group), group, null);
        }
        List<UserModel> students = new ArrayList<>();
        boolean readOnly = false;
        for (String id : request.userIds()) {
            UserModel student = userById(id);
            if (student == null || !scope.sees(student)) {
                // the same answer whether the account is missing, not a student or not the caller's
                return new Selection(null, null, notFound("userIds", "No such student among yours"));
            }
            readOnly |= !scope.changes(student);
            students.add(student);
        }
        return readOnly ? new Selection(null, null, forbidden()) : new Selection(students, null, null);
    }

    private Map<String, Object> student(Roster.Student student, StudentDirectory directory, BadgePrinting printing) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", student.id());
        row.put("username", student.username());
        row.put("firstName", student.firstName());
        row.put("lastName", student.lastName());
        row.put("school", student.school());
        row.put("schoolName", directory.schoolName(student.school()));
        row.put("classes", directory.classes(student.groupIds()).stream()
                .map(group -> Map.of("id", group.getId(), "name", StaffScope.className(group))).toList());
        row.put("grade", student.grade() == null ? null : String.valueOf(student.grade()));
        row.put("badge", student.badge() == null ? null : Map.of("version", student.badge().version(), "issuedAt", student.badge().issuedAt()));
        row.put("badgeAllowed", printing.allowed(student));
        return row;
    }

    private Map<String, Object> optOut(StaffScope scope, String psu) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("code", psu);
        entry.put("name", psuName(scope, psu));
        entry.put("grades", new TreeSet<>(BadgeOptOuts.parse(realm.getAttribute(BadgeOptOuts.attribute(psu)))));
        return entry;
    }

    private String psuName(StaffScope scope, String psu) {
        return session.groups().getTopLevelGroupsStream(realm).filter(group -> group.getName().equals(PsuCode.groupName(psu)))
                .findFirst().map(group -> group.getFirstAttribute(K12GroupAttributes.DISPLAY_NAME)).orElse(psu);
    }

    private static Map<String, Object> school(String code, String name) {
        return Map.of("code", code, "name", name, "psu", code.length() >= 3 ? code.substring(0, 3) : code);
    }

    private void event(OperationType operation, String action, Set<String> psus, Set<String> schools, GroupModel group,
                       int count, Map<String, String> more) {
        AdminEventBuilder event = adminEvent.resource(EVENT_RESOURCE).operation(operation)
                .resourcePath("k12-badges", action)
                .detail("k12_action", action)
                .detail("k12_psu", String.join(",", psus))
                .detail("k12_school", String.join(",", schools))
                .detail("k12_count", String.valueOf(count));
        if (group != null) {
            event.detail("k12_class", StaffScope.className(group)).detail("k12_class_id", group.getId());
        }
        more.forEach(event::detail);
        event.success();
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

    private UserModel userById(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return null;
        }
        try {
            // straight from the database, read only: a print of chosen students does not fill the user cache (badges
            // are then written through the cache, in StudentBatches, so that every node drops its copy)
            return UserStoragePrivateUtil.userLocalStorage(session).getUserById(realm, id);
        } catch (RuntimeException unreadableId) {
            return null;
        }
    }

    private GroupModel groupById(String id) {
        if (id == null || id.length() > MAX_ID_LENGTH) {
            return null;
        }
        try {
            return session.groups().getGroupById(realm, id);
        } catch (RuntimeException unreadableId) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Response forbidden() {
        return answer(Response.Status.FORBIDDEN, Map.of("error", "forbidden",
                "error_description", "You have no students to show, or may not change them"));
    }

    private static Response notFound(String field, String message) {
        return answer(Response.Status.NOT_FOUND, Map.of("error", "not_found", "field", field, "error_description", message));
    }

    private static Response badRequest(String field, String message) {
        return answer(Response.Status.BAD_REQUEST, Map.of("error", "invalid_request", "field", field, "error_description", message));
    }

    private static Response answer(Response.Status status, Map<String, ?> body) {
        return Answers.json(status, body);
    }
}
