package org.k12id.domain.claim;

import java.util.Locale;

import org.k12id.domain.GradeLevel;

/** What the claim step of the login and the claim-account required action share. */
public final class Claiming {

    /** The required action that finishes a claim: terms of use, a password, then the account is claimed. */
    public static final String REQUIRED_ACTION = "k12-claim-account";
    /** Event detail: the claim policy used ({@link ClaimPolicy#id()}); events carry no detail the person typed. */
    public static final String EVENT_POLICY = "k12_claim_policy";
    /** Event detail: how the claim ended ({@code verified}, {@code refused}, {@code already_claimed}, {@code claimed}). */
    public static final String EVENT_OUTCOME = "k12_claim";
    /** User attribute: when the account was claimed (ISO 8601, UTC), beside {@code claimed=true}. */
    public static final String CLAIMED_AT = "claimedAt";

    private Claiming() {
    }

    /**
     * Whether an account waits to be claimed: only {@code claimed=false} does (the roster sets it on the accounts it
     * creates); an account without the attribute was made some other way and is treated as claimed, so that nobody can
     * claim, and so take over, an account that is in use.
     */
    public static boolean isUnclaimed(String claimed) {
        return claimed != null && "false".equals(claimed.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a student of this grade (the account's {@code gradeLevel}) claims their own account: grades 6 to 12;
     * younger students are managed by their teachers and badges.
     */
    public static boolean studentClaims(String gradeLevel) {
        return GradeLevel.parse(gradeLevel == null ? null : gradeLevel.strip()).map(ClaimCheck::claimsOwnAccount)
                .orElse(false);
    }
}
