package org.k12id.passwordpolicies.edges;

import java.util.regex.Pattern;

/** Whether a password begins or ends with one of the configured characters (the state forbids a leading or trailing "!"). */
public final class Edges {

    public static final String DEFAULT_CHARACTERS = "!";
    static final int MAX_CHARACTERS = 32;
    private static final Pattern ANY_SPACE = Pattern.compile("[\\p{IsWhite_Space}\\p{Cntrl}]");

    private Edges() {
    }

    public static boolean beginsOrEndsWith(String password, String characters) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        int first = password.codePointAt(0);
        int last = password.codePointBefore(password.length());
        return characters.codePoints().anyMatch(c -> c == first || c == last);
    }

    /** Parses the policy's config: 1 to 32 visible characters, none of them a space; default "!". */
    public static String parseCharacters(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_CHARACTERS;
        }
        if (value.codePointCount(0, value.length()) > MAX_CHARACTERS || ANY_SPACE.matcher(value).find()) {
            throw new IllegalArgumentException("Give 1 to " + MAX_CHARACTERS + " characters, with no spaces, e.g. !");
        }
        return value;
    }
}
