package org.k12id.authenticators.badge;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.k12id.domain.GradeLevel;
import org.k12id.domain.PsuCode;
import org.keycloak.models.RealmModel;

/**
 * A PSU's opt-out of badges for some grades, kept in the realm's own attributes ({@code k12.badge.optOut.<PSU>} =
 * {@code -3,-2,0}) so it is durable and the same on every cluster node. A value that cannot be read opts every grade
 * out (fail closed).
 */
public final class BadgeOptOuts {

    public static final String ATTRIBUTE_PREFIX = "k12.badge.optOut.";
    static final Set<Integer> ALL = Set.copyOf(GradeLevel.CODES);

    private BadgeOptOuts() {
    }

    /**
     * The grades a PSU has opted out of badges, read from the realm; empty for a value that is not a PSU code (no PSU
     * stores anything under it).
     */
    public static Set<Integer> of(RealmModel realm, String psuCode) {
        return PsuCode.isWellFormed(psuCode) ? parse(realm.getAttribute(attribute(psuCode))) : Set.of();
    }

    /** Stores a PSU's opted-out grades in the realm; an empty set removes the attribute. */
    public static void store(RealmModel realm, String psuCode, Set<Integer> grades) {
        if (grades.isEmpty()) {
            realm.removeAttribute(attribute(psuCode));
        } else {
            realm.setAttribute(attribute(psuCode), format(grades));
        }
    }

    public static String attribute(String psuCode) {
        if (!PsuCode.isWellFormed(psuCode)) {
            throw new IllegalArgumentException("not a PSU code");
        }
        return ATTRIBUTE_PREFIX + psuCode;
    }

    /** The opted-out grades stored for a PSU; empty when nothing is stored. */
    public static Set<Integer> parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return Set.of();
        }
        Set<Integer> grades = new TreeSet<>();
        for (String part : stored.split(",")) {
            var grade = GradeLevel.parse(part.trim());
            if (grade.isEmpty()) {
                return ALL;
            }
            grades.add(grade.get());
        }
        return Set.copyOf(grades);
    }

    public static String format(Set<Integer> grades) {
        return new TreeSet<>(grades).stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
