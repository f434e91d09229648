package org.k12id.domain.claim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.k12id.domain.GradeLevel;

/**
 * Whether the details a person typed prove an account of the LEA Student or LEA Employee policy: every detail is
 * compared, each in constant time, whatever an earlier one gave, so the time taken says nothing about which was wrong.
 * Codes ignore case and the spaces around them; the birthdate is read as {@link Birthdate} reads it.
 */
public final class ClaimCheck {

    /** The grades whose students may claim their own account (younger ones are managed by their teachers). */
    public static final int FIRST_GRADE = 6;
    public static final int LAST_GRADE = 12;

    private ClaimCheck() {
    }

    /**
     * The account's details, as kept on it.
     *
     * @param psuCodes the account's PSU code(s)
     */
    public record Account(String uid, String grade, String birthdate, Iterable<String> psuCodes) {
    }

    /**
     * True when {@code typed} (by field) proves {@code account} under {@code policy}: the UID, the birthdate and the
     * PSU code match and, for a student, the grade matches and lies in {@link #FIRST_GRADE} to {@link #LAST_GRADE}.
     */
    public static boolean proves(ClaimPolicy policy, Map<ClaimField, String> typed, Account account) {
        boolean ok = equal(normalise(typed.get(ClaimField.UID)), normalise(account.uid()));
        ok &= equal(Birthdate.parse(typed.get(ClaimField.BIRTHDATE)).orElse("-"),
                Birthdate.parse(account.birthdate()).orElse("+"));
        String psu = normalise(typed.get(ClaimField.PSU));
        boolean psuMatches = false;
        for (String code : account.psuCodes()) {
            psuMatches |= equal(psu, normalise(code));
        }
        ok &= psuMatches;
        if (policy == ClaimPolicy.STUDENT) {
            Optional<Integer> typedGrade = GradeLevel.parse(strip(typed.get(ClaimField.GRADE)));
            Optional<Integer> grade = GradeLevel.parse(strip(account.grade()));
            ok &= typedGrade.isPresent() && typedGrade.equals(grade) && claimsOwnAccount(grade.get());
        } else if (policy != ClaimPolicy.EMPLOYEE) {
            return false;
        }
        return ok;
    }

    /** True for the grades whose students claim their own account. */
    public static boolean claimsOwnAccount(int grade) {
        return grade >= FIRST_GRADE && grade <= LAST_GRADE;
    }

    /** A typed code or UID as compared: without the spaces around it, in upper case. */
    public static String normalise(String value) {
        return value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static boolean equal(String a, String b) {
        return !a.isEmpty() && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
