package org.k12id.domain.questions;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Challenge answers as they are hashed and compared: without accents, in lower case, with runs of spaces made one and
 * none at the ends. So "  Señor   Bigotes " and "senor bigotes" are the same answer.
 */
public final class Answers {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 100;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Answers() {
    }

    /** The answer as hashed; the empty string for null. */
    public static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        String plain = MARKS.matcher(Normalizer.normalize(typed, Normalizer.Form.NFKD)).replaceAll("");
        return SPACES.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
