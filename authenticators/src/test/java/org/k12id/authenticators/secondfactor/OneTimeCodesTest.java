package org.k12id.authenticators.secondfactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("One-time codes")
class OneTimeCodesTest {

    private static final byte[] KEY = "a key of the realm, 32 bytes long".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_KEY = "another key of the realm, 32 byt".getBytes(StandardCharsets.UTF_8);

    @Test
    @DisplayName("are six digits, and vary")
    void sixDigits() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String code = OneTimeCodes.generate(random);
            assertTrue(code.matches("[0-9]{6}"), code);
            seen.add(code);
        }
        assertTrue(seen.size() > 1_900, "2,000 codes, " + seen.size() + " different");
    }

    @Test
    @DisplayName("are kept sealed: not the code, bound to the key and the account")
    void sealed() {
        String seal = OneTimeCodes.seal(KEY, "user-1", "042917");
        assertFalse(seal.contains("042917"));
        assertEquals(64, seal.length());
        assertNotEquals(seal, OneTimeCodes.seal(KEY, "user-2", "042917"));
        assertNotEquals(seal, OneTimeCodes.seal(OTHER_KEY, "user-1", "042917"));
        assertEquals(seal, OneTimeCodes.seal(KEY, "user-1", "042917"));
    }

    @ParameterizedTest(name = "\"{0}\" against 042917: {1}")
    @CsvSource(delimiter = '|', value = {
            "042917|true",
            "' 042 917 '|true",
            "042-917|true",
            "042918|false",
            "42917|false",
            "0429170|false",
            "04291a|false",
            "''|false",
            "٠٤٢٩١٧|false",
    })
    @DisplayName("match what was typed only when it is the code")
    void matches(String typed, boolean expected) {
        String kept = OneTimeCodes.seal(KEY, "user-1", "042917");
        assertEquals(expected, OneTimeCodes.matches(KEY, "user-1", typed, kept));
    }

    @Test
    @DisplayName("do not match for another account, another key, no code kept, or nothing typed")
    void refusals() {
        String kept = OneTimeCodes.seal(KEY, "user-1", "042917");
        assertFalse(OneTimeCodes.matches(KEY, "user-2", "042917", kept));
        assertFalse(OneTimeCodes.matches(OTHER_KEY, "user-1", "042917", kept));
        assertFalse(OneTimeCodes.matches(KEY, "user-1", "042917", null));
        assertFalse(OneTimeCodes.matches(KEY, "user-1", null, kept));
        assertNull(OneTimeCodes.normalise("1".repeat(41)));
    }
}
