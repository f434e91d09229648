package org.k12id.domain.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Given the details a person types to claim an account")
class ClaimCheckTest {

    static final ClaimCheck.Account STUDENT = new ClaimCheck.Account("9000000021", "7", "20130921", List.of("920"));
    static final ClaimCheck.Account EMPLOYEE = new ClaimCheck.Account("92000901", null, "19790921", List.of("920"));

    static Map<ClaimField, String> typed(String uid, String grade, String birthdate, String psu) {
        Map<ClaimField, String> typed = new EnumMap<>(ClaimField.class);
        typed.put(ClaimField.UID, uid);
        typed.put(ClaimField.GRADE, grade);
        typed.put(ClaimField.BIRTHDATE, birthdate);
        typed.put(ClaimField.PSU, psu);
        return typed;
    }

    @Test
    @DisplayName("a student's exact details prove the account, whatever the case and spaces of the codes and the birthdate's form")
    void studentDetailsProve() {
        assertTrue(ClaimCheck.proves(ClaimPolicy.STUDENT, typed("9000000021", "7", "20130921", "920"), STUDENT));
        assertTrue(ClaimCheck.proves(ClaimPolicy.STUDENT, typed(" 9000000021 ", "7", "2013-09-21", " 920 "), STUDENT));
        assertTrue(ClaimCheck.proves(ClaimPolicy.STUDENT, typed("9000000021", "7", "9/21/2013", "920"), STUDENT));
        ClaimCheck.Account charter = new ClaimCheck.Account("8000000046", "10", "20101019", List.of("32A"));
        assertTrue(ClaimCheck.proves(ClaimPolicy.STUDENT, typed("8000000046", "10", "20101019", "32a"), charter));
    }

    @Test
    @DisplayName("any one wrong detail, a missing one or another policy's account refuses")
    void anyWrongDetailRefuses() {
        assertFalse(ClaimCheck.proves(ClaimPolicy.STUDENT, typed("9000000022", "7", "20130921", "920"), STUDENT));
        assertFalse(ClaimCheck.proves(ClaimPolicy.STUDENT, typed("9000000021", "8", "20130921", "920"), STUDENT));
        assertFalse(ClaimCheck.proves(ClaimPolicy.STUDENT, typed("9000000021", "7", "20130922", "920"), STUDENT));
        assertFalse(ClaimCheck.proves(ClaimPolicy.STUDENT, typed("9000000021", "7", "20130921", "921"), STUDENT));
        assertFalse(ClaimCheck.proves(ClaimPolicy.STUDENT, typed("9000000021", null, "20130921", "920"), STUDENT));
        assertFalse(ClaimCheck.proves(ClaimPolicy.STUDENT, typed("", "7", "20130921", "920"),
                new ClaimCheck.Account("", "7", "20130921", List.of("920"))), "an empty UID proves nothing");
        assertFalse(ClaimCheck.proves(ClaimPolicy.STUDENT, typed("9000000021", "7", "", "920"),
                new ClaimCheck.Account("9000000021", "7", null, List.of("920"))), "nor an account without a birthdate");
        assertFalse(ClaimCheck.proves(ClaimPolicy.GUARDIAN, typed("9000000021", "7", "20130921", "920"), STUDENT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-3", "0", "5", "13", "-9"})
    @DisplayName("a student outside grades 6 to 12 cannot claim, even with every detail right")
    void youngerStudentsDoNotClaim(String grade) {
        ClaimCheck.Account young = new ClaimCheck.Account("9000000011", grade, "20181111", List.of("920"));
        assertFalse(ClaimCheck.proves(ClaimPolicy.STUDENT, typed("9000000011", grade, "20181111", "920"), young));
    }

    @Test
    @DisplayName("an employee's staff UID, birthdate and any of their PSU codes prove the account; a grade is not asked")
    void employeeDetailsProve() {
        assertTrue(ClaimCheck.proves(ClaimPolicy.EMPLOYEE, typed("92000901", null, "19790921", "920"), EMPLOYEE));
        ClaimCheck.Account twoPsus = new ClaimCheck.Account("92000901", null, "19790921", List.of("920", "32A"));
        assertTrue(ClaimCheck.proves(ClaimPolicy.EMPLOYEE, typed("92000901", null, "19790921", "32A"), twoPsus));
        assertFalse(ClaimCheck.proves(ClaimPolicy.EMPLOYEE, typed("92000901", null, "19790921", "999"), twoPsus));
    }

    @Test
    @DisplayName("birthdates are read in the forms people type them, and impossible dates are not dates")
    void birthdates() {
        assertEquals(Optional.of("20130921"), Birthdate.parse("20130921"));
        assertEquals(Optional.of("20130921"), Birthdate.parse(" 2013-09-21 "));
        assertEquals(Optional.of("20130901"), Birthdate.parse("2013-9-1"));
        assertEquals(Optional.of("20130921"), Birthdate.parse("09/21/2013"));
        assertEquals(Optional.of("20120229"), Birthdate.parse("20120229"));
        assertEquals(Optional.empty(), Birthdate.parse("20130229"));
        assertEquals(Optional.empty(), Birthdate.parse("20131321"));
        assertEquals(Optional.empty(), Birthdate.parse("2013092"));
        assertEquals(Optional.empty(), Birthdate.parse("21.09.2013"));
        assertEquals(Optional.empty(), Birthdate.parse(""));
        assertEquals(Optional.empty(), Birthdate.parse(null));
        assertEquals(Optional.empty(), Birthdate.parse("2".repeat(10_000)));
    }

    @Test
    @DisplayName("policies are found by their ids, and each asks for its own fields")
    void policies() {
        assertEquals(Optional.of(ClaimPolicy.GUARDIAN), ClaimPolicy.byId("guardian"));
        assertEquals(Optional.empty(), ClaimPolicy.byId("LEA Student"));
        assertEquals(List.of(ClaimField.UID, ClaimField.GRADE, ClaimField.BIRTHDATE, ClaimField.PSU),
                ClaimPolicy.STUDENT.fields());
    }
}
