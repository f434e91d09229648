package org.k12id.authenticators.badge;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * What a badge's QR code holds, version 1: {@code K12B1.<user>.<secret>}, 59 characters, where {@code <user>} is the
 * student's Keycloak user id (a UUID, never the username) and {@code <secret>} the badge's 128-bit random secret, both
 * in upper-case base32 without padding. Every character is in the QR code's alphanumeric set, so the code stays at
 * QR version 3 (29 x 29 modules), which prints well at 2 inches. Parsing is strict: any other prefix, version, length
 * or character is rejected.
 */
public record BadgePayload(UUID userId, byte[] secret) {

    public static final String PREFIX = "K12B";
    public static final int VERSION = 1;
    public static final int SECRET_BYTES = 16;
    static final String HEAD = PREFIX + VERSION + ".";
    static final int PART = 26;
    public static final int LENGTH = HEAD.length() + PART + 1 + PART;

    public BadgePayload {
        if (userId == null || secret == null || secret.length != SECRET_BYTES) {
            throw new IllegalArgumentException("a badge needs a user id and a 16-byte secret");
        }
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    public String encode() {
        ByteBuffer id = ByteBuffer.allocate(16).putLong(userId.getMostSignificantBits()).putLong(userId.getLeastSignificantBits());
        return HEAD + Base32.encode(id.array()) + "." + Base32.encode(secret);
    }

    public static Optional<BadgePayload> parse(String text) {
        if (text == null || text.length() != LENGTH || !text.startsWith(HEAD) || text.charAt(HEAD.length() + PART) != '.') {
            return Optional.empty();
        }
        byte[] id = Base32.decode(text.substring(HEAD.length(), HEAD.length() + PART), 16);
        byte[] secret = Base32.decode(text.substring(HEAD.length() + PART + 1), SECRET_BYTES);
        if (id == null || secret == null) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(id);
        return Optional.of(new BadgePayload(new UUID(buffer.getLong(), buffer.getLong()), secret));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BadgePayload p && p.userId.equals(userId) && Arrays.equals(p.secret, secret);
    }

    @Override
    public int hashCode() {
        return userId.hashCode() * 31 + Arrays.hashCode(secret);
    }

    @Override
    public String toString() {
        return "BadgePayload[user=" + userId + ", secret=(hidden)]";
    }
}
