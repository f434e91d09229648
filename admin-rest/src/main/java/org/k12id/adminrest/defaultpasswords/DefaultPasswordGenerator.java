package org.k12id.adminrest.defaultpasswords;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Default passwords a young child can type: one capital, lower-case letters, then digits, e.g. {@code Kbdmw472}, from
 * a secure random source, with no characters that look alike ({@code 0 O o}, {@code 1 l I i}). Each candidate is
 * offered to the realm's own password policy (a predicate supplied by the caller, which runs the realm's configured
 * policies); the first one it accepts is the default. A symbol is added only when the shape asks for one.
 */
public final class DefaultPasswordGenerator {

    static final String UPPER = "ABCDEFGHJKMNPQRSTUVWXYZ";
    static final String LOWER = "abcdefghjkmnpqrstuvwxyz";
    static final String DIGITS = "23456789";
    static final String SYMBOLS = "#%+=?@";
    static final int DIGIT_COUNT = 3;
    static final int SHORTEST = 8;

    /**
     * How long a default is and whether it carries a symbol, from the realm policy's configured numbers (the policy
     * itself still judges every candidate). {@code minLength} and {@code maxLength} are 0 when the policy sets none.
     */
    public record Shape(int length, boolean symbol) {

        public static Shape from(int minLength, int maxLength, int symbolsRequired) {
            int length = Math.max(SHORTEST, minLength);
            if (maxLength > 0 && maxLength < length) {
                length = maxLength;
            }
            return new Shape(length, symbolsRequired > 0);
        }
    }

    private final SecureRandom random;

    public DefaultPasswordGenerator(SecureRandom random) {
        this.random = random;
    }

    /** One candidate of this shape. */
    public String candidate(Shape shape) {
        int letters = Math.max(1, shape.length() - DIGIT_COUNT - 1 - (shape.symbol() ? 1 : 0));
        StringBuilder password = new StringBuilder(shape.length());
        password.append(pick(UPPER));
        for (int i = 0; i < letters; i++) {
            password.append(pick(LOWER));
        }
        if (shape.symbol()) {
            password.append(pick(SYMBOLS));
        }
        while (password.length() < shape.length()) {
            password.append(pick(DIGITS));
        }
        return password.toString();
    }

    /** The first candidate the realm's policy accepts, within {@code attempts} tries; empty if none passed. */
    public Optional<String> generate(Shape shape, Predicate<String> policyAccepts, int attempts) {
        for (int i = 0; i < attempts; i++) {
            String candidate = candidate(shape);
            if (policyAccepts.test(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private char pick(String alphabet) {
        return alphabet.charAt(random.nextInt(alphabet.length()));
    }
}
