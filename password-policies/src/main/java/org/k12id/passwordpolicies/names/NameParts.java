package org.k12id.passwordpolicies.names;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a password contains a person's first or last name, or any part of them. Names split at spaces, hyphens and
 * apostrophes; comparison ignores case and accents ("José" matches "jose"). Parts shorter than the configured minimum
 * do not count, so names like "Al" or "Li" do not ban half the dictionary.
 */
public final class NameParts {

    public static final int DEFAULT_MIN_PART_LENGTH = 3;
    static final int MAX_MIN_PART_LENGTH = 64;

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-\\u2010\\u2011\\u2012\\u2013\\u2014'\\u2018\\u2019\\u02BC`]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private NameParts() {
    }

    /** True when {@code password} contains a part (at least {@code minPartLength} long) of either name. */
    public static boolean containsName(String password, String firstName, String lastName, int minPartLength) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        String folded = fold(password);
        for (String part : parts(firstName, lastName, minPartLength)) {
            if (folded.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** The folded name parts that count: lower case, no accents, at least {@code minPartLength} characters. */
    static Set<String> parts(String firstName, String lastName, int minPartLength) {
        Set<String> parts = new LinkedHashSet<>();
        for (String name : new String[] {firstName, lastName}) {
            if (name == null) {
                continue;
            }
            for (String part : SEPARATORS.split(fold(name))) {
                if (part.codePointCount(0, part.length()) >= minPartLength) {
                    parts.add(part);
                }
            }
        }
        return parts;
    }

    /** Lower case without accents: NFD, combining marks removed, then NFC again for anything left composed. */
    static String fold(String value) {
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFKD);
        return Normalizer.normalize(MARKS.matcher(decomposed).replaceAll(""), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Parses the policy's config: the shortest name part that counts; 1 to 64, default 3. */
    public static int parseMinPartLength(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_MIN_PART_LENGTH;
        }
        try {
            int length = Integer.parseInt(value.trim());
            if (length >= 1 && length <= MAX_MIN_PART_LENGTH) {
                return length;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw new IllegalArgumentException("The shortest name part must be a whole number from 1 to " + MAX_MIN_PART_LENGTH);
    }
}
