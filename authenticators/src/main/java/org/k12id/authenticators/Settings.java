package org.k12id.authenticators;

/** Reading the numbers of a step's settings (the admin console stores every value as text). */
public final class Settings {

    private Settings() {
    }

    /**
     * A configured number from 1 to {@code max}, or {@code defaultValue} when unset; an unreadable or out-of-range one
     * gives 0, which allows nothing: a limit read wrong fails closed.
     */
    public static int bounded(String value, int defaultValue, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.strip());
            return number >= 1 && number <= max ? number : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
