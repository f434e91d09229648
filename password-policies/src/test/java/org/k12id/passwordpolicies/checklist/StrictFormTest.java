package org.k12id.passwordpolicies.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A form body read strictly")
class StrictFormTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private static Optional<Map<String, String>> parse(String type, String body) {
        return StrictForm.parse(type, body.getBytes(StandardCharsets.ISO_8859_1), 100);
    }

    @Test
    @DisplayName("gives each field decoded, '+' as a space and UTF-8 escapes as their characters")
    void decodesAWellFormedForm() {
        assertEquals(Optional.of(Map.of("password", "Bien año 1", "client_id", "app", "tab_id", "")),
                parse(FORM, "password=Bien+a%C3%B1o%201&client_id=app&tab_id="));
        assertEquals(Optional.of(Map.of()), parse(FORM, ""));
        assertEquals(Optional.of(Map.of("a", "1")), parse("application/x-www-form-urlencoded; charset=\"UTF-8\"", "a=1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password=%ZZ", "password=%", "password=%4", "password=abc%e", "password=%C3", "password=%FF",
            "password=%\u0663\u0663", "a=1&a=2", "%ZZ=1"})
    @DisplayName("is no form when an escape is broken, the UTF-8 is invalid or a field repeats")
    void refusesBrokenEscapes(String body) {
        assertTrue(parse(FORM, body).isEmpty(), body);
    }

    @Test
    @DisplayName("is no form for another media type, another charset, no type or a body over the limit")
    void refusesOtherBodies() {
        assertTrue(parse("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n").isEmpty());
        assertTrue(parse("application/json", "{}").isEmpty());
        assertTrue(parse(null, "a=1").isEmpty());
        assertTrue(parse("x", "a=1").isEmpty());
        assertTrue(parse("%00", "a=1").isEmpty());
        assertTrue(parse("application/x-www-form-urlencoded; charset", "a=1").isEmpty());
        assertTrue(parse("application/x-www-form-urlencoded-not", "a=1").isEmpty());
        assertTrue(parse("application/x-www-form-urlencoded; charset=ISO-8859-1", "a=1").isEmpty());
        assertTrue(parse(FORM, "a=" + "x".repeat(200)).isEmpty());
    }
}
