package org.k12id.authenticators.secondfactor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The settings of sent codes")
class CodeSettingsTest {

    @Test
    @DisplayName("default to 5 minutes, 30 seconds and 5 an hour")
    void defaults() {
        assertEquals(new CodeSettings(300, 30, 5), CodeSettings.of(null));
        assertEquals(CodeSettings.DEFAULT, CodeSettings.of(Map.of()));
        assertEquals(CodeSettings.PROPERTIES.size(), 3);
    }

    @Test
    @DisplayName("read what the admin console stored; a bad value allows nothing")
    void configured() {
        assertEquals(new CodeSettings(600, 10, 3), CodeSettings.of(Map.of(CodeSettings.EXPIRY, " 600 ",
                CodeSettings.COOLDOWN, "10", CodeSettings.SENDS_PER_HOUR, "3")));
        assertEquals(new CodeSettings(0, 0, 0), CodeSettings.of(Map.of(CodeSettings.EXPIRY, "ten",
                CodeSettings.COOLDOWN, "-1", CodeSettings.SENDS_PER_HOUR, "1000")));
    }
}
