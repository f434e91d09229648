package org.k12id.domain;

import java.util.regex.Pattern;

/**
 * A campus (school): 6 digits or upper-case letters; by state convention its first 3 characters are its PSU's code,
 * so {@code 920304} belongs to PSU {@code 920}.
 */
public final class CampusCode {

    private static final Pattern FORMAT = Pattern.compile("[0-9A-Z]{6}");

    private CampusCode() {
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** Whether a well-formed campus code belongs to a well-formed PSU code. */
    public static boolean belongsTo(String campusCode, String psuCode) {
        return isWellFormed(campusCode) && PsuCode.isWellFormed(psuCode) && campusCode.startsWith(psuCode);
    }
}
