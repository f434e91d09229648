package org.k12id.adminrest.defaultpasswords;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.k12id.domain.K12Attributes;
import org.k12id.domain.K12Roles;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

/**
 * The students a request targets, read from the database in id order a chunk at a time, so that work resumes exactly
 * after the last committed student: people of the realm holding the {@code student} realm role directly, with the
 * request's PSU and, when given, one of its campuses and grades.
 */
final class TargetedStudents {

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

    long count() {
        TypedQuery<Long> query = em.createQuery("select count(u) " + where(), Long.class);
        bind(query);
        return query.getSingleResult();
    }

    /** The next ids after {@code cursor} (empty string: from the start), at most {@code max}. */
    List<String> after(String cursor, int max) {
        TypedQuery<String> query = em.createQuery("select u.id " + where() + " and u.id > :cursor order by u.id", String.class);
        bind(query);
        query.setParameter("cursor", cursor == null ? "" : cursor);
        return query.setMaxResults(max).getResultList();
    }

    private String where() {
        StringBuilder where = new StringBuilder("from UserEntity u where u.realmId = :realmId and u.serviceAccountClientLink is null"
                + " and exists (select 1 from UserRoleMappingEntity r where r.user = u and r.roleId = :roleId)"
                + " and exists (select 1 from UserAttributeEntity p where p.user = u and p.name = :psuName and p.value = :psu)");
        if (!form.campusCodes().isEmpty()) {
            where.append(" and exists (select 1 from UserAttributeEntity s where s.user = u and s.name = :schoolName and s.value in :campuses)");
        }
        if (!form.gradeLevels().isEmpty()) {
            where.append(" and exists (select 1 from UserAttributeEntity g where g.user = u and g.name = :gradeName and g.value in :grades)");
        }
        return where.toString();
    }

    private void bind(TypedQuery<?> query) {
        query.setParameter("realmId", realmId).setParameter("roleId", studentRoleId)
                .setParameter("psuName", K12Attributes.PSU_CODE).setParameter("psu", form.psuCode());
        if (!form.campusCodes().isEmpty()) {
            query.setParameter("schoolName", K12Attributes.SCHOOL_CODE).setParameter("campuses", form.campusCodes());
        }
        if (!form.gradeLevels().isEmpty()) {
            query.setParameter("gradeName", K12Attributes.GRADE_LEVEL)
                    .setParameter("grades", form.gradeLevels().stream().map(String::valueOf).toList());
        }
    }
}
