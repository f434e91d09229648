package org.k12id.authenticators.badge;

import java.util.Set;

import org.k12id.domain.GradeLevel;

/**
 * Who may use a badge: an enabled account whose grade lies in the configured range (default PreK-5, -3 to 5) and
 * whose grade its PSU has not opted out of badges. Anyone else is refused exactly like a bad badge.
 */
public record BadgeEligibility(int firstGrade, int lastGrade) {

    public static final BadgeEligibility DEFAULT = new BadgeEligibility(GradeLevel.PREK5_FIRST, GradeLevel.PREK5_LAST);

    public boolean allows(boolean enabled, String gradeLevel, Set<Integer> optedOutGrades) {
        if (!enabled) {
            return false;
        }
        return GradeLevel.parse(gradeLevel)
                .filter(grade -> GradeLevel.inRange(grade, firstGrade, lastGrade))
                .filter(grade -> !optedOutGrades.contains(grade))
                .isPresent();
    }
}
