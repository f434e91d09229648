package org.k12id.authenticators.badge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Given a badge secret sealed with the realm's AES key")
class BadgeSealTest {

    private static SecretKey key() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(128);
        return generator.generateKey();
    }

    @Test
    @DisplayName("it opens with the same key for the same student and version")
    void roundTrip() throws Exception {
        SecretKey key = key();
        byte[] secret = BadgeSecrets.newSecret();
        String sealed = BadgeSeal.seal(key, secret, BadgeSeal.binding("u1", 3));
        assertArrayEquals(secret, BadgeSeal.open(key, sealed, BadgeSeal.binding("u1", 3)).orElseThrow());
        assertFalse(sealed.contains(Base32.encode(secret)), "the sealed value does not show the secret");
    }

    @Test
    @DisplayName("it does not open for another student, another version, another key or a damaged value")
    void bound() throws Exception {
        SecretKey key = key();
        String sealed = BadgeSeal.seal(key, BadgeSecrets.newSecret(), BadgeSeal.binding("u1", 3));
        assertTrue(BadgeSeal.open(key, sealed, BadgeSeal.binding("u2", 3)).isEmpty());
        assertTrue(BadgeSeal.open(key, sealed, BadgeSeal.binding("u1", 4)).isEmpty());
        assertTrue(BadgeSeal.open(key(), sealed, BadgeSeal.binding("u1", 3)).isEmpty());
        assertTrue(BadgeSeal.open(key, "AAAA" + sealed.substring(4), BadgeSeal.binding("u1", 3)).isEmpty());
        assertTrue(BadgeSeal.open(key, "not base64 !", BadgeSeal.binding("u1", 3)).isEmpty());
        assertTrue(BadgeSeal.open(key, "", BadgeSeal.binding("u1", 3)).isEmpty());
        assertTrue(BadgeSeal.open(null, sealed, BadgeSeal.binding("u1", 3)).isEmpty());
    }
}
