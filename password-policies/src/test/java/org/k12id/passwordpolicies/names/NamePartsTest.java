package org.k12id.passwordpolicies.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Not Names")
class NamePartsTest {

    @ParameterizedTest(name = "{0} {1}, \"{2}\" -> rejected: {3}")
    @CsvSource(delimiter = '|', value = {
            "María José | Pérez       | Jose2026xy   | true",
            "María José | Pérez       | MARIA2026x   | true",
            "María José | Pérez       | xPEREZ99     | true",
            "María José | Pérez       | perez        | true",
            "Maria      | Perez       | MaríaJosé1   | true",
            "Liam       | O'Brien     | Obrien2026   | true",
            "Liam       | O'Brien     | BRIEN-2026   | true",
            "Liam       | O’Brien     | brien2026    | true",
            "Ava        | Smith-Jones | Jones2026A   | true",
            "Ava        | Smith-Jones | SmItH2026A   | true",
            "Ava        | Smith-Jones | Ava2026xyz   | true",
            "Al         | Ng          | Algebra26A   | false",
            "Al         | Ng          | Ngong2026A   | false",
            "Ethan      | Thomas      | tHoMaS2026   | true",
            "Ethan      | Thomas      | Tom2026abc   | false",
            "Zoë        | Lee         | zoe12345A    | true",
            "Chinwe     | Okafor      | Tarheel2026  | false",
    })
    void passwordHoldingAPartOfTheNameIsRejected(String first, String last, String password, boolean rejected) {
        assertEquals(rejected, NameParts.containsName(password, first, last, NameParts.DEFAULT_MIN_PART_LENGTH));
    }

    @Test
    @DisplayName("short names count when the admin lowers the minimum")
    void lowerMinimum() {
        assertTrue(NameParts.containsName("Ngong2026A", "Al", "Ng", 2));
        assertFalse(NameParts.containsName("Ngong2026A", "Al", "Ng", 3));
    }

    @Test
    @DisplayName("a person with no names recorded has no name to avoid")
    void noNames() {
        assertFalse(NameParts.containsName("Anything1", null, null, 3));
        assertFalse(NameParts.containsName("", "Ava", "Lee", 3));
    }

    @Test
    @DisplayName("names split at spaces, hyphens and apostrophes, folded to lower case without accents")
    void namesSplitIntoPartsFoldedToLowerCaseWithoutAccents() {
        assertEquals(Set.of("maria", "jose", "perez", "garcia"), NameParts.parts("María José", "Pérez-García", 3));
        assertEquals(Set.of("brien"), NameParts.parts("Al", "O'Brien", 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "65", "abc", "3.5", "99999999999"})
    @DisplayName("a bad minimum is refused")
    void badConfig(String value) {
        assertThrows(IllegalArgumentException.class, () -> NameParts.parseMinPartLength(value));
    }

    @Test
    void defaultConfig() {
        assertEquals(3, NameParts.parseMinPartLength(null));
        assertEquals(4, NameParts.parseMinPartLength(" 4 "));
    }
}
