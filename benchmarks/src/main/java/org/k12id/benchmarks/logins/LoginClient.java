package org.k12id.benchmarks.logins;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One complete authorization-code login with PKCE through the realm's pages, as a device does it: a fresh cookie jar,
 * the authorization request, the username (or badge) step, the password step when no badge, the redirect with the
 * code, and the token request. Throws when any step does not answer as a successful login would.
 */
public final class LoginClient {

    private static final Pattern FORM_ACTION = Pattern.compile("<form id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

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
        Session s = new Session();
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
    void passwordLogin(String username, String password) throws IOException, InterruptedException {
        Session s = new Session();
        String action = s.start();
        String passwordAction = formAction(s.post(action, Map.of("username", username)));
        s.finish(s.post(passwordAction, Map.of("password", password)));
    }

    /** The badge posted from the username screen (as the camera page does); tokens. */
    public void badgeLogin(String payload) throws IOException, InterruptedException {
        Session s = new Session();
        String action = s.start();
        s.finish(s.post(action, Map.of("k12_badge", payload)));
    }

    private final class Session {
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private final String verifier = random();
        private final String state = random();

        String start() throws IOException, InterruptedException {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("client_id", clientId);
            q.put("redirect_uri", redirectUri);
            q.put("response_type", "code");
            q.put("scope", "openid");
            q.put("state", state);
            q.put("code_challenge", challenge(verifier));
            q.put("code_challenge_method", "S256");
            return formAction(send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/auth?" + form(q))).GET()));
        }

        HttpResponse<String> post(String url, Map<String, String> fields) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
        }

        String finish(HttpResponse<String> redirect) throws IOException, InterruptedException {
            String location = redirect.headers().firstValue("Location").orElse("");
            if (redirect.statusCode() != 302 || !location.startsWith(redirectUri)) {
                throw new IOException("login did not reach the app (HTTP " + redirect.statusCode() + ")");
            }
            String code = null;
            for (String pair : URI.create(location).getRawQuery().split("&")) {
                if (pair.startsWith("code=")) {
                    code = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
                }
            }
            Map<String, String> token = new LinkedHashMap<>();
            token.put("grant_type", "authorization_code");
            token.put("code", code);
            token.put("redirect_uri", redirectUri);
            token.put("client_id", clientId);
            token.put("code_verifier", verifier);
            if (clientSecret != null) {
                token.put("client_secret", clientSecret);
            }
            HttpResponse<String> tokens = http.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(token))).build(), HttpResponse.BodyHandlers.ofString());
            if (tokens.statusCode() != 200 || !tokens.body().contains("\"id_token\"")) {
                throw new IOException("token request failed (HTTP " + tokens.statusCode() + ")");
            }
            return tokens.body();
        }

        private HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
            if (!cookies.isEmpty()) {
                builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = http.send(builder.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            return response;
        }
    }

    private static String formAction(HttpResponse<String> page) throws IOException {
        Matcher m = FORM_ACTION.matcher(page.body());
        if (page.statusCode() != 200 || !m.find()) {
            throw new IOException("expected a login page (HTTP " + page.statusCode() + ")");
        }
        return m.group(1).replace("&amp;", "&");
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
