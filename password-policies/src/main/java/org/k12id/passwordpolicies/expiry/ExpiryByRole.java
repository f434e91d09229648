package org.k12id.passwordpolicies.expiry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Password lifetimes by realm role, parsed from the policy's config: {@code employee:90 lea-administrator:60}
 * (entries separated by spaces or commas). A person holding several listed roles gets the shortest lifetime; a person
 * holding none (students) never expires.
 */
public final class ExpiryByRole {

    public static final String DEFAULT_CONFIG = "employee:90";
    static final int MAX_DAYS = 3650;
    static final int MAX_ENTRIES = 50;

    private static final Pattern ENTRY = Pattern.compile("([^:\\s,]{1,255}):([0-9]{1,9})");

    private final Map<String, Integer> daysByRole;

    private ExpiryByRole(Map<String, Integer> daysByRole) {
        this.daysByRole = Collections.unmodifiableMap(daysByRole);
    }

    /** Parses the config; a bad entry fails with a message that quotes it and says what is expected. */
    public static ExpiryByRole parse(String value) {
        String config = value == null || value.isBlank() ? DEFAULT_CONFIG : value.trim();
        Map<String, Integer> days = new LinkedHashMap<>();
        for (String entry : config.split("[\\s,]+")) {
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches()) {
                throw new IllegalArgumentException("\"" + abbreviate(entry) + "\" is not role:days, e.g. employee:90");
            }
            int d = Integer.parseInt(m.group(2));
            if (d < 1 || d > MAX_DAYS) {
                throw new IllegalArgumentException("\"" + abbreviate(entry) + "\": days must be from 1 to " + MAX_DAYS);
            }
            if (days.put(m.group(1), d) != null) {
                throw new IllegalArgumentException("role \"" + abbreviate(m.group(1)) + "\" is listed twice");
            }
            if (days.size() > MAX_ENTRIES) {
                throw new IllegalArgumentException("at most " + MAX_ENTRIES + " roles");
            }
        }
        return new ExpiryByRole(days);
    }

    public Map<String, Integer> daysByRole() {
        return daysByRole;
    }

    /** The shortest lifetime among the listed roles the person holds; empty when they hold none. */
    public OptionalInt daysFor(Predicate<String> holdsRole) {
        return daysByRole.entrySet().stream()
                .filter(e -> holdsRole.test(e.getKey()))
                .mapToInt(Map.Entry::getValue)
                .min();
    }

    /** Whether a password set at {@code createdMillis} (null: unknown, treated as expired) is older than {@code days}. */
    public static boolean isExpired(Long createdMillis, long nowMillis, int days) {
        return createdMillis == null || nowMillis - createdMillis > TimeUnit.DAYS.toMillis(days);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
