package org.k12id.domain;

import java.util.regex.Pattern;

/** A PSU (district, or charter school acting as its own district): 3 digits or upper-case letters, e.g. {@code 920}, {@code 32A}. */
public final class PsuCode {

    private static final Pattern FORMAT = Pattern.compile("[0-9A-Z]{3}");

    private PsuCode() {
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** The PSU group's name in the realm's group tree: {@code /psu-920/...}. */
    public static String groupName(String psuCode) {
        if (!isWellFormed(psuCode)) {
            throw new IllegalArgumentException("not a PSU code");
        }
        return "psu-" + psuCode;
    }
}
