package org.k12id.adminrest.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RosterRowTest {

    private static RosterRow.Facts facts(boolean student, boolean serviceAccount, List<String> psu, List<String> school, List<String> grade) {
        return new RosterRow.Facts("u1", "r1", "k12jo", "Ana", "DE LA Cruz", serviceAccount, student, psu, school, grade);
    }

    @Test
    void aStudentsRowHoldsTheirCodesAndSortKeys() {
        RosterRow row = RosterRow.of(facts(true, false, List.of("920"), List.of("920301"), List.of("-1"))).orElseThrow();
        assertEquals(new RosterRow("u1", "r1", "920", "920301", -1, "de la cruz", "ana", "k12jo"), row);
    }

    @Test
    void onlyDirectStudentsWhoAreNotServiceAccountsHaveRows() {
        assertTrue(RosterRow.of(facts(false, false, List.of("920"), null, null)).isEmpty());
        assertTrue(RosterRow.of(facts(true, true, List.of("920"), null, null)).isEmpty());
        assertTrue(RosterRow.of(null).isEmpty());
    }

    @Test
    void malformedCodesAreKeptAsNoneSoNoScopeCoversThem() {
        RosterRow row = RosterRow.of(facts(true, false, List.of("92"), List.of("9203011"), List.of("15"))).orElseThrow();
        assertNull(row.psu());
        assertNull(row.school());
        assertNull(row.grade());
        RosterRow none = RosterRow.of(facts(true, false, null, List.of(), null)).orElseThrow();
        assertNull(none.psu());
    }

    @Test
    void ofSeveralValuesTheSmallestCountsWhateverTheirOrder() {
        assertEquals("910", RosterRow.of(facts(true, false, List.of("920", "910"), null, null)).orElseThrow().psu());
        assertEquals("910", RosterRow.of(facts(true, false, List.of("910", "920"), null, null)).orElseThrow().psu());
    }

    @Test
    void sortKeysAreLowerCaseInTheRootLocaleAndBounded() {
        assertEquals("istanbul", RosterRow.key("ISTANBUL"));
        assertEquals("", RosterRow.key(null));
        assertEquals(RosterRow.KEY_LENGTH, RosterRow.key("x".repeat(500)).length());
    }
}
