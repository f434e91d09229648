package org.k12id.adminrest.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The staff APIs' answers: a record as JSON, never stored by a browser or proxy (they name students, badges and
 * default passwords), and the one shape of every refusal: {@code error}, the {@code field} at fault when there is one,
 * and {@code error_description}.
 */
public final class Answers {

    private Answers() {
    }

    /**
     * A refusal. {@code field} names the request's part at fault (null when none); {@code userIds} (badges that are off)
     * and {@code problems} (a form's every problem) only where they say more.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Refusal(String error, String field, List<String> userIds, List<Problem> problems,
                          @JsonProperty("error_description") String description) {
    }

    /** A page of a listing (students, in roster order) and how many there are in all. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page<T>(long total, int first, int max, List<T> students) {
    }

    /** One problem of a submitted form: the field, the value given (empty when none) and what is wrong with it. */
    public record Problem(String field, String value, String message) {
    }

    /** {@code Cache-Control: no-store}. */
    public static CacheControl noStore() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return noStore;
    }

    /** A JSON answer with this status and body, not to be stored. */
    public static Response json(Response.Status status, Object body) {
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON).cacheControl(noStore()).build();
    }

    /** 200 with this body. */
    public static Response ok(Object body) {
        return json(Response.Status.OK, body);
    }

    /** 403: the caller may not do this at all. */
    public static Response forbidden(String description) {
        return json(Response.Status.FORBIDDEN, new Refusal("forbidden", null, null, null, description));
    }

    /** 404 naming the field whose value names nothing the caller may see (the same whether it exists or not). */
    public static Response notFound(String field, String description) {
        return json(Response.Status.NOT_FOUND, new Refusal("not_found", field, null, null, description));
    }

    /** 400 naming the field that is malformed. */
    public static Response badRequest(String field, String description) {
        return json(Response.Status.BAD_REQUEST, new Refusal("invalid_request", field, null, null, description));
    }

    /** 409: the request is well-formed, but the state of things refuses it ({@code error} says which). */
    public static Response conflict(String error, String field, String description) {
        return json(Response.Status.CONFLICT, new Refusal(error, field, null, null, description));
    }

    /**
     * A whole number query parameter from {@code min} to {@code max}: the default when absent or empty, null when it is
     * anything else (the caller answers 400 naming the parameter).
     */
    public static Integer number(String value, int min, int max, int defaultValue) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        if (value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int number = Integer.parseInt(value);
        return number < min || number > max ? null : number;
    }

    /** The value, or null when it is absent or empty (a query parameter that does not filter). */
    public static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
