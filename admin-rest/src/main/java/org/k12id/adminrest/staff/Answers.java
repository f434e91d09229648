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
}
