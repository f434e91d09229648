package org.k12id.adminrest.defaultpasswords;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.k12id.domain.K12Attributes;
import org.k12id.domain.K12Roles;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

/**
 * The students a request targets: people of the realm holding the {@code student} realm role directly, with the
 * request's PSU and, when given, one of its campuses and grades. Recorded once when the request starts, then read in id
 * order a chunk at a time, so that work resumes exactly after the last committed student.
 */
final class TargetedStudents {

    /**
     * People per page when recording targets. Short IN lists: with 1,000 ids H2 compared rows one by one instead of
     * looking each id up (4.5 s of CPU to record a 20,000-person PSU).
     */
    static final int PAGE = 100;

    private final EntityManager em;
    private final String realmId;
    private final String studentRoleId;
    private final RegenerationForm form;

    TargetedStudents(KeycloakSession session, RealmModel realm, RegenerationForm form) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.realmId = realm.getId();
        RoleModel student = realm.getRole(K12Roles.STUDENT);
        this.studentRoleId = student == null ? "" : student.getId();
        this.form = form;
    }

    /**
     * Records the students the request targets ({@link RegenerationTargetEntity}) and returns how many: the PSU's
     * people are streamed through the attribute table's name-and-value index, and each page of them is narrowed to the
     * targeted students by id. (One query with joins or correlated subqueries took minutes on H2 for a 20,000-student
     * PSU.) Memory stays at one page, whatever the PSU's size.
     */
    int record(String requestId) {
        int count = 0;
        try (Stream<String> people = em.createQuery("select distinct a.user.id from UserAttributeEntity a"
                        + " where a.name = :psuName and a.value = :psu", String.class)
                .setParameter("psuName", K12Attributes.PSU_CODE).setParameter("psu", form.psuCode())
                .setHint("org.hibernate.fetchSize", PAGE).getResultStream()) {
            List<String> page = new ArrayList<>(PAGE);
            for (Iterator<String> i = people.iterator(); i.hasNext(); ) {
                page.add(i.next());
                if (page.size() == PAGE || !i.hasNext()) {
                    count += record(requestId, page);
                    page.clear();
                }
            }
        }
        return count;
    }

    private int record(String requestId, List<String> page) {
        List<RegenerationTargetEntity> targets = new ArrayList<>();
        for (String userId : targeted(page)) {
            RegenerationTargetEntity target = new RegenerationTargetEntity();
            target.setRequestId(requestId);
            target.setUserId(userId);
            em.persist(target);
            targets.add(target);
        }
        em.flush();
        targets.forEach(em::detach);
        return targets.size();
    }

    /** The next targeted students of the request after {@code cursor} (empty string: from the start), by id. */
    static List<String> next(EntityManager em, String requestId, String cursor, int max) {
        return em.createQuery("select t.userId from RegenerationTargetEntity t where t.requestId = :requestId"
                        + " and t.userId > :cursor order by t.userId", String.class)
                .setParameter("requestId", requestId).setParameter("cursor", cursor == null ? "" : cursor)
                .setMaxResults(max).getResultList();
    }

    /** Forgets a finished request's targets. */
    static void forget(EntityManager em, String requestId) {
        em.createQuery("delete from RegenerationTargetEntity t where t.requestId = :requestId")
                .setParameter("requestId", requestId).executeUpdate();
    }

    /** Forgets the targets of every request of a removed realm. */
    static void forgetRealm(KeycloakSession session, String realmId) {
        session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createQuery("delete from RegenerationTargetEntity t where t.requestId in"
                        + " (select r.id from RegenerationRequestEntity r where r.realmId = :realmId)")
                .setParameter("realmId", realmId).executeUpdate();
    }

    /**
     * Those of a page's people (in the page's order) who are students of this realm in the request's campuses and
     * grades. Each table is read by user id alone and the rest matched here: given another condition too (the realm,
     * the role, an attribute's name), H2 chose that condition's index and read a whole realm's rows for every page.
     */
    private List<String> targeted(List<String> page) {
        Set<String> targeted = new HashSet<>();
        for (Object[] user : em.createQuery("select u.id, u.realmId, u.serviceAccountClientLink from UserEntity u"
                + " where u.id in :ids", Object[].class).setParameter("ids", page).getResultList()) {
            if (realmId.equals(user[1]) && user[2] == null) {
                targeted.add((String) user[0]);
            }
        }
        Set<String> students = new HashSet<>();
        for (Object[] mapping : em.createQuery("select r.user.id, r.roleId from UserRoleMappingEntity r where r.user.id in :ids",
                Object[].class).setParameter("ids", page).getResultList()) {
            if (studentRoleId.equals(mapping[1])) {
                students.add((String) mapping[0]);
            }
        }
        targeted.retainAll(students);
        if (!form.campusCodes().isEmpty() || !form.gradeLevels().isEmpty()) {
            targeted.retainAll(inCampusesAndGrades(page));
        }
        return page.stream().filter(targeted::contains).toList();
    }

    /** Those of {@code ids} in one of the request's campuses and grades, from all their attributes. */
    private Set<String> inCampusesAndGrades(List<String> ids) {
        Set<String> campuses = Set.copyOf(form.campusCodes());
        Set<String> grades = form.gradeLevels().stream().map(String::valueOf).collect(Collectors.toSet());
        Set<String> inCampus = new HashSet<>();
        Set<String> inGrade = new HashSet<>();
        List<Object[]> attributes = em.createQuery("select a.user.id, a.name, a.value from UserAttributeEntity a"
                + " where a.user.id in :ids", Object[].class).setParameter("ids", ids).getResultList();
        for (Object[] attribute : attributes) {
            String user = (String) attribute[0];
            if (K12Attributes.SCHOOL_CODE.equals(attribute[1]) && (campuses.isEmpty() || campuses.contains(attribute[2]))) {
                inCampus.add(user);
            }
            if (K12Attributes.GRADE_LEVEL.equals(attribute[1]) && (grades.isEmpty() || grades.contains(attribute[2]))) {
                inGrade.add(user);
            }
        }
        if (campuses.isEmpty()) {
            return inGrade;
        }
        if (!grades.isEmpty()) {
            inCampus.retainAll(inGrade);
        }
        return inCampus;
    }
}
