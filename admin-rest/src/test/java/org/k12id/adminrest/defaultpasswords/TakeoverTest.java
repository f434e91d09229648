package org.k12id.adminrest.defaultpasswords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Given the takeover of regeneration requests from a node that stopped")
class TakeoverTest {

    @Nested
    @DisplayName("when the option is not set")
    class Unset {

        @Test
        @DisplayName("a request is stale after 60 s without a heartbeat, and nodes look every 15 s")
        void defaults() {
            Takeover takeover = Takeover.ofSeconds(null);
            assertEquals(60_000, takeover.staleMillis());
            assertEquals(15_000, takeover.checkMillis());
            assertEquals(Takeover.DEFAULT, Takeover.ofSeconds("  "));
        }
    }

    @ParameterizedTest(name = "{0} s: stale after {1} ms, looked for every {2} ms")
    @CsvSource({"5, 5000, 2500", "8, 8000, 4000", "30, 30000, 15000", "60, 60000, 15000", "3600, 3600000, 15000"})
    @DisplayName("when it is set, nodes look at least twice per staleness and at most every 15 s")
    void configured(String seconds, long stale, long check) {
        Takeover takeover = Takeover.ofSeconds(seconds);
        assertEquals(stale, takeover.staleMillis());
        assertEquals(check, takeover.checkMillis());
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"0", "4", "-60", "86401", "60s", "1.5", "ten", "99999999999999999999"})
    @DisplayName("when it is not a whole number of seconds from 5 to 86400, the server does not start with it")
    void refused(String seconds) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Takeover.ofSeconds(seconds));
        assertTrue(e.getMessage().startsWith(Takeover.OPTION), e.getMessage());
    }

    @Test
    @DisplayName("a heartbeat exactly the staleness old is still live; a moment older, or none, is stale")
    void stale() {
        Takeover takeover = Takeover.ofSeconds("10");
        assertFalse(takeover.stale(1_000L, 11_000L));
        assertTrue(takeover.stale(1_000L, 11_001L));
        assertTrue(takeover.stale(null, 0L));
    }
}
