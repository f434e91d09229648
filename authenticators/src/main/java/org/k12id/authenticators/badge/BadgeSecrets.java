package org.k12id.authenticators.badge;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Badge secrets: 128 random bits, stored only as SHA-256. A fast hash is right for a secret of that entropy (nobody
 * can guess it offline, unlike a password), and keeps a class's badge logins cheap.
 */
public final class BadgeSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private BadgeSecrets() {
    }

    public static byte[] newSecret() {
        byte[] secret = new byte[BadgePayload.SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    public static byte[] hash(byte[] secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of a presented secret with a stored hash. */
    public static boolean matches(byte[] secret, byte[] storedHash) {
        return storedHash != null && MessageDigest.isEqual(hash(secret), storedHash);
    }
}
