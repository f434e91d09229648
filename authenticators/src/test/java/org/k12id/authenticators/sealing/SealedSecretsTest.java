package org.k12id.authenticators.sealing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.authenticators.badge.BadgeSecrets;

@DisplayName("Given a badge secret sealed with the realm's AES key")
class SealedSecretsTest {

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
        String sealed = SealedSecrets.seal(key, secret, "k12-badge:u1:3");
        assertArrayEquals(secret, SealedSecrets.open(key, sealed, "k12-badge:u1:3").orElseThrow());
        assertFalse(sealed.contains(Base64.getEncoder().encodeToString(secret)), "the sealed value does not show the secret");
    }

    @Test
    @DisplayName("it does not open for another student, another version, another key or a damaged value")
    void bound() throws Exception {
        SecretKey key = key();
        String sealed = SealedSecrets.seal(key, BadgeSecrets.newSecret(), "k12-badge:u1:3");
        assertTrue(SealedSecrets.open(key, sealed, "k12-badge:u2:3").isEmpty());
        assertTrue(SealedSecrets.open(key, sealed, "k12-badge:u1:4").isEmpty());
        assertTrue(SealedSecrets.open(key(), sealed, "k12-badge:u1:3").isEmpty());
        assertTrue(SealedSecrets.open(key, "AAAA" + sealed.substring(4), "k12-badge:u1:3").isEmpty());
        assertTrue(SealedSecrets.open(key, "not base64 !", "k12-badge:u1:3").isEmpty());
        assertTrue(SealedSecrets.open(key, "", "k12-badge:u1:3").isEmpty());
        assertTrue(SealedSecrets.open(null, sealed, "k12-badge:u1:3").isEmpty());
    }
}
