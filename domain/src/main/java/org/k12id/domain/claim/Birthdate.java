package org.k12id.domain.claim;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A birthdate as a person types it: {@code YYYYMMDD} (the state's form), {@code YYYY-MM-DD} (what a date field sends)
 * or {@code MM/DD/YYYY} (how it is written in the United States), with spaces around it ignored. Read as the
 * {@code YYYYMMDD} the account keeps.
 */
public final class Birthdate {

    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern US = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    private Birthdate() {
    }

    /** The date as {@code YYYYMMDD}, or empty when it is not a real date in one of the forms above. */
    public static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String text = typed.strip();
        Matcher m;
        if ((m = COMPACT.matcher(text)).matches() || (m = ISO.matcher(text)).matches()) {
            return of(m.group(1), m.group(2), m.group(3));
        }
        if ((m = US.matcher(text)).matches()) {
            return of(m.group(3), m.group(1), m.group(2));
        }
        return Optional.empty();
    }

    private static Optional<String> of(String year, String month, String day) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return Optional.of(String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
