package org.k12id.adminrest.defaultpasswords;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.k12id.domain.CampusCode;
import org.k12id.domain.GradeLevel;
import org.k12id.domain.PsuCode;

/**
 * The state's "Regenerate Student Default Passwords" form, read strictly (docs/data-model.md, "The regeneration form"): PSU code (required), campus codes
 * and grade levels (optional, comma-separated), also reset current passwords, force password change at next login,
 * request comments. Every bad value is named, all of them at once, before anything changes. Force without reset is
 * accepted and has no effect ({@link #forceHasEffect()}).
 */
public record RegenerationForm(String psuCode, List<String> campusCodes, List<Integer> gradeLevels, boolean resetPasswords,
                               boolean forceChange, String comments) {

    public static final int MAX_BODY = 20_000;
    public static final int MAX_COMMENTS = 2000;
    /** As many campus codes as the request's row holds (6 characters and a comma each, in 2,000). */
    public static final int MAX_CAMPUSES = 250;
    static final Set<String> FIELDS = Set.of("psuCode", "campusCodes", "gradeLevels", "resetPasswords", "forceChange", "comments");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One bad value: the field, the value as sent (cut short), and why. */
    public record Problem(String field, String value, String message) {
    }

    /** The form, or every problem found in it. */
    public record Parsed(RegenerationForm form, List<Problem> problems) {
    }

    public boolean forceHasEffect() {
        return resetPasswords && forceChange;
    }

    public static Parsed parse(String body) {
        List<Problem> problems = new ArrayList<>();
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            return new Parsed(null, List.of(new Problem("body", "", "Send the form as a JSON object")));
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return new Parsed(null, List.of(new Problem("body", "", "The form is not valid JSON")));
        }
        if (root == null || !root.isObject()) {
            return new Parsed(null, List.of(new Problem("body", "", "Send the form as a JSON object")));
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add(new Problem(name.length() > 40 ? "body" : name, "", "Not a field of the form"));
            }
        }
        String psu = text(root, "psuCode", problems);
        if (psu == null || psu.isBlank()) {
            problems.add(new Problem("psuCode", "", "The PSU code is required"));
        } else if (!PsuCode.isWellFormed(spacesStripped(psu))) {
            problems.add(new Problem("psuCode", shorten(psu), "A PSU code is 3 digits or upper-case letters"));
        }
        String psuCode = psu == null ? null : spacesStripped(psu);
        List<String> campuses = new ArrayList<>();
        for (String campus : list(text(root, "campusCodes", problems))) {
            if (!CampusCode.isWellFormed(campus)) {
                problems.add(new Problem("campusCodes", shorten(campus), "A campus code is 6 digits or upper-case letters"));
            } else if (PsuCode.isWellFormed(psuCode) && !CampusCode.belongsTo(campus, psuCode)) {
                problems.add(new Problem("campusCodes", campus, "This campus does not belong to PSU " + psuCode));
            } else if (!campuses.contains(campus)) {
                campuses.add(campus);
            }
        }
        if (campuses.size() > MAX_CAMPUSES) {
            problems.add(new Problem("campusCodes", "", "At most " + MAX_CAMPUSES + " campus codes in one request"));
        }
        List<Integer> grades = new ArrayList<>();
        for (String grade : list(text(root, "gradeLevels", problems))) {
            var parsed = GradeLevel.parse(grade);
            if (parsed.isEmpty()) {
                problems.add(new Problem("gradeLevels", shorten(grade), "Not a grade level"));
            } else if (!grades.contains(parsed.get())) {
                grades.add(parsed.get());
            }
        }
        boolean reset = flag(root, "resetPasswords", problems);
        boolean force = flag(root, "forceChange", problems);
        String comments = text(root, "comments", problems);
        if (comments != null && comments.length() > MAX_COMMENTS) {
            problems.add(new Problem("comments", "", "Comments are at most " + MAX_COMMENTS + " characters"));
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, List.copyOf(problems));
        }
        return new Parsed(new RegenerationForm(psuCode, List.copyOf(campuses), List.copyOf(grades), reset, force,
                comments == null || comments.isBlank() ? null : comments.strip()), List.of());
    }

    /**
     * A comma-separated field's values, plain spaces around them taken away, empty ones dropped. Nothing else is taken
     * away: a control or invisible character stays, so the value is refused as written.
     */
    static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (String part : value.split(",", -1)) {
            String stripped = spacesStripped(part);
            if (!stripped.isEmpty()) {
                values.add(stripped);
            }
        }
        return List.copyOf(values);
    }

    /** Only the ASCII space (and tab) a person types around a value; {@link String#trim()} would eat control characters. */
    static String spacesStripped(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
            end--;
        }
        return value.substring(start, end);
    }

    private static String text(JsonNode root, String field, List<Problem> problems) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(new Problem(field, "", "Send this field as text"));
            return null;
        }
        if (value.asText().indexOf('\u0000') >= 0) {
            // no database stores it the same (PostgreSQL refuses it): refused here, for every database alike
            problems.add(new Problem(field, "", "Text cannot hold the character NUL (code 0)"));
            return null;
        }
        return value.asText();
    }

    private static boolean flag(JsonNode root, String field, List<Problem> problems) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            problems.add(new Problem(field, "", "Send true or false"));
            return false;
        }
        return value.asBoolean();
    }

    private static String shorten(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "..." : value;
    }
}
