package org.k12id.benchmarks.staff;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.k12id.benchmarks.logins.LoginClient;

/**
 * One member of staff signed in to the realm (a password login through the confidential demo portal client, as the
 * other benchmarks do), calling the staff API with their own bearer token. The token is renewed by signing in again
 * every two minutes (the realm's access tokens last five), outside any timed call. Every call has a timeout and never
 * throws: a failure (timeout, refused connection, any other I/O error) comes back as a {@link Call} with status 0
 * and its reason.
 */
public final class StaffSession {

    /** One timed call: HTTP status (0 when none came back), time, answer body (JSON text; empty for a PDF), reason. */
    public record Call(int status, long nanos, String body, String failure) {
        public double millis() {
            return nanos / 1e6;
        }

        boolean serverGone() {
            return failure != null && failure.contains("connection refused");
        }

        /** The reason, or the status and the start of the answer. */
        public String describe() {
            return failure != null ? failure : "HTTP " + status + " " + abbreviate(body);
        }
    }

    // the demo realm's access tokens live 5 minutes: renewed after 4, so a timed phase of up to 3 minutes after a renewal has no sign-in
    private static final long RENEW_NANOS = Duration.ofMinutes(4).toNanos();

    private final HttpClient http;
    private final LoginClient portal;
    private final String base;
    private final String username;
    private final String password;
    private final Duration timeout;
    private String token;
    private long tokenAt;

    StaffSession(HttpClient http, LoginClient portal, String server, String realm, String username, String password,
                 Duration timeout) {
        this.http = http;
        this.portal = portal;
        this.base = server + "/admin/realms/" + realm + "/";
        this.username = username;
        this.password = password;
        this.timeout = timeout;
    }

    String username() {
        return username;
    }

    /** Signs in again now, whatever the token's age; throws if the sign-in fails. */
    void renew() throws IOException, InterruptedException {
        token = null;
        signIn();
    }

    /** Signs in now if the token is missing or old; throws if the sign-in fails. */
    public void signIn() throws IOException, InterruptedException {
        if (token == null || System.nanoTime() - tokenAt > RENEW_NANOS) {
            token = portal.accessToken(username, password);
            tokenAt = System.nanoTime();
        }
    }

    /** GET {@code path} (relative to /admin/realms/{realm}/). */
    public Call get(String path) throws InterruptedException {
        return call(HttpRequest.newBuilder(URI.create(base + path)).GET(), false);
    }

    /** POST a JSON body; the answer (a PDF when it works) is read whole, but not kept. */
    public Call post(String path, String json) throws InterruptedException {
        return call(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), true);
    }

    private Call call(HttpRequest.Builder builder, boolean binary) throws InterruptedException {
        try {
            signIn();
        } catch (IOException e) {
            return new Call(0, 0, "", failure(e, "sign-in failed: "));
        }
        HttpRequest request = builder.header("Authorization", "Bearer " + token).timeout(timeout).build();
        long start = System.nanoTime();
        try {
            if (binary) {
                HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                long nanos = System.nanoTime() - start;
                boolean pdf = r.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf");
                return new Call(r.statusCode(), nanos, pdf ? "" : new String(r.body(), java.nio.charset.StandardCharsets.UTF_8), null);
            }
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Call(r.statusCode(), System.nanoTime() - start, r.body(), null);
        } catch (IOException e) {
            return new Call(0, System.nanoTime() - start, "", failure(e, ""));
        }
    }

    static String failure(IOException e, String prefix) {
        if (e instanceof HttpConnectTimeoutException) {
            return prefix + "connect timeout";
        }
        if (e instanceof HttpTimeoutException) {
            return prefix + "timeout";
        }
        if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            return prefix + "connection refused";
        }
        return prefix + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** An answer's body on one line, cut after 160 characters. */
    static String abbreviate(String body) {
        String b = body == null ? "" : body.replaceAll("\\s+", " ");
        return b.length() > 160 ? b.substring(0, 160) + "..." : b;
    }
}
