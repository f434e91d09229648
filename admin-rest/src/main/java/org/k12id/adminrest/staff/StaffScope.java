package org.k12id.adminrest.staff;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.ws.rs.core.Response;

import org.k12id.adminrest.http.Answers;
import org.k12id.adminrest.roster.Roster;
import org.k12id.domain.K12Attributes;
import org.k12id.domain.K12GroupAttributes;
import org.k12id.domain.K12Roles;
import org.k12id.domain.PsuCode;
import org.k12id.domain.PsuScope;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Who a member of staff is to the district tools, worked out on the server for every call: a teacher sees the students
 * of their classes; an LEA administrator every student of the PSUs in their {@code psuCode}; an LEA data auditor the
 * same, read-only. Everybody else sees nobody.
 */
public final class StaffScope {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel caller;
    private final RoleModel studentRole;
    private final Map<String, GroupModel> classes;
    private final Set<String> adminPsus;
    private final Set<String> auditorPsus;

    private StaffScope(KeycloakSession session, RealmModel realm, UserModel caller, Map<String, GroupModel> classes,
                       Set<String> adminPsus, Set<String> auditorPsus) {
        this.session = session;
        this.realm = realm;
        this.caller = caller;
        this.studentRole = realm.getRole(K12Roles.STUDENT);
        this.classes = classes;
        this.adminPsus = adminPsus;
        this.auditorPsus = auditorPsus;
    }

    /** The scope of the person calling the admin REST API; nobody's scope for a token of another realm. */
    public static StaffScope of(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        UserModel caller = auth.adminAuth().getRealm().equals(realm) ? auth.adminAuth().getUser() : null;
        if (caller == null || !caller.isEnabled()) {
            return new StaffScope(session, realm, null, Map.of(), Set.of(), Set.of());
        }
        Set<String> psus = caller.getAttributeStream(K12Attributes.PSU_CODE).filter(PsuCode::isWellFormed)
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, GroupModel> classes = new LinkedHashMap<>();
        if (holds(realm, caller, K12Roles.TEACHER)) {
            caller.getGroupsStream().filter(StaffScope::isClass)
                    .sorted(Comparator.comparing(StaffScope::className))
                    .forEach(group -> classes.put(group.getId(), group));
        }
        return new StaffScope(session, realm, caller, classes,
                holds(realm, caller, K12Roles.LEA_ADMINISTRATOR) ? psus : Set.of(),
                holds(realm, caller, K12Roles.LEA_DATA_AUDITOR) ? psus : Set.of());
    }

    public UserModel caller() {
        return caller;
    }

    /** Whether the caller may see any student at all. */
    public boolean seesAnyone() {
        return !classes.isEmpty() || !adminPsus.isEmpty() || !auditorPsus.isEmpty();
    }

    /** Whether the caller may change (print, void) anything: teachers and LEA administrators. */
    public boolean changesAnything() {
        return !classes.isEmpty() || !adminPsus.isEmpty();
    }

    /** The teacher's own classes, by name. */
    public List<GroupModel> teacherClasses() {
        return List.copyOf(classes.values());
    }

    /** The PSUs the caller administers. */
    public Set<String> adminPsus() {
        return adminPsus;
    }

    /** The PSUs whose students the caller sees whole: administered or audited. */
    public Set<String> readPsus() {
        Set<String> all = new TreeSet<>(adminPsus);
        all.addAll(auditorPsus);
        return all;
    }

    /** The students the caller sees, for the roster: their PSUs' (administered or audited) and their classes'. */
    public Roster.Scope readRoster() {
        return new Roster.Scope(readPsus(), classes.keySet());
    }

    /** The students the caller may change, for the roster: their administered PSUs' and their classes'. */
    public Roster.Scope changeRoster() {
        return new Roster.Scope(adminPsus, classes.keySet());
    }

    /** Whether the class is one of the teacher's own. */
    public boolean ownsClass(GroupModel group) {
        return group != null && classes.containsKey(group.getId());
    }

    /** The school groups of a PSU ({@code /psu-920/*}). */
    public Stream<GroupModel> schoolsOf(String psu) {
        GroupModel psuGroup = session.groups().getTopLevelGroupsStream(realm)
                .filter(group -> group.getName().equals(PsuCode.groupName(psu))).findFirst().orElse(null);
        return psuGroup == null ? Stream.empty() : psuGroup.getSubGroupsStream();
    }

    public boolean isStudent(UserModel user) {
        return studentRole != null && user.hasRole(studentRole);
    }

    public boolean sees(UserModel student) {
        return isStudent(student) && (inOwnClass(student) || covers(readPsus(), psuOf(student)));
    }

    public boolean changes(UserModel student) {
        return isStudent(student) && (inOwnClass(student) || covers(adminPsus, psuOf(student)));
    }

    public boolean seesClass(GroupModel group) {
        return isClass(group) && (classes.containsKey(group.getId()) || covers(readPsus(), group.getFirstAttribute(K12GroupAttributes.PSU_CODE)));
    }

    public boolean changesClass(GroupModel group) {
        return isClass(group) && (classes.containsKey(group.getId()) || covers(adminPsus, group.getFirstAttribute(K12GroupAttributes.PSU_CODE)));
    }

    private boolean inOwnClass(UserModel student) {
        return !classes.isEmpty() && student.getGroupsStream().anyMatch(group -> classes.containsKey(group.getId()));
    }

    /**
     * The refusal for a PSU code a request names: 400 when it is not a PSU code, 404 when it is not one of
     * {@code among} (the caller's); null when it is theirs.
     */
    public static Response refusePsu(String psu, Set<String> among) {
        if (!PsuCode.isWellFormed(psu)) {
            return Answers.badRequest("psu", "A PSU code is 3 digits or upper-case letters");
        }
        return among.contains(psu) ? null : Answers.notFound("psu", "No such PSU among those you administer");
    }

    public static boolean isClass(GroupModel group) {
        return group != null && group.getFirstAttribute(K12GroupAttributes.CLASS_NAME) != null;
    }

    public static String className(GroupModel group) {
        String name = group.getFirstAttribute(K12GroupAttributes.CLASS_NAME);
        return name == null ? group.getName() : name;
    }

    public static String attribute(GroupModel group, String name) {
        String value = group.getFirstAttribute(name);
        return value == null ? "" : value;
    }

    private static boolean covers(Set<String> psus, String psu) {
        return PsuScope.covers(psus, psu);
    }

    private static String psuOf(UserModel student) {
        return student.getFirstAttribute(K12Attributes.PSU_CODE);
    }

    private static boolean holds(RealmModel realm, UserModel user, String roleName) {
        RoleModel role = realm.getRole(roleName);
        return role != null && user.hasRole(role);
    }
}
