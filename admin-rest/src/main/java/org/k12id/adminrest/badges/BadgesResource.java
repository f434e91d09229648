package org.k12id.adminrest.badges;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.k12id.adminrest.http.Answers;
import org.k12id.adminrest.persistence.ReadPhase;
import org.k12id.adminrest.roster.Roster;
import org.k12id.adminrest.staff.StaffScope;
import org.k12id.adminrest.staff.StudentDirectory;
import org.k12id.domain.CampusCode;
import org.k12id.domain.GradeLevel;
import org.k12id.domain.K12GroupAttributes;
import org.k12id.domain.PsuCode;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/k12-badges}: badges for district staff. Teachers print and void the badges of their
 * classes' students, LEA administrators those of their PSUs (and set the PSU's opt-outs), LEA data auditors see the
 * same as administrators and may set opt-outs, but print and void nothing. Staff hold no realm-management role: the
 * caller's realm roles, classes and PSUs are checked on every call ({@link StaffScope}). Every print, void and
 * opt-out change is an admin event (resource type {@value BadgeCall#EVENT_RESOURCE}) with who, which PSU, school or
 * class and how many students, never a badge secret.
 * <p>
 * This class holds the views (the caller, a school's classes, the students); the changes are in their own classes:
 * {@code users/{id}} ({@link BadgeIssueResource}), {@code print} ({@link PrintResource}), {@code void}
 * ({@link VoidResource}) and {@code opt-outs} ({@link OptOutsResource}).
 */
public final class BadgesResource {

    static final int MAX_PAGE = 200;

    private final BadgeCall call;

    BadgesResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.call = new BadgeCall(session, realm, auth, adminEvent);
    }

    @Path("users")
    public BadgeIssueResource users() {
        return new BadgeIssueResource(call);
    }

    @Path("print")
    public PrintResource print() {
        return new PrintResource(call);
    }

    @Path("void")
    public VoidResource voids() {
        return new VoidResource(call);
    }

    @Path("opt-outs")
    public OptOutsResource optOuts() {
        return new OptOutsResource(call);
    }

    /**
     * Who the caller is to the badge tools: what they may do, their PSUs and schools, and a teacher's own classes. The
     * classes of a whole PSU (thousands in a county) are not listed here: {@code classes?school=} lists one school's.
     */
    @GET
    @Path("me")
    @Produces(MediaType.APPLICATION_JSON)
    public Response me() {
        StaffScope scope = call.scope();
        if (!scope.seesAnyone()) {
            return BadgeCall.forbidden();
        }
        ReadPhase.begin(call.session());
        StudentDirectory directory = new StudentDirectory(call.session(), call.realm(), scope);
        List<GroupModel> classes = scope.teacherClasses();
        Set<String> psus = new TreeSet<>(scope.readPsus());
        Map<String, BadgeAnswers.School> schools = new TreeMap<>();
        for (String psu : scope.readPsus()) {
            scope.schoolsOf(psu).forEach(group -> schools.computeIfAbsent(group.getName(), code -> BadgeAnswers.School.of(code,
                    group.getFirstAttribute(K12GroupAttributes.DISPLAY_NAME) == null ? code : group.getFirstAttribute(K12GroupAttributes.DISPLAY_NAME))));
        }
        List<String> classSchools = classes.stream().map(group -> StaffScope.attribute(group, K12GroupAttributes.SCHOOL_CODE)).toList();
        directory.knowSchools(classSchools);
        for (GroupModel group : classes) {
            psus.add(StaffScope.attribute(group, K12GroupAttributes.PSU_CODE));
        }
        classSchools.forEach(code -> schools.computeIfAbsent(code, c -> BadgeAnswers.School.of(c, directory.schoolName(c))));
        return Answers.ok(new BadgeAnswers.Me(scope.caller().getUsername(), StudentDirectory.fullName(scope.caller()),
                scope.changesAnything(), !scope.adminPsus().isEmpty(), !scope.readPsus().isEmpty(),
                psus.stream().filter(PsuCode::isWellFormed).map(code -> new BadgeAnswers.Psu(code, call.psuName(code))).toList(),
                List.copyOf(schools.values()), classes.stream().map(group -> classEntry(group, directory)).toList(),
                !scope.readPsus().isEmpty(), new BadgeAnswers.GradeRange(GradeLevel.PREK5_FIRST, GradeLevel.PREK5_LAST)));
    }

    /** The classes of one school the caller sees (all of them in a PSU they administer or audit), by name. */
    @GET
    @Path("classes")
    @Produces(MediaType.APPLICATION_JSON)
    public Response classes(@QueryParam("school") String school) {
        StaffScope scope = call.scope();
        if (!scope.seesAnyone()) {
            return BadgeCall.forbidden();
        }
        if (school == null || !CampusCode.isWellFormed(school)) {
            return Answers.badRequest("school", "A school code is 6 digits or upper-case letters");
        }
        ReadPhase.begin(call.session());
        StudentDirectory directory = new StudentDirectory(call.session(), call.realm(), scope);
        Map<String, GroupModel> classes = new LinkedHashMap<>();
        scope.teacherClasses().stream().filter(group -> school.equals(StaffScope.attribute(group, K12GroupAttributes.SCHOOL_CODE)))
                .forEach(group -> classes.put(group.getId(), group));
        String psu = school.substring(0, 3);
        if (scope.readPsus().contains(psu)) {
            scope.schoolsOf(psu).filter(group -> group.getName().equals(school)).flatMap(GroupModel::getSubGroupsStream)
                    .filter(StaffScope::isClass).forEach(group -> classes.putIfAbsent(group.getId(), group));
        }
        return Answers.ok(new BadgeAnswers.Classes(school, classes.values().stream()
                .sorted(Comparator.comparing(StaffScope::className)).map(group -> classEntry(group, directory)).toList()));
    }

    /** The caller's students, filtered by school, class and grade, a page at a time, with their badges. */
    @GET
    @Path("students")
    @Produces(MediaType.APPLICATION_JSON)
    public Response students(@QueryParam("school") String school, @QueryParam("class") String classId,
                             @QueryParam("grade") String grade, @QueryParam("first") String first, @QueryParam("max") String max) {
        StaffScope scope = call.scope();
        if (!scope.seesAnyone()) {
            return BadgeCall.forbidden();
        }
        if (school != null && !school.isEmpty() && !CampusCode.isWellFormed(school)) {
            return Answers.badRequest("school", "A school code is 6 digits or upper-case letters");
        }
        if (grade != null && !grade.isEmpty() && !GradeLevel.isValid(grade)) {
            return Answers.badRequest("grade", "Not a grade code");
        }
        Integer from = Answers.number(first, 0, 1_000_000, 0);
        if (from == null) {
            return Answers.badRequest("first", "first is a whole number from 0");
        }
        Integer size = Answers.number(max, 1, MAX_PAGE, 50);
        if (size == null) {
            return Answers.badRequest("max", "max is a whole number from 1 to " + MAX_PAGE);
        }
        GroupModel group = null;
        if (classId != null && !classId.isEmpty()) {
            group = call.groupById(classId);
            if (group == null || !scope.seesClass(group)) {
                return Answers.notFound("class", "No such class among yours");
            }
        }
        ReadPhase.begin(call.session());
        StudentDirectory directory = new StudentDirectory(call.session(), call.realm(), scope);
        StudentDirectory.Filter filter = new StudentDirectory.Filter(Answers.blankToNull(school), group,
                grade == null || grade.isEmpty() ? null : GradeLevel.parse(grade).orElseThrow());
        Roster.Page found = new Roster(call.session(), call.realm()).page(scope.readRoster(), directory.rosterFilter(filter), from, size);
        BadgePrinting printing = new BadgePrinting(call.session(), call.realm(), directory);
        directory.knowSchools(found.students().stream().map(Roster.Student::school).toList());
        return Answers.ok(new Answers.Page<>(found.total(), from, size,
                found.students().stream().map(student -> row(student, directory, printing)).toList()));
    }

    private static BadgeAnswers.ClassEntry classEntry(GroupModel group, StudentDirectory directory) {
        return new BadgeAnswers.ClassEntry(group.getId(), StaffScope.className(group),
                StaffScope.attribute(group, K12GroupAttributes.SCHOOL_CODE), directory.teacherName(group));
    }

    private static BadgeAnswers.StudentRow row(Roster.Student student, StudentDirectory directory, BadgePrinting printing) {
        return new BadgeAnswers.StudentRow(student.id(), student.username(), student.firstName(), student.lastName(),
                student.school(), directory.schoolName(student.school()),
                directory.classes(student.groupIds()).stream()
                        .map(group -> new BadgeAnswers.ClassRef(group.getId(), StaffScope.className(group))).toList(),
                student.grade() == null ? null : String.valueOf(student.grade()),
                student.badge() == null ? null : new BadgeAnswers.Badge(student.badge().version(), student.badge().issuedAt()),
                printing.allowed(student), student.claimed());
    }
}
