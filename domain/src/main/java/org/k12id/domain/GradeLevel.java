package org.k12id.domain;

import java.util.List;
import java.util.Optional;

/**
 * The student system's grade codes: {@code -5 .. -1} are PreK variants, {@code 0} is kindergarten, {@code 1 .. 13},
 * and {@code -9} is ungraded. PreK-5 ({@code -3} through {@code 5}) are badge-eligible by default.
 */
public final class GradeLevel {

    /** Every valid code, in the order the state's forms list them. */
    public static final List<Integer> CODES = List.of(-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, -9);

    public static final int UNGRADED = -9;
    public static final int PREK5_FIRST = -3;
    public static final int PREK5_LAST = 5;

    private GradeLevel() {
    }

    /** Parses one grade code exactly as written by the student system ("-3", "0", "12"); anything else is empty. */
    public static Optional<Integer> parse(String value) {
        if (value == null || value.isEmpty() || value.length() > 3) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean sign = i == 0 && c == '-' && value.length() > 1;
            if (!sign && (c < '0' || c > '9')) {
                return Optional.empty();
            }
        }
        int grade = Integer.parseInt(value);
        if (!CODES.contains(grade) || !String.valueOf(grade).equals(value)) {
            return Optional.empty();
        }
        return Optional.of(grade);
    }

    public static boolean isValid(String value) {
        return parse(value).isPresent();
    }

    /** Whether a grade lies in an inclusive range; ungraded ({@code -9}) lies in no range. */
    public static boolean inRange(int grade, int first, int last) {
        return grade != UNGRADED && grade >= first && grade <= last;
    }
}
