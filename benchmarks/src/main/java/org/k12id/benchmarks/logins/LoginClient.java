package org.k12id.benchmarks.logins;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One complete authorization-code login with PKCE through the realm's pages, as a device does it: a fresh cookie jar,
 * the authorization request, the username (or badge) step, the password step when no badge, the redirect with the
 * code, and the token request. Throws when any step does not answer as a successful login would.
 */
public final class LoginClient {

    private final HttpClient http;
    private final String realmUrl;
    private final String clientId;
    private final String clientSecret;
    private final String redirectUri;

    /** {@code clientSecret} null for a public client. */
    public LoginClient(HttpClient http, String realmUrl, String clientId, String clientSecret, String redirectUri) {
        this.http = http;
        this.realmUrl = realmUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
    }

    /** A password login that returns the access token (for setting up: the LEA administrator's token). */
    public String accessToken(String username, String password) throws IOException, InterruptedException {
        AppSession s = session();
        String passwordAction = formAction(s.post(s.start(), Map.of("username", username)));
        String body = s.finish(s.post(passwordAction, Map.of("password", password)));
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IOException("no access token");
        }
        return m.group(1);
    }

    /** The master realm administrator's token (admin-cli, password grant), for setting up test data. */
    public static String masterToken(HttpClient http, String server, String user, String password)
            throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password",
                        "client_id", "admin-cli", "username", user, "password", password)))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("master realm sign-in failed: HTTP " + r.statusCode());
        }
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IOException("no access token");
        }
        return m.group(1);
    }

    /** Username, Go; password, Go; tokens. */
    public void passwordLogin(String username, String password) throws IOException, InterruptedException {
        AppSession s = session();
        String action = s.start();
        String passwordAction = formAction(s.post(action, Map.of("username", username)));
        s.finish(s.post(passwordAction, Map.of("password", password)));
    }

    /** The badge posted from the username screen (as the camera page does); tokens. */
    public void badgeLogin(String payload) throws IOException, InterruptedException {
        AppSession s = session();
        String action = s.start();
        s.finish(s.post(action, Map.of("k12_badge", payload)));
    }

    /** A new device signing in to this client: its own cookie jar, state and PKCE verifier. */
    public AppSession session() {
        return new AppSession(http, realmUrl, clientId, clientSecret, redirectUri);
    }

    private static String formAction(HttpResponse<String> page) throws IOException {
        return AppSession.formAction(page, "kc-form-login");
    }

    static String form(Map<String, String> fields) {
        return AppSession.form(fields);
    }
}
