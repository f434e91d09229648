package org.k12id.authenticators;

/**
 * The authentication-session notes the pack's login steps leave for one another (never shown, gone with the login).
 * The user session note of how the person signed in is {@link LoginMethod}.
 */
public final class AuthNotes {

    /** Set by the username-or-badge step when a badge signed the student in: the password steps are skipped. */
    public static final String BADGE = "k12.badge";

    /**
     * Set by the username step when the username names no account that may sign in: the password step then fails as
     * for a wrong password, so that no answer reveals whether an account exists.
     */
    public static final String NO_ACCOUNT = "k12.noAccount";

    /** Set by "Claim My Account" when the person proved an unclaimed account: the password steps are skipped. */
    public static final String CLAIM = "k12.claim";

    /** The claim policy the person chose, while they type its details. */
    public static final String CLAIM_POLICY = "k12.claim.policy";

    private AuthNotes() {
    }
}
