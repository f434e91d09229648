package org.k12id.passwordpolicies.whitespace;

import java.util.regex.Pattern;

/**
 * Whether a password holds any space: every Unicode White_Space character (including the no-break, ideographic and
 * other wide spaces) and the invisible zero-width spaces that paste in from documents.
 */
public final class Whitespace {

    private static final Pattern ANY_SPACE = Pattern.compile("[\\p{IsWhite_Space}\\u180E\\u200B\\u2060\\uFEFF]");

    private Whitespace() {
    }

    public static boolean containsWhitespace(String password) {
        return password != null && ANY_SPACE.matcher(password).find();
    }
}
