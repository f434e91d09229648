package org.k12id.realmconfig.district;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatePlanTest {

    private static StatePlan plan(int psus, int students) {
        return new StatePlan(19, "501", psus, students, 3_000_000_001L, 25, 500, "Tarheel2026", 500);
    }

    @Test
    @DisplayName("Given 40 PSUs of 5,000 from 501, the codes run 501 to 540, 200,000 students, no student number twice")
    void fortyPsus() {
        List<DistrictSpec> districts = plan(40, 5_000).districts();
        assertEquals(40, districts.size());
        assertEquals("501", districts.get(0).psuCode());
        assertEquals("540", districts.get(39).psuCode());
        assertEquals(200_000, districts.stream().mapToInt(DistrictSpec::students).sum());
        Set<Long> starts = new HashSet<>();
        for (int i = 1; i < districts.size(); i++) {
            DistrictSpec before = districts.get(i - 1);
            assertEquals(before.firstStudentNumber() + before.students(), districts.get(i).firstStudentNumber(),
                    "each PSU's numbers follow the last one's");
            assertTrue(starts.add(districts.get(i).firstStudentNumber()));
        }
        assertEquals(5, districts.stream().map(DistrictSpec::seed).filter(s -> s < 24).count(), "a seed per PSU");
    }

    @Test
    @DisplayName("Given a 4-PSU plan and a 40-PSU plan with the same seed, the 4 PSUs are the 40's first four, byte for byte")
    void smallRealmIsTheStatesFirstTenth(@TempDir Path a, @TempDir Path b) throws IOException {
        List<DistrictSpec> small = new StatePlan(19, "501", 4, 300, 3_000_000_001L, 25, 100, "Tarheel2026", 100).districts();
        List<DistrictSpec> large = new StatePlan(19, "501", 40, 300, 3_000_000_001L, 25, 100, "Tarheel2026", 100).districts();
        for (int i = 0; i < small.size(); i++) {
            assertEquals(small.get(i), large.get(i));
            List<Path> x = new DistrictGenerator(small.get(i)).write(a.resolve(StatePlan.folder(small.get(i))));
            List<Path> y = new DistrictGenerator(large.get(i)).write(b.resolve(StatePlan.folder(large.get(i))));
            assertEquals(x.size(), y.size());
            for (int f = 0; f < x.size(); f++) {
                assertArrayEquals(Files.readAllBytes(x.get(f)), Files.readAllBytes(y.get(f)));
            }
        }
    }

    @Test
    @DisplayName("Given codes past 999, too many students or a non-numeric first code, the plan is refused")
    void refusals() {
        assertThrows(IllegalArgumentException.class, () -> new StatePlan(1, "990", 40, 10, 1, 25, 500, "x", 500));
        assertThrows(IllegalArgumentException.class, () -> plan(0, 10));
        assertThrows(IllegalArgumentException.class, () -> plan(101, 10));
        assertThrows(IllegalArgumentException.class, () -> plan(40, 60_000));
        assertThrows(IllegalArgumentException.class, () -> new StatePlan(1, "ABC", 4, 10, 1, 25, 500, "x", 500));
    }
}
