package org.k12id.domain.claim;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A guardian's claim code: 10 characters from an alphabet without the look-alikes 0/O, 1/I/L, shown as two groups of
 * five ({@code 7KQ4M-XW29B}), about 50 bits of chance. Typed codes ignore case, spaces and hyphens.
 */
public final class ClaimCode {

    /** The characters a code is made of: digits 2 to 9 and the letters but I, L and O. */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 10;

    private ClaimCode() {
    }

    /** A new random code, as stored and compared (no hyphen). */
    public static String generate(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as people read it: two groups of five. */
    public static String display(String code) {
        return code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2);
    }

    /** A typed code as stored, or empty when it cannot be one (wrong length, a character outside the alphabet). */
    public static Optional<String> parse(String typed) {
        if (typed == null || typed.length() > 4 * LENGTH) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == ' ' || c == '-' || c == '\t') {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0 || code.length() == LENGTH) {
                return Optional.empty();
            }
            code.append(c);
        }
        return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
    }
}
