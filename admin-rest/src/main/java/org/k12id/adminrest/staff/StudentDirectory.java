package org.k12id.adminrest.staff;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.k12id.domain.GradeLevel;
import org.k12id.domain.K12Attributes;
import org.k12id.domain.K12GroupAttributes;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The students a member of staff sees, filtered by school, class and grade, in the order people read a roster (last
 * name, first name). Names of schools and teachers are looked up once per request.
 */
public final class StudentDirectory {

    /** What to list; null fields do not filter. */
    public record Filter(String school, GroupModel group, Integer grade) {
        public static final Filter NONE = new Filter(null, null, null);
    }

    public static final Comparator<UserModel> ROSTER_ORDER = Comparator
            .comparing((UserModel u) -> lower(u.getLastName()))
            .thenComparing(u -> lower(u.getFirstName()))
            .thenComparing(UserModel::getUsername);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final StaffScope scope;
    private final Map<String, String> schoolNames = new HashMap<>();
    private final Map<String, String> teacherNames = new HashMap<>();

    public StudentDirectory(KeycloakSession session, RealmModel realm, StaffScope scope) {
        this.session = session;
        this.realm = realm;
        this.scope = scope;
    }

    /** Every student the caller sees that passes the filter, in roster order. */
    public List<UserModel> list(Filter filter) {
        Map<String, UserModel> found = new LinkedHashMap<>();
        candidates(filter)
                .filter(user -> filter.school() == null || filter.school().equals(user.getFirstAttribute(K12Attributes.SCHOOL_CODE)))
                .filter(user -> filter.grade() == null || filter.grade().equals(GradeLevel.parse(user.getFirstAttribute(K12Attributes.GRADE_LEVEL)).orElse(null)))
                .filter(scope::sees)
                .forEach(user -> found.putIfAbsent(user.getId(), user));
        return found.values().stream().sorted(ROSTER_ORDER).toList();
    }

    private Stream<UserModel> candidates(Filter filter) {
        if (filter.group() != null) {
            return session.users().getGroupMembersStream(realm, filter.group());
        }
        Stream<UserModel> fromClasses = scope.teacherClasses().stream()
                .flatMap(group -> session.users().getGroupMembersStream(realm, group));
        Stream<UserModel> fromPsus = scope.readPsus().stream()
                .filter(psu -> filter.school() == null || filter.school().startsWith(psu))
                .flatMap(psu -> {
                    Map<String, String> attributes = new HashMap<>();
                    attributes.put(K12Attributes.PSU_CODE, psu);
                    attributes.put(UserModel.INCLUDE_SERVICE_ACCOUNT, "false");
                    if (filter.school() != null) {
                        attributes.put(K12Attributes.SCHOOL_CODE, filter.school());
                    }
                    if (filter.grade() != null) {
                        attributes.put(K12Attributes.GRADE_LEVEL, String.valueOf(filter.grade()));
                    }
                    return session.users().searchForUserStream(realm, attributes);
                });
        return Stream.concat(fromClasses, fromPsus);
    }

    /** The class groups a student belongs to, by name. */
    public static List<GroupModel> classesOf(UserModel student) {
        return student.getGroupsStream().filter(StaffScope::isClass).sorted(Comparator.comparing(StaffScope::className)).toList();
    }

    /** A school's name from its group ({@code displayName}), or its code. */
    public String schoolName(String schoolCode) {
        if (schoolCode == null) {
            return "";
        }
        return schoolNames.computeIfAbsent(schoolCode, code -> code.length() < 3 ? code
                : scope.schoolsOf(code.substring(0, 3)).filter(group -> group.getName().equals(code)).findFirst()
                        .map(group -> group.getFirstAttribute(K12GroupAttributes.DISPLAY_NAME)).orElse(code));
    }

    /** The class's teacher(s) by name, from the class's {@code teacher} usernames. */
    public String teacherName(GroupModel group) {
        return teacherNames.computeIfAbsent(group.getId(), id -> String.join(", ", group.getAttributeStream(K12GroupAttributes.TEACHER)
                .map(username -> session.users().getUserByUsername(realm, username))
                .filter(user -> user != null)
                .map(StudentDirectory::fullName).toList()));
    }

    public static String fullName(UserModel user) {
        String first = user.getFirstName() == null ? "" : user.getFirstName();
        String last = user.getLastName() == null ? "" : user.getLastName();
        return (first + " " + last).trim();
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(java.util.Locale.ROOT);
    }
}
