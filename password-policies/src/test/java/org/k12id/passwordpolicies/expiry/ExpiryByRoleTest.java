package org.k12id.passwordpolicies.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Expiry By Role")
class ExpiryByRoleTest {

    @Test
    @DisplayName("entries separated by spaces or commas; the shortest lifetime of the roles held wins")
    void parseAndPick() {
        ExpiryByRole expiry = ExpiryByRole.parse("employee:90, lea-administrator:60  teacher:120");
        assertEquals(Map.of("employee", 90, "lea-administrator", 60, "teacher", 120), expiry.daysByRole());
        assertEquals(OptionalInt.of(60), expiry.daysFor(Set.of("employee", "lea-administrator")::contains));
        assertEquals(OptionalInt.of(90), expiry.daysFor(Set.of("employee", "teacher")::contains));
        assertEquals(OptionalInt.empty(), expiry.daysFor(Set.of("student")::contains));
    }

    @Test
    void defaultConfig() {
        assertEquals(Map.of("employee", 90), ExpiryByRole.parse(null).daysByRole());
        assertEquals(Map.of("employee", 90), ExpiryByRole.parse("  ").daysByRole());
    }

    @ParameterizedTest
    @ValueSource(strings = {"employee:abc", "employee", "employee:", ":90", "employee:0", "employee:3651",
            "employee:90 employee:60", "employee:-5", "employee:90:1", "employee:9999999999"})
    @DisplayName("a bad entry is refused, quoting it")
    void badConfig(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExpiryByRole.parse(value));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void messageQuotesTheEntry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExpiryByRole.parse("employee:abc"));
        assertEquals("\"employee:abc\" is not role:days, e.g. employee:90", e.getMessage());
    }

    @Test
    @DisplayName("expired strictly after the lifetime; an unknown creation date counts as expired")
    void expiredStrictlyAfterTheLifetimeOrWithoutACreationDate() {
        long now = 1_800_000_000_000L;
        long day = TimeUnit.DAYS.toMillis(1);
        assertTrue(ExpiryByRole.isExpired(now - 91 * day, now, 90));
        assertFalse(ExpiryByRole.isExpired(now - 90 * day, now, 90));
        assertFalse(ExpiryByRole.isExpired(now - day, now, 90));
        assertTrue(ExpiryByRole.isExpired(null, now, 90));
    }
}
