package org.k12id.adminrest.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * A malformed {@code Content-Type} header (such as {@code x} or {@code %00}) sent to one of the pack's endpoints: 400
 * naming {@code Content-Type}, before anything else reads the request. Stock Keycloak answers such a request with 500:
 * its response filter parses the header again to choose the security headers, and fails. So the header is also
 * replaced by a harmless one, which that filter reads instead. Requests to Keycloak's own endpoints pass untouched.
 */
@Provider
@PreMatching
public final class MalformedContentTypeFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !UnreadableRequests.isPackPath(request.getUriInfo().getRequestUri().getRawPath())) {
            return;
        }
        try {
            MediaType.valueOf(contentType);
        } catch (IllegalArgumentException malformed) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_OCTET_STREAM);
            request.abortWith(UnreadableRequests.badRequest("Content-Type", "The Content-Type header is not a media type"));
        }
    }
}
