package org.k12id.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Requests exactly as a hostile or careless client sends them: any method, any headers, any bytes, nothing fixed up.
 * Every request has a time limit, so a server that hangs fails the test instead of stalling it.
 */
public final class RawHttp {

    public static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private RawHttp() {
    }

    /** An answer: the status, the headers and the body as text. */
    public record Answer(int status, HttpResponse<String> response) {
        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            String body = response.body();
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    public static Answer send(String method, String url, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response);
    }

    public static Answer send(String method, String url, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        return send(method, url, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }
}
