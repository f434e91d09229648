package org.k12id.adminrest.roster;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.k12id.authenticators.badge.BadgeCredentialModel;
import org.k12id.domain.K12Attributes;
import org.k12id.domain.claim.Claiming;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/**
 * The students a member of staff sees, read through the roster: filtered, ordered (last name, first name, username),
 * paged and counted in the database, so a page costs what a page holds whatever the PSU's size. Students are read as
 * plain values, never as cached user models, so a listing does not push out the accounts that logins need.
 * <p>
 * Every row shown is checked against the user's own tables as it is read; a row found stale (a change made around the
 * database layer) is rewritten and the page read again.
 */
public final class Roster {

    /** Whose students: every student of these PSUs, and every student of these classes (group ids). */
    public record Scope(Set<String> psus, Set<String> classIds) {
        public Scope {
            psus = Set.copyOf(psus);
            classIds = Set.copyOf(classIds);
        }

        public boolean isEmpty() {
            return psus.isEmpty() && classIds.isEmpty();
        }
    }

    /**
     * Which of them: one school, one class (group id; {@code classInScope} when it is one of the scope's classes, else
     * only its students of the scope's PSUs count), one grade, the students whose current default password one
     * regeneration request made; null fields do not filter.
     */
    public record Filter(String school, String classId, boolean classInScope, Integer grade, String defaultsOf) {
        public static Filter of(String school, Integer grade) {
            return new Filter(school, null, false, grade, null);
        }
    }

    /** A student as the staff views show them. */
    public record Student(String id, String username, String firstName, String lastName, boolean enabled, String psu,
                          String school, Integer grade, List<String> groupIds, BadgeCredentialModel.Data badge,
                          boolean claimed) {
    }

    public record Page(long total, List<Student> students) {
    }

    /** Students per chunk of {@link #forEach}: one query each for their names, classes and badges. */
    public static final int CHUNK = RosterSync.CHUNK;
    private static final int STREAM_FETCH = 500;

    private final EntityManager em;
    private final String realmId;

    public Roster(KeycloakSession session, RealmModel realm) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.realmId = realm.getId();
    }

    /** One page of the students, in roster order, and how many there are in all. */
    public Page page(Scope scope, Filter filter, int first, int max) {
        if (scope.isEmpty()) {
            return new Page(0, List.of());
        }
        List<RosterRow> rows = rows(scope, filter, first, max);
        Map<String, RosterSync.Known> known = RosterSync.known(em, ids(rows));
        if (stale(rows, known)) {
            rows = rows(scope, filter, first, max);
            known = RosterSync.known(em, ids(rows));
        }
        return new Page(count(scope, filter), students(rows, known));
    }

    /** How many students the scope and filter hold. */
    public long count(Scope scope, Filter filter) {
        if (scope.isEmpty()) {
            return 0;
        }
        // count(*), not count(r): counting a column makes H2 read every row, not just the index (4x slower at 50,000)
        Query query = query(scope, filter, "count(*)", false);
        return query.bind(em.createQuery(query.jpql, Long.class)).getSingleResult();
    }

    /**
     * Every student of the scope and filter, in roster order, handed over {@code chunk} at a time: memory holds one
     * chunk whatever the number of students.
     */
    public void forEach(Scope scope, Filter filter, int chunk, Consumer<List<Student>> each) {
        if (scope.isEmpty()) {
            return;
        }
        Query query = query(scope, filter, ROW, true);
        try (Stream<Object[]> stream = query.bind(em.createQuery(query.jpql, Object[].class))
                .setHint("org.hibernate.fetchSize", STREAM_FETCH).setHint("org.hibernate.readOnly", true).getResultStream()) {
            List<RosterRow> rows = new ArrayList<>(chunk);
            for (Iterator<Object[]> i = stream.iterator(); i.hasNext(); ) {
                rows.add(row(i.next()));
                if (rows.size() == Math.min(chunk, RosterSync.CHUNK) || !i.hasNext()) {
                    Map<String, RosterRow> byId = new LinkedHashMap<>();
                    rows.forEach(row -> byId.put(row.userId(), row));
                    Map<String, RosterSync.Known> known = RosterSync.known(em, List.copyOf(byId.keySet()));
                    if (stale(rows, known)) {
                        // shown only if still within the filter as their tables now say
                        rows = rows.stream().filter(row -> known.containsKey(row.userId())
                                && still(known.get(row.userId()).row(), scope, filter)).toList();
                    }
                    each.accept(students(rows, known));
                    rows = new ArrayList<>(chunk);
                }
            }
        }
    }

    /** The ids of the students of the scope and filter holding a badge. */
    public List<String> withBadges(Scope scope, Filter filter) {
        List<String> ids = new ArrayList<>();
        forEach(scope, filter, RosterSync.CHUNK, students -> students.stream().filter(student -> student.badge() != null)
                .forEach(student -> ids.add(student.id())));
        return ids;
    }

    // --- reading ---

    private static final String ROW = "r.userId, r.realmId, r.psu, r.school, r.grade, r.lastKey, r.firstKey, r.username";

    private List<RosterRow> rows(Scope scope, Filter filter, int first, int max) {
        Query query = query(scope, filter, ROW, true);
        return query.bind(em.createQuery(query.jpql, Object[].class)).setFirstResult(first).setMaxResults(max)
                .getResultList().stream().map(Roster::row).toList();
    }

    private static RosterRow row(Object[] value) {
        return new RosterRow((String) value[0], (String) value[1], (String) value[2], (String) value[3], (Integer) value[4],
                (String) value[5], (String) value[6], (String) value[7]);
    }

    private static List<String> ids(List<RosterRow> rows) {
        return rows.stream().map(RosterRow::userId).toList();
    }

    /** Whether any row differs from its tables; if so, those rows are rewritten (and flushed, for the next read). */
    private boolean stale(List<RosterRow> rows, Map<String, RosterSync.Known> known) {
        List<String> stale = rows.stream().filter(row -> !known.containsKey(row.userId())
                || !known.get(row.userId()).row().equals(row)).map(RosterRow::userId).toList();
        if (stale.isEmpty()) {
            return false;
        }
        RosterSync.sync(em, stale);
        em.flush();
        return true;
    }

    private static boolean still(RosterRow row, Scope scope, Filter filter) {
        return (filter.school() == null || filter.school().equals(row.school()))
                && (filter.grade() == null || filter.grade().equals(row.grade()))
                && (!scope.classIds().isEmpty() || scope.psus().contains(row.psu()));
    }

    private List<Student> students(List<RosterRow> rows, Map<String, RosterSync.Known> known) {
        List<RosterRow> shown = rows.stream().filter(row -> known.containsKey(row.userId())).toList();
        if (shown.isEmpty()) {
            return List.of();
        }
        List<String> ids = ids(shown);
        Map<String, List<String>> groups = new HashMap<>();
        for (Object[] membership : em.createQuery("select m.user.id, m.groupId from UserGroupMembershipEntity m where m.user.id in :ids",
                Object[].class).setParameter("ids", ids).getResultList()) {
            groups.computeIfAbsent((String) membership[0], id -> new ArrayList<>()).add((String) membership[1]);
        }
        Map<String, BadgeCredentialModel.Data> badges = new HashMap<>();
        for (Object[] credential : em.createQuery("select c.user.id, c.credentialData from CredentialEntity c"
                + " where c.user.id in :ids and c.type = :type", Object[].class)
                .setParameter("ids", ids).setParameter("type", BadgeCredentialModel.TYPE).getResultList()) {
            badges.putIfAbsent((String) credential[0], badge((String) credential[1]));
        }
        Set<String> unclaimed = new HashSet<>();
        for (Object[] attribute : em.createQuery("select a.user.id, a.value from UserAttributeEntity a"
                + " where a.user.id in :ids and a.name = :name", Object[].class)
                .setParameter("ids", ids).setParameter("name", K12Attributes.CLAIMED).getResultList()) {
            if (Claiming.isUnclaimed((String) attribute[1])) {
                unclaimed.add((String) attribute[0]);
            }
        }
        return shown.stream().map(row -> {
            RosterSync.Known person = known.get(row.userId());
            RosterRow now = person.row();
            return new Student(now.userId(), now.username(), person.firstName(), person.lastName(), person.enabled(),
                    now.psu(), now.school(), now.grade(), groups.getOrDefault(now.userId(), List.of()), badges.get(now.userId()),
                    !unclaimed.contains(now.userId()));
        }).toList();
    }

    private static BadgeCredentialModel.Data badge(String data) {
        try {
            return JsonSerialization.readValue(data, BadgeCredentialModel.Data.class);
        } catch (IOException unreadable) {
            return null;
        }
    }

    // --- the query ---

    /** A query's text and its parameters. */
    private record Query(String jpql, Map<String, Object> parameters) {
        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            parameters.forEach(query::setParameter);
            return query;
        }
    }

    /**
     * The roster query. With one PSU and no class, the query names its equality columns again in its order, so that
     * every database (H2 too) reads the rows straight from the matching index in order and stops after the page.
     */
    private Query query(Scope scope, Filter filter, String select, boolean ordered) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where r.realmId = :realm");
        parameters.put("realm", realmId);
        Set<String> psus = new TreeSet<>(scope.psus());
        if (filter.school() != null) {
            psus.removeIf(psu -> !filter.school().startsWith(psu));
            where.append(" and r.school = :school");
            parameters.put("school", filter.school());
        }
        if (filter.grade() != null) {
            where.append(" and r.grade = :grade");
            parameters.put("grade", filter.grade());
        }
        if (filter.defaultsOf() != null) {
            where.append(" and r.userId in (select d.userId from DefaultPasswordEntity d where d.requestId = :request)");
            parameters.put("request", filter.defaultsOf());
        }
        String order = " order by r.lastKey, r.firstKey, r.username";
        if (filter.classId() != null) {
            where.append(" and r.userId in (select m.user.id from UserGroupMembershipEntity m where m.groupId = :class)");
            parameters.put("class", filter.classId());
            if (!filter.classInScope()) {
                where.append(psus.isEmpty() ? " and 1 = 0" : " and r.psu in :psus");
                if (!psus.isEmpty()) {
                    parameters.put("psus", psus);
                }
            }
        } else if (scope.classIds().isEmpty()) {
            if (psus.isEmpty()) {
                where.append(" and 1 = 0");
            } else if (psus.size() == 1 && filter.defaultsOf() == null) {
                where.append(" and r.psu = :psu");
                parameters.put("psu", psus.iterator().next());
                order = filter.school() != null ? " order by r.realmId, r.school, r.lastKey, r.firstKey, r.username"
                        : filter.grade() != null ? " order by r.realmId, r.psu, r.grade, r.lastKey, r.firstKey, r.username"
                        : " order by r.realmId, r.psu, r.lastKey, r.firstKey, r.username";
            } else {
                where.append(" and r.psu in :psus");
                parameters.put("psus", psus);
            }
        } else if (psus.isEmpty()) {
            where.append(" and r.userId in (select m.user.id from UserGroupMembershipEntity m where m.groupId in :classes)");
            parameters.put("classes", scope.classIds());
        } else {
            // a teacher who also sees whole PSUs: the classes' members are read first, so that both sides of the "or"
            // are index lookups (with the subquery in the "or", PostgreSQL read the realm's whole roster)
            List<String> members = em.createQuery("select distinct m.user.id from UserGroupMembershipEntity m where m.groupId in :classes",
                    String.class).setParameter("classes", scope.classIds()).getResultList();
            where.append(members.isEmpty() ? " and r.psu in :psus" : " and (r.userId in :members or r.psu in :psus)");
            parameters.put("psus", psus);
            if (!members.isEmpty()) {
                parameters.put("members", members);
            }
        }
        String jpql = "select " + select + " from RosterEntity r" + where + (ordered ? order : "");
        return new Query(jpql, parameters);
    }

}
