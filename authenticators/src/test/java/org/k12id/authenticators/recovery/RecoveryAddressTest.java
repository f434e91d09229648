package org.k12id.authenticators.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("An address typed on Forgot my username")
class RecoveryAddressTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "rosa.parent@example.org|OK",
            "'  Rosa.Parent@Example.ORG '|OK",
            "a+b@sub.example.org|OK",
            "''|EMPTY",
            "'   '|EMPTY",
            "rosa|MALFORMED",
            "@example.org|MALFORMED",
            "rosa@|MALFORMED",
            "rosa@example|MALFORMED",
            "rosa@example.|MALFORMED",
            "rosa@@example.org|MALFORMED",
            "ro sa@example.org|MALFORMED",
            "rosa@exa..mple.org|MALFORMED",
            "<rosa@example.org>|MALFORMED",
            "rosa@example.org;x@example.org|MALFORMED",
            ".rosa@example.org|MALFORMED"})
    void check(String typed, RecoveryAddress.Check expected) {
        assertEquals(expected, RecoveryAddress.check(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rosa\u0000@example.org", "rosa\u200b@example.org", "rosa@example.org\n"})
    @DisplayName("a control or invisible character inside is no address; a newline at the end is trimmed away")
    void hiddenCharacters(String typed) {
        assertEquals(typed.endsWith("\n") ? RecoveryAddress.Check.OK : RecoveryAddress.Check.MALFORMED,
                RecoveryAddress.check(typed));
    }

    @Test
    @DisplayName("nothing typed, too long a local part or address: refused, never an error")
    void limits() {
        assertEquals(RecoveryAddress.Check.EMPTY, RecoveryAddress.check(null));
        assertEquals(RecoveryAddress.Check.MALFORMED, RecoveryAddress.check("a".repeat(65) + "@example.org"));
        assertEquals(RecoveryAddress.Check.MALFORMED, RecoveryAddress.check("a@" + "b".repeat(250) + ".org"));
        assertEquals(RecoveryAddress.Check.MALFORMED, RecoveryAddress.check("a".repeat(100_000)));
    }

    @Test
    @DisplayName("one address however it is typed: one form, one hash; the hash is not the address")
    void normalisedAndHashed() {
        assertEquals("rosa.parent@example.org", RecoveryAddress.normalise("  Rosa.Parent@EXAMPLE.org "));
        assertEquals(RecoveryAddress.hash("rosa.parent@example.org"), RecoveryAddress.hash(" ROSA.parent@example.org"));
        assertNotEquals(RecoveryAddress.hash("rosa.parent@example.org"), RecoveryAddress.hash("rosa.parent@example.com"));
        assertEquals(64, RecoveryAddress.hash("rosa.parent@example.org").length());
    }
}
