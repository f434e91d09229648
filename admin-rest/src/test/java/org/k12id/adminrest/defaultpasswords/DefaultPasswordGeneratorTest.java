package org.k12id.adminrest.defaultpasswords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Given default passwords for young children")
class DefaultPasswordGeneratorTest {

    private final DefaultPasswordGenerator generator = new DefaultPasswordGenerator(new SecureRandom());

    @Test
    @DisplayName("they are a capital, lower-case letters and digits, with no look-alike characters, and rarely repeat")
    void capitalLowerCaseAndDigitsWithoutLookAlikesRarelyRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String password = generator.candidate(DefaultPasswordGenerator.Shape.from(8, 16, 0));
            assertTrue(password.matches("[A-Z][a-z]{4}[0-9]{3}"), password);
            assertFalse(password.matches(".*[0O1lIio].*"), password);
            seen.add(password);
        }
        assertTrue(seen.size() > 9_990, "10,000 draws, " + seen.size() + " different");
    }

    @ParameterizedTest(name = "policy length {0}..{1}, symbols {2} -> {3} characters, symbol {4}")
    @DisplayName("their length and symbol follow the realm policy's numbers")
    @CsvSource({
            "0, 0, 0, 8, false",
            "8, 16, 0, 8, false",
            "12, 0, 0, 12, false",
            "10, 0, 1, 10, true",
            "0, 6, 0, 6, false",
    })
    void lengthAndSymbolFollowThePolicy(int min, int max, int symbols, int length, boolean symbol) {
        DefaultPasswordGenerator.Shape shape = DefaultPasswordGenerator.Shape.from(min, max, symbols);
        assertEquals(new DefaultPasswordGenerator.Shape(length, symbol), shape);
        String password = generator.candidate(shape);
        assertEquals(length, password.length(), password);
        assertEquals(symbol, password.chars().anyMatch(c -> DefaultPasswordGenerator.SYMBOLS.indexOf(c) >= 0), password);
    }

    @Test
    @DisplayName("the realm's policy has the last word: refused candidates are drawn again, and a policy that refuses all gives none")
    void refusedCandidatesAreDrawnAgainAndRefusingAllGivesNone() {
        AtomicInteger asked = new AtomicInteger();
        String accepted = generator.generate(DefaultPasswordGenerator.Shape.from(8, 16, 0),
                candidate -> asked.incrementAndGet() > 3, 50).orElseThrow();
        assertEquals(4, asked.get());
        assertEquals(8, accepted.length());
        assertTrue(generator.generate(DefaultPasswordGenerator.Shape.from(8, 16, 0), candidate -> false, 20).isEmpty());
    }
}
