package org.k12id.adminrest.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/**
 * {@code GET /realms/{realm}/k12-portal/}: the district staff portal "My Students (QR Codes)", a static page with its
 * scripts (ES modules), styles and messages, read from the pack's JAR. Only the allow-listed files of
 * {@link PortalFiles} are served; nothing from the realm or the request is written into them (the page reads its realm
 * from its own address).
 */
public final class PortalResource implements RealmResourceProvider {

    private final KeycloakSession session;

    PortalResource(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return this;
    }

    @Override
    public void close() {
    }

    /** The page; {@code /k12-portal} without the slash is sent to {@code /k12-portal/} so relative links resolve. */
    @GET
    public Response page() {
        URI request = session.getContext().getUri().getRequestUri();
        String path = request.getRawPath();
        if (path != null && !path.endsWith("/")) {
            return secured(Response.status(Response.Status.MOVED_PERMANENTLY)
                    .location(UriBuilder.fromUri(request).replacePath(path + "/").build()))
                    .build();
        }
        return serve(PortalFiles.find(""));
    }

    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String file) {
        return serve(PortalFiles.find(file));
    }

    private Response serve(Optional<PortalFiles.File> found) {
        if (found.isEmpty()) {
            return notFound();
        }
        PortalFiles.File file = found.get();
        byte[] content = read(file);
        if (content == null) {
            return notFound();
        }
        String etag = PortalFiles.etag(content);
        HttpHeaders headers = session.getContext().getRequestHeaders();
        String ifNoneMatch = headers == null ? null : headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        Response.ResponseBuilder answer = PortalFiles.matches(ifNoneMatch, etag) && !file.cacheControl().equals(PortalFiles.NO_STORE)
                ? Response.notModified()
                : Response.ok(content).header(HttpHeaders.CONTENT_TYPE, file.contentType());
        if (!file.cacheControl().equals(PortalFiles.NO_STORE)) {
            answer.header(HttpHeaders.ETAG, etag);
        }
        return secured(answer).header(HttpHeaders.CACHE_CONTROL, file.cacheControl()).build();
    }

    private static byte[] read(PortalFiles.File file) {
        try (InputStream in = PortalResource.class.getClassLoader().getResourceAsStream(file.resource())) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.resource() + " from the pack", e);
        }
    }

    private Response notFound() {
        return secured(Response.status(Response.Status.NOT_FOUND))
                .header(HttpHeaders.CACHE_CONTROL, PortalFiles.NO_STORE)
                .build();
    }

    /**
     * The portal's own security headers on every answer. Keycloak's response filter would put the realm's browser
     * headers (a looser CSP, {@code X-Frame-Options}) over them on HTML answers, so it is told to leave these alone.
     */
    private Response.ResponseBuilder secured(Response.ResponseBuilder answer) {
        SecurityHeadersProvider realmHeaders = session.getProvider(SecurityHeadersProvider.class);
        if (realmHeaders != null) {
            realmHeaders.options().skipHeaders();
        }
        PortalFiles.SECURITY_HEADERS.forEach(answer::header);
        return answer;
    }
}
