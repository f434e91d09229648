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

import org.k12id.realmconfig.demo.DemoAuthenticatorApp;

/**
 * One device signing in to one client through the realm's pages: its own cookie jar, the authorization request with
 * state and PKCE, form posts, and at the end the redirect with the code exchanged for tokens. The pages are read with
 * plain patterns (the pack's and Keycloak's forms), as a benchmark needs them fast rather than general.
 */
public final class AppSession {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http;
    private final String realmUrl;
    private final String clientId;
    private final String clientSecret;
    private final String redirectUri;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final String verifier = random();
    private final String state = random();

    AppSession(HttpClient http, String realmUrl, String clientId, String clientSecret, String redirectUri) {
        this.http = http;
        this.realmUrl = realmUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
    }

    /** The authorization request: the realm's first page, whose login form's action this answers. */
    public String start() throws IOException, InterruptedException {
        return formAction(open(), "kc-form-login");
    }

    /** The authorization request: the realm's first page. */
    public HttpResponse<String> open() throws IOException, InterruptedException {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("client_id", clientId);
        q.put("redirect_uri", redirectUri);
        q.put("response_type", "code");
        q.put("scope", "openid");
        q.put("state", state);
        q.put("code_challenge", challenge(verifier));
        q.put("code_challenge_method", "S256");
        return send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/auth?" + form(q))).GET());
    }

    public HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public HttpResponse<String> post(String url, Map<String, String> fields) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    /**
     * The page a browser ends on: redirects inside the realm followed (Keycloak answers a finished step with one to
     * the next required action, for instance); the redirect to the app is left for {@link #finish}.
     */
    public HttpResponse<String> followed(HttpResponse<String> response) throws IOException, InterruptedException {
        for (int hops = 0; hops < 5 && response.statusCode() == 302; hops++) {
            String location = response.headers().firstValue("Location").orElse("");
            if (location.startsWith(redirectUri) || location.isEmpty()) {
                return response;
            }
            response = send(HttpRequest.newBuilder(URI.create(response.uri().resolve(location).toString())).GET());
        }
        return response;
    }

    /**
     * The redirect back to the app (after the demo authenticator app's code, when the page asks for one): its code
     * exchanged for tokens; the token response.
     */
    public String finish(HttpResponse<String> redirect) throws IOException, InterruptedException {
        if (redirect.statusCode() == 200 && redirect.body().contains("id=\"kc-otp-login-form\"")) {
            // the demo realm asks LEA administrators and data auditors for their authenticator app: the demo's key
            redirect = post(formAction(redirect, "kc-otp-login-form"),
                    Map.of("otp", DemoAuthenticatorApp.code(System.currentTimeMillis() / 1000)));
        }
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

    /** The action of the page's form with this id; throws when the page is not a 200 with that form. */
    public static String formAction(HttpResponse<String> page, String formId) throws IOException {
        Matcher m = Pattern.compile("<form id=\"" + Pattern.quote(formId) + "\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
        if (page.statusCode() != 200 || !m.find()) {
            throw new IOException("expected a page with the form " + formId + " (HTTP " + page.statusCode() + ")");
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
