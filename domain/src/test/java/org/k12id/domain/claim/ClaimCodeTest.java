package org.k12id.domain.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Given a guardian's claim code")
class ClaimCodeTest {

    @Test
    @DisplayName("codes are 10 characters without look-alikes, random, and read back however they are typed")
    void codes() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = ClaimCode.generate(random);
            assertEquals(ClaimCode.LENGTH, code.length());
            assertTrue(code.chars().noneMatch(c -> "01OIL".indexOf(c) >= 0), code);
            assertEquals(Optional.of(code), ClaimCode.parse(ClaimCode.display(code).toLowerCase()));
            seen.add(code);
        }
        assertEquals(1000, seen.size(), "no repeats in a thousand");
        assertEquals(Optional.of("7KQ4MXW29B"), ClaimCode.parse(" 7kq4m - xw29b "));
        assertEquals("7KQ4M-XW29B", ClaimCode.display("7KQ4MXW29B"));
    }

    @Test
    @DisplayName("anything else is no code: too short or long, a look-alike, other characters, huge")
    void notCodes() {
        for (String typed : new String[] {"", "7KQ4M", "7KQ4MXW29BB", "7KQ4MXW20B", "7KQ4MXWO9B", "7KQ4M_XW29B",
                "7KQ4M-XW29É", "7".repeat(100_000)}) {
            assertEquals(Optional.empty(), ClaimCode.parse(typed), typed.length() > 20 ? "huge" : typed);
        }
        assertEquals(Optional.empty(), ClaimCode.parse(null));
        assertNotEquals(ClaimCode.generate(new SecureRandom()), ClaimCode.generate(new SecureRandom()));
    }
}
