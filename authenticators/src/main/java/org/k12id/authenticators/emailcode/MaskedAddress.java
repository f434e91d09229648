package org.k12id.authenticators.emailcode;

import java.util.Locale;

/** Email addresses as the pack handles them: shown masked ({@code a•••@example.org}), compared normalised. */
public final class MaskedAddress {

    private MaskedAddress() {
    }

    /** The first character of the local part, three dots, and the domain; "•••" for anything that is not an address. */
    public static String mask(String address) {
        if (address == null) {
            return "\u2022\u2022\u2022";
        }
        String trimmed = address.strip();
        int at = trimmed.lastIndexOf('@');
        if (at < 1 || at == trimmed.length() - 1) {
            return "\u2022\u2022\u2022";
        }
        return trimmed.substring(0, trimmed.offsetByCodePoints(0, 1)) + "\u2022\u2022\u2022" + trimmed.substring(at);
    }

    /** The address as compared: trimmed, lower case; null for a blank one. */
    public static String normalise(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
