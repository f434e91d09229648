package org.k12id.authenticators;

/**
 * How the person signed in, kept in the user session note {@value #NOTE} and mapped by the {@code k12-district} scopes
 * into tokens and assertions as {@code k12_login_method}, so an app (or a district's policy) can tell a badge sign-in
 * from a password sign-in or a first sign-in by claiming the account.
 */
public final class LoginMethod {

    public static final String NOTE = "k12.login_method";
    public static final String BADGE = "badge";
    public static final String PASSWORD = "password";
    /** The person proved an unclaimed account with its claim details ("Claim My Account") and then chose a password. */
    public static final String CLAIM = "claim";

    private LoginMethod() {
    }
}
