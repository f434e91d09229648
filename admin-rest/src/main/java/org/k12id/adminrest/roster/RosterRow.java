package org.k12id.adminrest.roster;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

import org.k12id.domain.CampusCode;
import org.k12id.domain.GradeLevel;
import org.k12id.domain.PsuCode;

/** A student's row of the roster, worked out from what the user's own tables say about them. */
public record RosterRow(String userId, String realmId, String psu, String school, Integer grade, String lastKey,
                        String firstKey, String username) {

    /** Names are ordered by their first {@value} characters, then by username. */
    public static final int KEY_LENGTH = 100;

    /** What the user's tables hold about one person: the facts a row is derived from. */
    public record Facts(String userId, String realmId, String username, String firstName, String lastName,
                        boolean serviceAccount, boolean directStudent, Collection<String> psuCodes,
                        Collection<String> schoolCodes, Collection<String> gradeLevels) {
    }

    /**
     * The person's row: present for a person holding the student role directly (not a service account). Of several
     * values of one attribute the smallest counts, so every node and every rebuild agree.
     */
    public static Optional<RosterRow> of(Facts facts) {
        if (facts == null || !facts.directStudent() || facts.serviceAccount() || facts.username() == null) {
            return Optional.empty();
        }
        String psu = smallest(facts.psuCodes());
        String school = smallest(facts.schoolCodes());
        String grade = smallest(facts.gradeLevels());
        return Optional.of(new RosterRow(facts.userId(), facts.realmId(),
                PsuCode.isWellFormed(psu) ? psu : null,
                CampusCode.isWellFormed(school) ? school : null,
                GradeLevel.parse(grade).orElse(null),
                key(facts.lastName()), key(facts.firstName()), facts.username()));
    }

    /** A name as it sorts: lower case (root locale), at most {@value #KEY_LENGTH} characters, empty for none. */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.length() <= KEY_LENGTH ? lower : lower.substring(0, KEY_LENGTH);
    }

    private static String smallest(Collection<String> values) {
        return values == null ? null : values.stream().filter(value -> value != null).sorted().findFirst().orElse(null);
    }
}
