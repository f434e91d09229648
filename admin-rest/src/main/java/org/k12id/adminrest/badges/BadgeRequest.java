package org.k12id.adminrest.badges;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.k12id.domain.CampusCode;

/**
 * A print or void request's body, read strictly: exactly one of {@code userIds}, {@code classId} or (void only)
 * {@code schoolCode}; for printing also {@code layout}, {@code paper} and {@code renew}. Anything else is refused with
 * the name of the bad field, before anything is looked up or changed.
 */
public record BadgeRequest(List<String> userIds, String classId, String schoolCode, String layout, String paper, boolean renew) {

    public static final int MAX_STUDENTS = 2000;
    public static final int MAX_BODY = 200_000;
    static final int MAX_ID_LENGTH = 64;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A refusal: which field, and why (English; the portal shows its own words for the error code). */
    public record Problem(String field, String message) {
    }

    /** Either a request or a problem. */
    public record Parsed(BadgeRequest request, Problem problem) {
        static Parsed of(Problem problem) {
            return new Parsed(null, problem);
        }
    }

    public static Parsed forPrint(String body) {
        return parse(body, true, false);
    }

    public static Parsed forVoid(String body) {
        return parse(body, false, true);
    }

    /** An opt-out change's body, {@code {"grades": [-3, 0]}}: PreK-5 grades only; the set of grades, or a problem. */
    public record Grades(Set<Integer> grades, Problem problem) {
    }

    public static Grades forOptOut(String body, int first, int last) {
        Problem refused = new Problem("grades", "Give a list of grade codes from " + first + " to " + last);
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            return new Grades(null, new Problem("body", "Send a JSON object"));
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return new Grades(null, new Problem("body", "The request is not valid JSON"));
        }
        if (root == null || !root.isObject()) {
            return new Grades(null, new Problem("body", "Send a JSON object"));
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("grades")) {
                return new Grades(null, new Problem(name.length() > 40 ? "body" : name, "Unknown field"));
            }
        }
        JsonNode grades = root.get("grades");
        if (grades == null || !grades.isArray() || grades.size() > 50) {
            return new Grades(null, refused);
        }
        Set<Integer> chosen = new java.util.TreeSet<>();
        for (JsonNode grade : grades) {
            if (!grade.isInt() || grade.asInt() < first || grade.asInt() > last) {
                return new Grades(null, refused);
            }
            chosen.add(grade.asInt());
        }
        return new Grades(Set.copyOf(chosen), null);
    }

    private static Parsed parse(String body, boolean printing, boolean schoolAllowed) {
        if (body == null || body.isBlank()) {
            return Parsed.of(new Problem("body", "Send a JSON object"));
        }
        if (body.length() > MAX_BODY) {
            return Parsed.of(new Problem("body", "The request is too large"));
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return Parsed.of(new Problem("body", "The request is not valid JSON"));
        }
        if (root == null || !root.isObject()) {
            return Parsed.of(new Problem("body", "Send a JSON object"));
        }
        Set<String> known = printing ? Set.of("userIds", "classId", "layout", "paper", "renew")
                : Set.of("userIds", "classId", "schoolCode");
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!known.contains(name)) {
                return Parsed.of(new Problem(name.length() > 40 ? "body" : name, "Unknown field"));
            }
        }
        int chosen = (root.has("userIds") ? 1 : 0) + (root.has("classId") ? 1 : 0) + (root.has("schoolCode") ? 1 : 0);
        if (chosen != 1) {
            return Parsed.of(new Problem("userIds",
                    schoolAllowed ? "Give exactly one of userIds, classId or schoolCode" : "Give exactly one of userIds or classId"));
        }
        List<String> userIds = null;
        String classId = null;
        String schoolCode = null;
        if (root.has("userIds")) {
            JsonNode ids = root.get("userIds");
            if (!ids.isArray() || ids.isEmpty() || ids.size() > MAX_STUDENTS) {
                return Parsed.of(new Problem("userIds", "Give a list of 1 to " + MAX_STUDENTS + " student ids"));
            }
            Set<String> distinct = new LinkedHashSet<>();
            for (JsonNode id : ids) {
                if (!id.isTextual() || id.asText().isBlank() || id.asText().length() > MAX_ID_LENGTH) {
                    return Parsed.of(new Problem("userIds", "Every student id must be a short string"));
                }
                distinct.add(id.asText());
            }
            userIds = new ArrayList<>(distinct);
        } else if (root.has("classId")) {
            JsonNode id = root.get("classId");
            if (!id.isTextual() || id.asText().isBlank() || id.asText().length() > MAX_ID_LENGTH) {
                return Parsed.of(new Problem("classId", "Give the class's id"));
            }
            classId = id.asText();
        } else {
            JsonNode code = root.get("schoolCode");
            if (!code.isTextual() || !CampusCode.isWellFormed(code.asText())) {
                return Parsed.of(new Problem("schoolCode", "A school code is 6 digits or upper-case letters"));
            }
            schoolCode = code.asText();
        }
        String layout = "labels";
        String paper = "letter";
        boolean renew = false;
        if (printing) {
            if (root.has("layout")) {
                JsonNode value = root.get("layout");
                if (!value.isTextual() || SheetLayout.parse(value.asText()).isEmpty()) {
                    return Parsed.of(new Problem("layout", "The layout is labels or cards"));
                }
                layout = value.asText();
            }
            if (root.has("paper")) {
                JsonNode value = root.get("paper");
                if (!value.isTextual() || Paper.parse(value.asText()).isEmpty()) {
                    return Parsed.of(new Problem("paper", "The paper is letter or a4"));
                }
                paper = value.asText();
            }
            if (root.has("renew")) {
                JsonNode value = root.get("renew");
                if (!value.isBoolean()) {
                    return Parsed.of(new Problem("renew", "renew is true or false"));
                }
                renew = value.asBoolean();
            }
        }
        return new Parsed(new BadgeRequest(userIds == null ? null : List.copyOf(userIds), classId, schoolCode, layout, paper, renew), null);
    }
}
