package org.k12id.authenticators.secondfactor;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The codes themselves: six random digits, kept only as an HMAC under a key of the realm (see
 * {@link CodeState}), bound to the account they were sent for, and checked in constant time.
 */
public final class OneTimeCodes {

    public static final int DIGITS = 6;

    private OneTimeCodes() {
    }

    /** A new code: {@value #DIGITS} digits, each as likely as any other. */
    public static String generate(SecureRandom random) {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    /** What is kept of {@code code} sent to account {@code subject}: HMAC-SHA256 under {@code key}, in hex. */
    public static String seal(byte[] key, String subject, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((subject + "\n" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a code", e);
        }
    }

    /**
     * What a person typed, as a code: spaces and dashes (which people copy from an email) left out; null unless that
     * leaves exactly {@value #DIGITS} ASCII digits.
     */
    public static String normalise(String typed) {
        if (typed == null || typed.length() > 40) {
            return null;
        }
        String code = typed.replaceAll("[\\s\\-\\u00a0]", "");
        return code.length() == DIGITS && code.chars().allMatch(c -> c >= '0' && c <= '9') ? code : null;
    }

    /** Whether {@code typed} is the code {@code kept} seals, compared in constant time; false for anything malformed. */
    public static boolean matches(byte[] key, String subject, String typed, String kept) {
        String code = normalise(typed);
        // sealed even when malformed, so that a refusal takes as long as a check
        String sealed = seal(key, subject, code == null ? "" : code);
        boolean same = kept != null
                && MessageDigest.isEqual(sealed.getBytes(StandardCharsets.US_ASCII), kept.getBytes(StandardCharsets.US_ASCII));
        return code != null && same;
    }
}
