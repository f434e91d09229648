package org.k12id.adminrest.roster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.k12id.domain.K12Attributes;
import org.k12id.domain.K12Roles;

/**
 * Rewrites roster rows from the user tables, a chunk of people at a time. Each Keycloak table is read by user id alone
 * and the rest matched here: given another condition too (an attribute's name, a role), H2 chose that condition's index
 * and read a whole realm's rows for every chunk.
 */
final class RosterSync {

    /** People per query: short IN lists keep the user id indexes in use. */
    static final int CHUNK = 100;

    private RosterSync() {
    }

    /** Makes the rows of these people match their tables: written, changed or removed. */
    static void sync(EntityManager em, Collection<String> userIds) {
        List<String> ids = List.copyOf(new HashSet<>(userIds));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            syncChunk(em, ids.subList(from, Math.min(from + CHUNK, ids.size())));
        }
    }

    private static void syncChunk(EntityManager em, List<String> ids) {
        Map<String, RosterRow> truth = truth(em, ids);
        Map<String, RosterEntity> held = new HashMap<>();
        em.createQuery("select r from RosterEntity r where r.userId in :ids", RosterEntity.class).setParameter("ids", ids)
                .getResultList().forEach(entity -> held.put(entity.getUserId(), entity));
        for (String id : ids) {
            RosterRow row = truth.get(id);
            RosterEntity entity = held.get(id);
            if (row == null) {
                if (entity != null) {
                    em.remove(entity);
                }
            } else if (entity == null) {
                RosterEntity created = new RosterEntity();
                created.set(row);
                em.persist(created);
            } else if (!row.equals(entity.row())) {
                entity.set(row);
            }
        }
    }

    /** What the user tables say of a student now: their row, and what a view shows beside it. */
    record Known(RosterRow row, String firstName, String lastName, boolean enabled) {
    }

    /** The rows these people (at most {@link #CHUNK}) should have, by user id; none for a person who is not a student. */
    static Map<String, RosterRow> truth(EntityManager em, List<String> ids) {
        Map<String, RosterRow> rows = new HashMap<>();
        known(em, ids).forEach((id, known) -> rows.put(id, known.row()));
        return rows;
    }

    /** The students among these people (at most {@link #CHUNK}), as their tables say now, by user id. */
    static Map<String, Known> known(EntityManager em, List<String> ids) {
        Map<String, Object[]> users = new HashMap<>();
        Set<String> realms = new HashSet<>();
        for (Object[] user : em.createQuery("select u.id, u.realmId, u.username, u.firstName, u.lastName,"
                + " u.serviceAccountClientLink, u.enabled from UserEntity u where u.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList()) {
            users.put((String) user[0], user);
            realms.add((String) user[1]);
        }
        if (users.isEmpty()) {
            return Map.of();
        }
        Set<String> studentRoles = new HashSet<>(em.createQuery("select r.id from RoleEntity r where r.name = :name"
                        + " and r.clientRole = false and r.realmId in :realms", String.class)
                .setParameter("name", K12Roles.STUDENT).setParameter("realms", realms).getResultList());
        Set<String> students = new HashSet<>();
        for (Object[] mapping : em.createQuery("select m.user.id, m.roleId from UserRoleMappingEntity m where m.user.id in :ids",
                Object[].class).setParameter("ids", ids).getResultList()) {
            if (studentRoles.contains((String) mapping[1])) {
                students.add((String) mapping[0]);
            }
        }
        Map<String, Map<String, List<String>>> attributes = new HashMap<>();
        if (!students.isEmpty()) {
            for (Object[] attribute : em.createQuery("select a.user.id, a.name, a.value from UserAttributeEntity a"
                    + " where a.user.id in :ids", Object[].class).setParameter("ids", List.copyOf(students)).getResultList()) {
                String name = (String) attribute[1];
                if (K12Attributes.PSU_CODE.equals(name) || K12Attributes.SCHOOL_CODE.equals(name) || K12Attributes.GRADE_LEVEL.equals(name)) {
                    attributes.computeIfAbsent((String) attribute[0], id -> new HashMap<>())
                            .computeIfAbsent(name, n -> new ArrayList<>()).add((String) attribute[2]);
                }
            }
        }
        Map<String, Known> rows = new HashMap<>();
        for (String id : students) {
            Object[] user = users.get(id);
            Map<String, List<String>> held = attributes.getOrDefault(id, Map.of());
            RosterRow.of(new RosterRow.Facts(id, (String) user[1], (String) user[2], (String) user[3], (String) user[4],
                    user[5] != null, true, held.get(K12Attributes.PSU_CODE), held.get(K12Attributes.SCHOOL_CODE),
                    held.get(K12Attributes.GRADE_LEVEL))).ifPresent(row -> rows.put(id,
                    new Known(row, (String) user[3], (String) user[4], Boolean.TRUE.equals(user[6]))));
        }
        return rows;
    }
}
