package org.k12id.adminrest.defaultpasswords;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The default-password export as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read accents):
 * quoted fields, and any field a spreadsheet would take for a formula ({@code = + - @}, tab, carriage return) prefixed
 * with an apostrophe, so an export never runs anything when opened. A plain number ({@code -3}, a PreK grade) is no
 * formula and stays a number.
 */
public final class DefaultPasswordCsv {

    static final String BOM = "\uFEFF";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]{1,18}");
    public static final List<String> HEADER = List.of("username", "first_name", "last_name", "school", "grade", "default_password");

    private DefaultPasswordCsv() {
    }

    public static String line(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields.get(i)));
        }
        return line.append("\r\n").toString();
    }

    static String field(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(text).matches()) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
