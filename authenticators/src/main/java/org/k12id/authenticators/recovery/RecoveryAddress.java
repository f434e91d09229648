package org.k12id.authenticators.recovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An email address as typed on "Forgot my username": whether it is one, the one form it is counted and looked up in
 * (trimmed, lower case), and the hash that names it in the single-use store instead of the address itself.
 */
public final class RecoveryAddress {

    /** The longest address SMTP carries (RFC 5321: a 254-character path). */
    static final int MAX_LENGTH = 254;

    /** What is wrong with a typed address, as the page says it at the field. */
    public enum Check {
        OK, EMPTY, MALFORMED
    }

    private RecoveryAddress() {
    }

    /** Trimmed and lower case: the same address however it was typed. */
    public static String normalise(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether {@code typed} is an address: one {@code @} between a local part of 1 to 64 characters and a domain with a
     * dot inside it, no space, control character or character mail addresses do not carry unquoted, at most 254
     * characters once trimmed.
     */
    public static Check check(String typed) {
        String address = normalise(typed);
        if (address.isEmpty()) {
            return Check.EMPTY;
        }
        if (address.length() > MAX_LENGTH) {
            return Check.MALFORMED;
        }
        int at = address.indexOf('@');
        if (at < 1 || at != address.lastIndexOf('@') || at > 64) {
            return Check.MALFORMED;
        }
        String domain = address.substring(at + 1);
        int dot = domain.indexOf('.');
        if (dot < 1 || domain.endsWith(".") || domain.contains("..") || address.startsWith(".")) {
            return Check.MALFORMED;
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || "<>()[]\\,;:\"".indexOf(c) >= 0) {
                return Check.MALFORMED;
            }
        }
        return Check.OK;
    }

    /** SHA-256 of the normalised address, hex: what names it in the throttle's keys. */
    public static String hash(String typed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalise(typed).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
