package org.k12id.benchmarks.staff;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.k12id.benchmarks.logins.LoginClient;

/**
 * The server under test, as the options name it ({@code --server}, {@code --realm}, {@code --password} of the
 * generated staff, {@code --admin} and {@code --admin-password} of the master realm): one HTTP client for every
 * phase, staff sessions through the demo portal client, badge logins through the demo app client, and the admin API
 * for setting up (group ids and children).
 */
public final class StaffServer {

    private final StaffOptions options;
    private final String server;
    private final String realm;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final LoginClient portal;

    public StaffServer(StaffOptions options) {
        this.options = options;
        this.server = options.text("server", "http://localhost:18080");
        this.realm = options.text("realm", "k12-demo");
        this.password = options.text("password", "Tarheel2026");
        this.portal = new LoginClient(http, server + "/realms/" + realm, "k12-demo-portal",
                "demo-portal-secret-change-me", "http://localhost:8401/callback");
    }

    /** A member of staff, not signed in yet. */
    public StaffSession session(String username) {
        return new StaffSession(http, portal, server, realm, username, password, options.timeout());
    }

    /** The public demo app client, which badge logins go through. */
    public LoginClient badgeApp() {
        return new LoginClient(http, server + "/realms/" + realm, "k12-demo-app", null, "http://localhost:8400/callback");
    }

    /** The master realm administrator's token. */
    public String masterToken() throws IOException, InterruptedException {
        return LoginClient.masterToken(http, server, options.text("admin", "admin"), options.text("admin-password", "admin"));
    }

    /** The id of the group at {@code path} ({@code psu-901/901001/g2-001}). */
    public String groupId(String path) throws IOException, InterruptedException {
        String master = masterToken();
        String encoded = Arrays.stream(path.split("/")).map(p -> URLEncoder.encode(p, StandardCharsets.UTF_8))
                .reduce((a, b) -> a + "/" + b).orElse("");
        return StaffResults.JSON.readTree(adminGet(master, "group-by-path/" + encoded)).path("id").asText();
    }

    /** GET {@code path} of the realm's admin API with {@code token}; throws on any status but 200. */
    public String adminGet(String token, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server + "/admin/realms/" + realm + "/" + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + ": HTTP " + r.statusCode() + " " + StaffSession.abbreviate(r.body()));
        }
        return r.body();
    }

    /** Whether the server still answers (its realm's page), within 30 s. */
    boolean answers() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(server + "/realms/" + realm)).timeout(Duration.ofSeconds(30)).GET()
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
