package org.k12id.benchmarks.state;

import java.util.ArrayList;
import java.util.List;

/**
 * Who the state benchmark signs in as, from how {@code tools/bench-state.sh} generates its realms (40 PSUs from 501 of
 * 5,000 students each, student numbers from 3000000001, a PSU's elementary schools (grades PreK-3 to 5, the badge
 * grades) numbered first): students spread evenly over every PSU of a realm but one (the PSU the regeneration phase
 * resets, whose passwords it changes), so that a realm's logins reach across the whole realm, not one corner of it.
 */
public record StatePeople(int firstPsu, int psus, int studentsPerPsu, long firstStudentNumber, int skippedPsu) {

    /** The first students of a generated PSU in the badge grades (its first elementary school's, at least). */
    static final int BADGE_GRADE_SPAN = 2_500;

    public StatePeople {
        if (psus < 2) {
            throw new IllegalArgumentException("a realm needs at least two PSUs (one is kept for regeneration)");
        }
        if (studentsPerPsu <= BADGE_GRADE_SPAN) {
            throw new IllegalArgumentException("PSUs of more than " + BADGE_GRADE_SPAN + " students");
        }
    }

    /** The generated realms: PSUs from 501, 5,000 students each, PSU 504 left to regeneration. */
    public static StatePeople of(int psus) {
        return new StatePeople(501, psus, 5_000, 3_000_000_001L, 504);
    }

    /** {@code count} usernames, dealt round-robin over the PSUs (all but the skipped one), spread within each. */
    public List<String> passwordStudents(int count) {
        return pick(count, studentsPerPsu, 7919);
    }

    /** {@code count} usernames of students in the badge grades, dealt likewise. */
    public List<String> badgeStudents(int count) {
        return pick(count, BADGE_GRADE_SPAN, 4099);
    }

    /** The PSU codes used, in order. */
    public List<String> usedPsus() {
        List<String> used = new ArrayList<>();
        for (int i = 0; i < psus; i++) {
            if (firstPsu + i != skippedPsu) {
                used.add(String.valueOf(firstPsu + i));
            }
        }
        return used;
    }

    private List<String> pick(int count, int span, int stride) {
        List<String> used = usedPsus();
        List<String> usernames = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int psu = Integer.parseInt(used.get(i % used.size()));
            int round = i / used.size();
            long offset = ((long) round * stride + 13L * (psu - firstPsu)) % span;
            long number = firstStudentNumber + (long) (psu - firstPsu) * studentsPerPsu + offset;
            usernames.add(String.format("%010d", number));
        }
        return usernames;
    }
}
