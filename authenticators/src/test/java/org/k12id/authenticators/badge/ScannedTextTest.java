package org.k12id.authenticators.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Text typed by a badge scanner")
class ScannedTextTest {

    private static final String BADGE = new BadgePayload(UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
            new byte[16]).encode();

    @ParameterizedTest
    @ValueSource(strings = {"%s", "]Q1%s", "]Q0%s", "]Q3%s", "  %s  ", "\t%s\r\n", "\u0002%s\u0003", "\uFEFF%s",
            "\u200B%s\u200B", "]Q1 %s", "\u0002]Q1%s\r"})
    @DisplayName("is the badge itself, whatever the scanner put around it")
    void cleansWhatScannersAdd(String shape) {
        assertEquals(Optional.of(BADGE), ScannedText.badgeAttempt(shape.formatted(BADGE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lower", "caps"})
    @DisplayName("is the badge in upper case when caps lock or a lower-case scanner flipped it")
    void undoesFlippedCase(String how) {
        String typed = how.equals("lower") ? BADGE.toLowerCase() : "]q1" + BADGE.toLowerCase();
        assertEquals(Optional.of(BADGE), ScannedText.badgeAttempt(typed));
        assertEquals(BadgePayload.parse(BADGE), BadgePayload.parse(ScannedText.badgeAttempt(typed).orElseThrow()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"K12B1.GARBLED", "K12B2.ABC", "k12b9", "]Q1hello", "]Q5", "\u0002K12B1.", "K12B1."})
    @DisplayName("is a badge attempt, to be refused as a badge, when it starts like one or came from a QR scanner")
    void recognisesBadgeAttempts(String typed) {
        assertEquals(true, ScannedText.badgeAttempt(typed).isPresent(), typed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"t.jones", "9000000013", "k12brown", "K12B", "k12b.1", " lea-admin.920 ", "]Qx", "]", "",
            "ann]Q1"})
    @DisplayName("is a username when it does not start like a badge")
    void leavesUsernamesAlone(String typed) {
        assertEquals(Optional.empty(), ScannedText.badgeAttempt(typed), typed);
    }
}
