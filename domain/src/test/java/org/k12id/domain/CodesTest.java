package org.k12id.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CodesTest {

    @Nested
    @DisplayName("PSU codes")
    class Psu {
        @ParameterizedTest
        @ValueSource(strings = {"920", "32A", "ABC", "000"})
        void wellFormed(String code) {
            assertTrue(PsuCode.isWellFormed(code));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"92", "9200", "32a", " 92", "92-", "９２０", "920\n"})
        void otherLengthsLowerCaseAndNonAsciiAreMalformed(String code) {
            assertFalse(PsuCode.isWellFormed(code));
        }

        @Test
        void groupName() {
            assertEquals("psu-32A", PsuCode.groupName("32A"));
            assertThrows(IllegalArgumentException.class, () -> PsuCode.groupName("../x"));
        }
    }

    @Nested
    @DisplayName("Campus codes")
    class Campus {
        @ParameterizedTest
        @CsvSource({"920304,920,true", "32A000,32A,true", "920304,32A,false", "921304,920,false", "92030,920,false",
                "920304,92,false", "92030a,920,false"})
        void belongsTo(String campus, String psu, boolean expected) {
            assertEquals(expected, CampusCode.belongsTo(campus, psu));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"9203045", "92030", "920 04", "920304 "})
        void otherLengthsAndSpacesAreMalformed(String code) {
            assertFalse(CampusCode.isWellFormed(code));
        }
    }

    @Nested
    @DisplayName("Grade levels")
    class Grades {
        @ParameterizedTest
        @ValueSource(strings = {"-5", "-4", "-3", "-2", "-1", "0", "1", "5", "9", "12", "13", "-9"})
        void everyStateCodeParsesToItsNumber(String code) {
            assertEquals(Optional.of(Integer.parseInt(code)), GradeLevel.parse(code));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"-6", "-8", "14", "-0", "00", "05", "+5", "K", "PK", "1.0", " 1", "-", "--1", "99999999999"})
        void outOfRangeOrNonCanonicalCodesAreInvalid(String code) {
            assertFalse(GradeLevel.isValid(code));
        }

        @Test
        @DisplayName("the list holds the state's twenty codes")
        void listHoldsTheStatesTwentyCodes() {
            assertEquals(20, GradeLevel.CODES.size());
        }

        @ParameterizedTest
        @CsvSource({"-3,true", "5,true", "0,true", "-4,false", "6,false", "-9,false"})
        @DisplayName("PreK-5 range is -3 through 5 and never holds the ungraded code")
        void prek5(int grade, boolean expected) {
            assertEquals(expected, GradeLevel.inRange(grade, GradeLevel.PREK5_FIRST, GradeLevel.PREK5_LAST));
        }

        @Test
        void ungradedInNoRange() {
            assertFalse(GradeLevel.inRange(GradeLevel.UNGRADED, -10, 20));
        }
    }
}
