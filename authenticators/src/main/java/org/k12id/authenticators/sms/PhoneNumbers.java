package org.k12id.authenticators.sms;

import java.util.Set;

/**
 * Mobile numbers as people type them, to the E.164 form a gateway takes ({@code +} then 8 to 15 digits, the first not
 * 0), and masked for display ({@code +1 •••-•••-4567}: the country code and the last 4 digits only). Spaces, dashes,
 * dots and parentheses are accepted as typed and stripped; anything else is refused with a {@link Problem} whose
 * message key a page shows (messages in {@code theme-resources/messages}).
 */
public final class PhoneNumbers {

    /** Longer than any number written with separators: refused before it is looked at character by character. */
    static final int MAX_TYPED = 40;
    static final int MIN_DIGITS = 8;
    static final int MAX_DIGITS = 15;

    /** ITU country codes of one and two digits; every other code has three (the codes are prefix-free). */
    private static final Set<String> ONE_DIGIT = Set.of("1", "7");
    private static final Set<String> TWO_DIGITS = Set.of("20", "27", "30", "31", "32", "33", "34", "36", "39", "40",
            "41", "43", "44", "45", "46", "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61",
            "62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98");

    /** Why a typed number is refused; the key of the message a page shows. */
    public enum Problem {
        MISSING("k12.phone.missing"),
        TOO_LONG("k12.phone.tooLong"),
        LETTERS("k12.phone.letters"),
        CHARACTERS("k12.phone.characters"),
        NO_PLUS("k12.phone.noPlus"),
        LEADING_ZERO("k12.phone.leadingZero"),
        LENGTH("k12.phone.length");

        private final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** A typed number read: either the E.164 number or the problem, never both. */
    public record Reading(String number, Problem problem) {

        public boolean valid() {
            return number != null;
        }
    }

    private PhoneNumbers() {
    }

    /** The E.164 form of {@code typed}, or why it is refused. */
    public static Reading normalise(String typed) {
        if (typed == null || typed.isBlank()) {
            return refused(Problem.MISSING);
        }
        if (typed.length() > MAX_TYPED) {
            return refused(Problem.TOO_LONG);
        }
        String text = typed.strip();
        StringBuilder digits = new StringBuilder(MAX_DIGITS);
        boolean plus = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && i == 0) {
                plus = true;
            } else if (Character.isLetter(c)) {
                return refused(Problem.LETTERS);
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                return refused(Problem.CHARACTERS);
            }
        }
        if (!plus) {
            return refused(digits.isEmpty() ? Problem.MISSING : Problem.NO_PLUS);
        }
        if (digits.isEmpty() || digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
            return refused(Problem.LENGTH);
        }
        if (digits.charAt(0) == '0') {
            return refused(Problem.LEADING_ZERO);
        }
        return new Reading("+" + digits, null);
    }

    /** Whether {@code number} is already in E.164 form (as {@link #normalise} gives it). */
    public static boolean isE164(String number) {
        return number != null && number.startsWith("+") && number.equals(normalise(number).number());
    }

    /**
     * An E.164 number for display: the country code, then a bullet for each hidden digit in groups of three, then the
     * last 4 digits ({@code +15555554567} is {@code +1 •••-•••-4567}). Anything not in E.164 form shows as bullets only.
     */
    public static String mask(String e164) {
        if (!isE164(e164)) {
            return "•••";
        }
        String digits = e164.substring(1);
        String country = countryCode(digits);
        int hidden = digits.length() - country.length() - 4;
        StringBuilder masked = new StringBuilder("+").append(country).append(' ');
        for (int i = 0; i < hidden; i++) {
            if (i > 0 && i % 3 == 0) {
                masked.append('-');
            }
            masked.append('•');
        }
        if (hidden > 0) {
            masked.append('-');
        }
        return masked.append(digits, digits.length() - 4, digits.length()).toString();
    }

    /** The country code the digits (after the +) begin with. */
    static String countryCode(String digits) {
        if (ONE_DIGIT.contains(digits.substring(0, 1))) {
            return digits.substring(0, 1);
        }
        return TWO_DIGITS.contains(digits.substring(0, 2)) ? digits.substring(0, 2) : digits.substring(0, 3);
    }

    private static Reading refused(Problem problem) {
        return new Reading(null, problem);
    }
}
