package org.k12id.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PSU scope of privileged roles")
class PsuScopeTest {

    @Test
    void coversOnlyTheHoldersPsus() {
        assertTrue(PsuScope.covers(List.of("920"), "920"));
        assertTrue(PsuScope.covers(List.of("32A", "920"), "920"));
        assertFalse(PsuScope.covers(List.of("920"), "32A"));
        assertFalse(PsuScope.covers(List.of(), "920"));
        assertFalse(PsuScope.covers(null, "920"));
        assertFalse(PsuScope.covers(List.of("920"), null));
        assertFalse(PsuScope.covers(Arrays.asList("92", null), "92"));
        assertFalse(PsuScope.covers(List.of("920 "), "920"));
    }
}
