package org.k12id.authenticators.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.models.AuthenticatorConfigModel;

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

    @ParameterizedTest(name = "first={0} last={1}")
    @CsvSource(delimiter = '|', value = {"K | 5", "-3 | K", "-9 | 5", "-3 | -9", "x | y"})
    @DisplayName("a step setting that cannot be read, or that names 'ungraded', allows nobody (fail closed)")
    void unreadableStepSettingAllowsNobody(String first, String last) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(java.util.Map.of(BadgeConfig.FIRST_GRADE, first, BadgeConfig.LAST_GRADE, last));
        BadgeEligibility eligibility = BadgeConfig.of(model).eligibility();
        for (String grade : java.util.List.of("-5", "-3", "0", "3", "5", "12")) {
            assertEquals(false, eligibility.allows(true, grade, Set.of()), () -> "grade " + grade + " allowed");
        }
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
