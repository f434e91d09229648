package org.k12id.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The badge printing API ({@code /admin/realms/{realm}/k12-badges/...}) as one person calls it with their token; or,
 * made with a resource's name, the same for another of the pack's staff APIs ({@code k12-default-passwords},
 * {@code k12-claims}).
 */
public final class BadgeApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final String token;

    /** An answer: status, content type, the raw body, and the body as JSON when it is JSON. */
    public record Answer(int status, String contentType, byte[] bytes, HttpResponse<byte[]> response) {
        public JsonNode json() {
            try {
                return bytes.length == 0 || contentType == null || !contentType.startsWith("application/json")
                        ? JSON.createObjectNode() : JSON.readTree(bytes);
            } catch (IOException e) {
                throw new IllegalStateException(new String(bytes, StandardCharsets.UTF_8), e);
            }
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + (contentType != null && contentType.startsWith("application/pdf") ? "<pdf>"
                    : new String(bytes, StandardCharsets.UTF_8));
        }
    }

    public BadgeApi(String serverUrl, String realm, String token) {
        this(serverUrl, realm, "k12-badges", token);
    }

    /** The calls on the pack's admin resource {@code resource} ({@code /admin/realms/{realm}/{resource}/...}). */
    public BadgeApi(String serverUrl, String realm, String resource, String token) {
        this.base = serverUrl + "/admin/realms/" + realm + "/" + resource + "/";
        this.token = token;
    }

    /** Signs the person in to the demo portal app and returns their API. */
    public static BadgeApi as(String serverUrl, String realmUrl, String username) throws Exception {
        return new BadgeApi(serverUrl, DemoRealm.NAME, Badges.accessToken(realmUrl, username, DemoRealm.PASSWORD));
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    public Answer post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer put(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body(), response);
    }

    /** A JSON list of strings, for bodies. */
    public static String ids(Iterable<String> ids) {
        try {
            return JSON.writeValueAsString(ids);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
