package org.k12id.authenticators.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Badge eligibility")
class BadgeEligibilityTest {

    @ParameterizedTest(name = "enabled={0} grade={1} opted out={2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "true  | -3  |      | true",
            "true  | 0   |      | true",
            "true  | 5   |      | true",
            "true  | -4  |      | false",
            "true  | 6   |      | false",
            "true  | 7   |      | false",
            "true  | -9  |      | false",
            "true  |     |      | false",
            "true  | K   |      | false",
            "false | 3   |      | false",
            "true  | 3   | 3    | false",
            "true  | 2   | 3    | true",
    })
    void defaultRange(boolean enabled, String grade, Integer optedOut, boolean allowed) {
        Set<Integer> out = optedOut == null ? Set.of() : Set.of(optedOut);
        assertEquals(allowed, BadgeEligibility.DEFAULT.allows(enabled, grade, out));
    }

    @Test
    @DisplayName("a configured range replaces PreK-5")
    void configuredRange() {
        BadgeEligibility k2 = new BadgeEligibility(0, 2);
        assertEquals(true, k2.allows(true, "1", Set.of()));
        assertEquals(false, k2.allows(true, "3", Set.of()));
        assertEquals(false, k2.allows(true, "-1", Set.of()));
    }

    @Test
    @DisplayName("opt-outs are stored as a grade list; anything unreadable opts every grade out")
    void optOuts() {
        assertEquals(Set.of(), BadgeOptOuts.parse(null));
        assertEquals(Set.of(-3, 0, 4), BadgeOptOuts.parse("4,-3, 0"));
        assertEquals(BadgeOptOuts.ALL, BadgeOptOuts.parse("4,K"));
        assertEquals("-3,0,4", BadgeOptOuts.format(Set.of(4, 0, -3)));
        assertEquals("k12.badge.optOut.32A", BadgeOptOuts.attribute("32A"));
    }
}
