package org.k12id.authenticators.badge;

import java.util.Locale;
import java.util.Optional;

/**
 * What a badge scanner really types into the username field, made into badge text, or recognised as not a badge at
 * all. Keyboard-wedge scanners add things around the payload: many send the AIM symbology identifier first ({@code ]Q1}
 * for a QR code, {@code ]Q0} to {@code ]Q6}; {@code ]q1} with caps lock on), some a control character (STX) or a line end, invisible characters
 * (a byte-order mark, zero-width spaces) come along, and a keyboard with caps lock on flips the case. All of that is
 * taken away here; what is left is upper-cased (a badge is upper case only, and usernames are never of a badge's
 * shape).
 *
 * <p>Text is a <em>badge attempt</em> when it carries a symbology identifier, or when, cleaned, it starts with
 * {@code K12B} followed by a digit (the payload's prefix and version): such text is judged as a badge and, when it is
 * not a valid one, refused with "QR Code Authentication Failed"; it never goes on to the password page. Anything else
 * is a username, left exactly as typed.
 */
public final class ScannedText {

    private static final String AIM_QR = "]Q";

    private ScannedText() {
    }

    /** The cleaned badge text when {@code typed} is a badge attempt; empty when it is a username. */
    public static Optional<String> badgeAttempt(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String text = strip(typed);
        boolean symbology = text.length() >= 3 && text.regionMatches(true, 0, AIM_QR, 0, AIM_QR.length())
                && isAsciiDigit(text.charAt(2));
        if (symbology) {
            text = strip(text.substring(3));
        }
        String upper = text.toUpperCase(Locale.ROOT);
        boolean badgeShaped = upper.length() > BadgePayload.PREFIX.length()
                && upper.startsWith(BadgePayload.PREFIX) && isAsciiDigit(upper.charAt(BadgePayload.PREFIX.length()));
        return symbology || badgeShaped ? Optional.of(upper) : Optional.empty();
    }

    /** The text without what surrounds it: white space, control and invisible format characters at either end. */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && ignorable(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && ignorable(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    private static boolean ignorable(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || type == Character.CONTROL
                || type == Character.FORMAT;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
