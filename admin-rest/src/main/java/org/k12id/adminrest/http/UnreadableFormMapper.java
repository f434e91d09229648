package org.k12id.adminrest.http;

import java.io.IOException;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.error.KeycloakErrorHandler;

/**
 * A form body that cannot be read (a truncated {@code multipart/form-data}) sent to one of the pack's endpoints: 400
 * naming {@code body}. Keycloak's HTTP layer parses such bodies before any resource sees them and reports a failure as
 * an {@link IOException}; see {@link UnreadableRequests}.
 */
@Provider
public final class UnreadableFormMapper implements ExceptionMapper<IOException> {

    @Context
    KeycloakSession session;

    @Override
    public Response toResponse(IOException exception) {
        if (UnreadableRequests.isPackPath(session)
                && UnreadableRequests.thrownBy(exception, ".FormBodyHandler", ".MultiPartParserDefinition",
                ".MultiPartParserDefinition$MultiPartUploadHandler", ".FormEncodedDataDefinition")) {
            return UnreadableRequests.badRequest("body", "The request body could not be read");
        }
        return KeycloakErrorHandler.getResponse(session, exception);
    }
}
