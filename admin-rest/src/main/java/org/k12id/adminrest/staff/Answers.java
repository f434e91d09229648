package org.k12id.adminrest.staff;

import java.util.Map;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The staff APIs' answers: never stored by a browser or proxy (they name students, badges and default passwords). */
public final class Answers {

    private Answers() {
    }

    /** {@code Cache-Control: no-store}. */
    public static CacheControl noStore() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return noStore;
    }

    /** A JSON answer with this status and body, not to be stored. */
    public static Response json(Response.Status status, Map<String, ?> body) {
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON).cacheControl(noStore()).build();
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
}
