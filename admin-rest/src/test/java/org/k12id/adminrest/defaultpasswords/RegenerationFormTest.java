package org.k12id.adminrest.defaultpasswords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Given the Regenerate Student Default Passwords form")
class RegenerationFormTest {

    @Test
    @DisplayName("a full form is read with its lists trimmed and de-duplicated")
    void fullFormIsReadWithListsTrimmedAndDeduplicated() {
        RegenerationForm form = RegenerationForm.parse("{\"psuCode\":\"920\",\"campusCodes\":\" 920304, 920308,,920304\","
                + "\"gradeLevels\":\"3,4, 3\",\"resetPasswords\":true,\"forceChange\":true,\"comments\":\"  spring reset \"}").form();
        assertEquals("920", form.psuCode());
        assertEquals(List.of("920304", "920308"), form.campusCodes());
        assertEquals(List.of(3, 4), form.gradeLevels());
        assertTrue(form.forceHasEffect());
        assertEquals("spring reset", form.comments());
    }

    @Test
    @DisplayName("only the PSU is required; force without reset is accepted and has no effect")
    void onlyThePsuIsRequiredAndForceWithoutResetDoesNothing() {
        RegenerationForm form = RegenerationForm.parse("{\"psuCode\":\"32A\",\"forceChange\":true}").form();
        assertEquals(List.of(), form.campusCodes());
        assertEquals(List.of(), form.gradeLevels());
        assertFalse(form.forceHasEffect());
        assertNull(form.comments());
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @DisplayName("a bad value is named, with its field")
    @CsvSource(delimiter = '|', value = {
            "'{}'|psuCode|''",
            "'{\"psuCode\":\"92\"}'|psuCode|92",
            "'{\"psuCode\":\"920\",\"campusCodes\":\"32A000\"}'|campusCodes|32A000",
            "'{\"psuCode\":\"920\",\"campusCodes\":\"9203\"}'|campusCodes|9203",
            "'{\"psuCode\":\"920\",\"gradeLevels\":\"14\"}'|gradeLevels|14",
            "'{\"psuCode\":\"920\",\"gradeLevels\":\"K\"}'|gradeLevels|K",
            "'{\"psuCode\":\"920\",\"gradeLevels\":\"03\"}'|gradeLevels|03",
            "'{\"psuCode\":\"920\",\"resetPasswords\":\"yes\"}'|resetPasswords|''",
            "'{\"psuCode\":\"920\",\"password\":\"x\"}'|password|''",
            "'{\"psuCode\":\"920\",\"comments\":\"a\\u0000b\"}'|comments|''",
            "'not json'|body|''",
    })
    void badValueIsNamedWithItsField(String body, String field, String value) {
        RegenerationForm.Parsed parsed = RegenerationForm.parse(body);
        assertNull(parsed.form());
        assertTrue(parsed.problems().stream().anyMatch(p -> p.field().equals(field) && p.value().equals(value)),
                parsed.problems()::toString);
    }

    @Test
    @DisplayName("every bad value is named at once")
    void everyBadValueIsNamedAtOnce() {
        RegenerationForm.Parsed parsed = RegenerationForm.parse(
                "{\"psuCode\":\"920\",\"campusCodes\":\"920304,32A000,XYZ\",\"gradeLevels\":\"3,99,-7\"}");
        assertEquals(List.of("32A000", "XYZ", "99", "-7"), parsed.problems().stream().map(RegenerationForm.Problem::value).toList());
    }

    @ParameterizedTest(name = "{1}")
    @DisplayName("codes are read exactly: a control, invisible or non-ASCII character is refused, not trimmed away")
    @CsvSource(delimiter = '|', value = {
            "'{\"psuCode\":\"32A\\u0000\"}'|psuCode",
            "'{\"psuCode\":\"\\u000b920\"}'|psuCode",
            "'{\"psuCode\":\"920\\u200b\"}'|psuCode",
            "'{\"psuCode\":\"\\u0669\\u0662\\u0660\"}'|psuCode",
            "'{\"psuCode\":\"920\",\"campusCodes\":\"920304\\u0000\"}'|campusCodes",
            "'{\"psuCode\":\"920\",\"gradeLevels\":\"\\u0663\"}'|gradeLevels",
            "'{\"psuCode\":\"920\",\"gradeLevels\":\"3\\u0085\"}'|gradeLevels",
    })
    void codesReadExactly(String body, String field) {
        RegenerationForm.Parsed parsed = RegenerationForm.parse(body);
        assertNull(parsed.form(), body);
        assertEquals(field, parsed.problems().get(0).field());
    }

    @Test
    @DisplayName("more campus codes than a request holds is a problem with campusCodes, however large the form")
    void tooManyCampuses() {
        StringBuilder codes = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            codes.append(i == 0 ? "" : ",").append(String.format("920%03d", i));
        }
        RegenerationForm.Parsed parsed = RegenerationForm.parse("{\"psuCode\":\"920\",\"campusCodes\":\"" + codes + "\"}");
        assertNull(parsed.form());
        assertEquals("campusCodes", parsed.problems().get(0).field());
        String most = codes.substring(0, 250 * 7 - 1);
        assertEquals(250, RegenerationForm.parse("{\"psuCode\":\"920\",\"campusCodes\":\"" + most + "\"}")
                .form().campusCodes().size());
    }

    @Test
    @DisplayName("huge comments and a huge body are refused")
    void hugeCommentsAndBodyRefused() {
        assertEquals("comments", RegenerationForm.parse("{\"psuCode\":\"920\",\"comments\":\"" + "x".repeat(2001) + "\"}")
                .problems().get(0).field());
        assertEquals("body", RegenerationForm.parse("{\"psuCode\":\"920\",\"comments\":\"" + "x".repeat(30_000) + "\"}")
                .problems().get(0).field());
    }
}
