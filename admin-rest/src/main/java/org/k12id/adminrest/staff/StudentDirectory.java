package org.k12id.adminrest.staff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.k12id.adminrest.roster.Roster;
import org.k12id.domain.K12GroupAttributes;
import org.k12id.domain.PsuCode;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.jpa.entities.GroupEntity;
import org.keycloak.models.UserProvider;
import org.keycloak.storage.UserStoragePrivateUtil;

/**
 * The students a member of staff sees, filtered by school, class and grade, in the order people read a roster (last
 * name, first name): the filter as the {@link Roster} reads it, a class's members for printing, and the names of
 * schools and teachers shown beside them, each looked up once per request.
 */
public final class StudentDirectory {

    /** What to list; null fields do not filter. */
    public record Filter(String school, GroupModel group, Integer grade) {
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

    /**
     * The students of one class the caller sees, in roster order, read straight from the database (not through the
     * user cache): the class's members through the roster, then each as a user model, for printing and voiding.
     */
    public List<UserModel> classMembers(GroupModel group) {
        List<UserModel> members = new ArrayList<>();
        UserProvider local = UserStoragePrivateUtil.userLocalStorage(session);
        new Roster(session, realm).forEach(scope.readRoster(), rosterFilter(new Filter(null, group, null)), Roster.CHUNK,
                students -> students.forEach(student -> {
                    UserModel user = local.getUserById(realm, student.id());
                    if (user != null) {
                        members.add(user);
                    }
                }));
        return members;
    }

    /** The filter as the roster reads it. */
    public Roster.Filter rosterFilter(Filter filter) {
        return new Roster.Filter(filter.school(), filter.group() == null ? null : filter.group().getId(),
                scope.ownsClass(filter.group()), filter.grade(), null);
    }

    /** The class groups among these group ids, by name (groups come from the realm cache). */
    public List<GroupModel> classes(List<String> groupIds) {
        return groupIds.stream().map(id -> session.groups().getGroupById(realm, id)).filter(StaffScope::isClass)
                .sorted(Comparator.comparing(StaffScope::className)).toList();
    }

    /** The class groups a student belongs to, by name. */
    public static List<GroupModel> classesOf(UserModel student) {
        return student.getGroupsStream().filter(StaffScope::isClass).sorted(Comparator.comparing(StaffScope::className)).toList();
    }

    /**
     * Reads the names of these schools (codes) from their groups ({@code /psu-920/920304}, attribute
     * {@code displayName}) in one query; a school without a group, or without a name, is shown by its code. The query
     * names the PSU groups too, so that both groups are found through Keycloak's index of sibling names (realm, parent,
     * name); by realm and name alone, PostgreSQL read every group of the realm, every class of a state, for each page.
     */
    public void knowSchools(Collection<String> codes) {
        List<String> unknown = codes.stream().filter(code -> code != null && !schoolNames.containsKey(code)).distinct().toList();
        if (unknown.isEmpty()) {
            return;
        }
        unknown.forEach(code -> schoolNames.put(code, code));
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        for (int from = 0; from < unknown.size(); from += Roster.CHUNK) {
            List<String> chunk = unknown.subList(from, Math.min(from + Roster.CHUNK, unknown.size()));
            List<String> psuGroups = chunk.stream().filter(code -> code.length() >= 3)
                    .map(code -> PsuCode.groupName(code.substring(0, 3))).distinct().toList();
            if (psuGroups.isEmpty()) {
                continue;
            }
            for (Object[] school : em.createQuery("select g.name, p.name, a.value from GroupEntity g join GroupEntity p on p.id = g.parentId"
                            + " left join g.attributes a on a.name = :displayName where p.realm = :realm and p.parentId = :top"
                            + " and p.name in :psuGroups and g.realm = :realm and g.name in :codes", Object[].class)
                    .setParameter("displayName", K12GroupAttributes.DISPLAY_NAME).setParameter("realm", realm.getId())
                    .setParameter("top", GroupEntity.TOP_PARENT_ID).setParameter("psuGroups", psuGroups)
                    .setParameter("codes", chunk).getResultList()) {
                String code = (String) school[0];
                if (school[2] != null && code.length() >= 3 && PsuCode.groupName(code.substring(0, 3)).equals(school[1])) {
                    schoolNames.put(code, (String) school[2]);
                }
            }
        }
    }

    /** A school's name from its group ({@code displayName}), or its code; read once per request. */
    public String schoolName(String schoolCode) {
        if (schoolCode == null) {
            return "";
        }
        knowSchools(List.of(schoolCode));
        return schoolNames.get(schoolCode);
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
