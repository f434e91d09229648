package org.k12id.benchmarks.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatePeopleTest {

    private static int psuOf(String username) {
        return 501 + (int) ((Long.parseLong(username) - 3_000_000_001L) / 5_000);
    }

    private static long offsetOf(String username) {
        return (Long.parseLong(username) - 3_000_000_001L) % 5_000;
    }

    @Test
    @DisplayName("Given the 40-PSU realm, 240 students come from all 39 PSUs but 504, none twice")
    void spreadOverTheState() {
        List<String> users = StatePeople.of(40).passwordStudents(240);
        Set<Integer> psus = new HashSet<>();
        for (String u : users) {
            psus.add(psuOf(u));
            assertEquals(10, u.length());
        }
        assertEquals(39, psus.size());
        assertFalse(psus.contains(504), "PSU 504 is the regeneration phase's");
        assertEquals(240, new HashSet<>(users).size());
    }

    @Test
    @DisplayName("Given the 4-PSU realm, badge students come from PSUs 501 to 503, within the badge grades' numbers")
    void badgeStudentsInTheSmallRealm() {
        List<String> users = StatePeople.of(4).badgeStudents(240);
        assertEquals(240, new HashSet<>(users).size());
        for (String u : users) {
            assertTrue(psuOf(u) >= 501 && psuOf(u) <= 503, u);
            assertTrue(offsetOf(u) < StatePeople.BADGE_GRADE_SPAN, u);
        }
    }
}
