package org.k12id.authenticators.badge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Badge QR payload, version 1")
class BadgePayloadTest {

    private static final String QR_ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private static final BadgePayload SAMPLE = new BadgePayload(UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
            new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, (byte) 255});

    @RepeatedTest(20)
    @DisplayName("round trip: 59 characters, all in the QR alphanumeric set, parsed back to the same badge")
    void roundTrip() {
        BadgePayload badge = new BadgePayload(UUID.randomUUID(), BadgeSecrets.newSecret());
        String text = badge.encode();
        assertEquals(BadgePayload.LENGTH, text.length());
        assertEquals(59, text.length());
        assertTrue(text.chars().allMatch(c -> QR_ALPHANUMERIC.indexOf(c) >= 0), text);
        assertTrue(text.startsWith("K12B1."));
        assertEquals(Optional.of(badge), BadgePayload.parse(text));
    }

    @Test
    @DisplayName("a known badge encodes to a fixed text (the format is a contract with printed badges)")
    void knownAnswer() {
        assertEquals("K12B1.H4SQJYCPREI5HGQMAMC6QLBTAE.AEBAGBAFAYDQQCIKBMGA2DQP74", SAMPLE.encode());
    }

    @Test
    @DisplayName("a tampered character gives another badge (which the stored hash then refuses), never an error")
    void tamperedCharacterGivesAnotherBadgeNotAnError() {
        String text = SAMPLE.encode();
        String changed = text.substring(0, 40) + (text.charAt(40) == 'A' ? 'B' : 'A') + text.substring(41);
        Optional<BadgePayload> parsed = BadgePayload.parse(changed);
        assertTrue(parsed.isPresent());
        assertNotEquals(SAMPLE, parsed.get());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "K12B1.H4SQJYCPREI5HGQMAMC6QLBTAE.AEBAGBAFAYDQQCIKBMGA2DQP7",        // truncated
            "K12B1.H4SQJYCPREI5HGQMAMC6QLBTAE.AEBAGBAFAYDQQCIKBMGA2DQP744",      // oversized
            "K12B2.H4SQJYCPREI5HGQMAMC6QLBTAE.AEBAGBAFAYDQQCIKBMGA2DQP74",       // unknown version
            "K12C1.H4SQJYCPREI5HGQMAMC6QLBTAE.AEBAGBAFAYDQQCIKBMGA2DQP74",       // wrong prefix
            "k12b1.h4sqjycprei5hgqmamc6qlbtae.aebagbafaydqqcikbmga2dqp74",       // lower case
            "K12B1.H4SQJYCPREI5HGQMAMC6QLBTAE:AEBAGBAFAYDQQCIKBMGA2DQP74",       // wrong separator
            "K12B1.H4SQJYCPREI5HGQMAMC6QLBTAE.AEBAGBAFAYDQQCIKBMGA2DQP71",       // 1 is not base32
            "K12B1.H4SQJYCPREI5HGQMAMC6QLBTAE.AEBAGBAFAYDQQCIKBMGA2DQP75",       // non-zero trailing bits
            "K12B1.Н4SQJYCPREI5HGQMAMC6QLBTAE.AEBAGBAFAYDQQCIKBMGA2DQP74",       // Cyrillic Н
            " K12B1.H4SQJYCPREI5HGQMAMC6QLBTAE.AEBAGBAFAYDQQCIKBMGA2DQP7",
            "K12B1.H4SQJYCPREI5HGQMAMC6QLBTAE.AEBAGBAFAYDQQCIKBMGA2DQP74\u0000",
            "Tarheel2026",
    })
    @DisplayName("anything else is rejected without an error")
    void malformedTextIsRejectedWithoutAnError(String text) {
        assertEquals(Optional.empty(), BadgePayload.parse(text));
    }

    @Test
    void hugeTextIsRejectedWithoutAnError() {
        assertEquals(Optional.empty(), BadgePayload.parse("K12B1." + "A".repeat(1_000_000)));
    }

    @Test
    @DisplayName("the secret never shows in logs")
    void toStringHidesSecret() {
        assertFalse(SAMPLE.toString().contains("AEBAG"));
        assertTrue(SAMPLE.toString().contains("hidden"));
    }

    @Test
    @DisplayName("secrets are 128 random bits, stored as SHA-256, compared in constant time")
    void secretsAreRandom128BitsMatchedByTheirSha256() {
        byte[] secret = BadgeSecrets.newSecret();
        assertEquals(16, secret.length);
        assertFalse(java.util.Arrays.equals(secret, BadgeSecrets.newSecret()));
        byte[] hash = BadgeSecrets.hash(secret);
        assertEquals(32, hash.length);
        assertTrue(BadgeSecrets.matches(secret, hash));
        byte[] other = secret.clone();
        other[0] ^= 1;
        assertFalse(BadgeSecrets.matches(other, hash));
        assertFalse(BadgeSecrets.matches(secret, null));
        assertArrayEquals(hash, BadgeSecrets.hash(secret));
    }
}
