package org.k12id.adminrest.http;

import java.util.Map;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;

/**
 * Requests that Keycloak's HTTP layer cannot read before any of the pack's resources runs (a malformed Content-Type, a
 * truncated multipart body), which stock Keycloak answers with 500: on the pack's endpoints only
 * ({@code /realms/{realm}/k12-...} and {@code /admin/realms/{realm}/k12-...}) they are answered 400 naming the bad part
 * ({@link MalformedContentTypeFilter}, {@link UnreadableFormMapper}). Everything else is left to Keycloak, unchanged.
 */
final class UnreadableRequests {

    private UnreadableRequests() {
    }

    static boolean isPackPath(KeycloakSession session) {
        if (session == null || session.getContext() == null || session.getContext().getUri() == null) {
            return false;
        }
        return isPackPath(session.getContext().getUri().getRequestUri().getRawPath());
    }

    /** Whether a request path is one of the pack's endpoints, under Keycloak's realm or admin paths. */
    static boolean isPackPath(String rawPath) {
        return rawPath != null && rawPath.matches("/(.+/)?realms/[^/]+/k12-[^/]+(/.*)?");
    }

    /** Whether the exception was thrown by one of these classes of the HTTP layer, before any resource ran. */
    static boolean thrownBy(Throwable exception, String... classNameEndings) {
        for (StackTraceElement frame : exception.getStackTrace()) {
            for (String ending : classNameEndings) {
                if (frame.getClassName().endsWith(ending)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The 400 answer; Keycloak's response filter adds the realm's security headers to it as to any answer. */
    static Response badRequest(String field, String message) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(Map.of("error", "invalid_request", "field", field, "error_description", message))
                .type(MediaType.APPLICATION_JSON)
                .cacheControl(noStore)
                .build();
    }
}
