package org.k12id.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The badge API as a district's staff call it: a person's own access token, from signing in to the staff portal. */
public final class Badges {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String FAILED = "QR Code Authentication Failed";

    private Badges() {
    }

    /** Signs a person in to the demo staff portal (username, Go; password, Go) and returns their access token. */
    public static String accessToken(String realmUrl, String username, String password) throws Exception {
        Oidc portal = new Oidc(realmUrl, DemoRealm.CONFIDENTIAL_APP, DemoRealm.CONFIDENTIAL_APP_SECRET,
                DemoRealm.CONFIDENTIAL_APP_REDIRECT);
        Browser browser = new Browser();
        Browser.Page done = IdentifierFirst.login(browser, browser.get(portal.authorizationUrl()), username, password);
        return portal.exchange(portal.codeFrom(done)).get("access_token").asText();
    }

    /** POST /admin/realms/{realm}/k12-badges/users/{id}: the status and the JSON answer. */
    public static Map.Entry<Integer, JsonNode> issue(String serverUrl, String realm, String token, String userId)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(serverUrl + "/admin/realms/" + realm + "/k12-badges/users/" + userId))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return Map.entry(response.statusCode(), body);
    }

    /** Issues a badge as the holder of the token (an LEA administrator) and returns its payload; fails on anything but 200. */
    public static String issuePayload(String serverUrl, String token, String userId) throws Exception {
        Map.Entry<Integer, JsonNode> answer = issue(serverUrl, DemoRealm.NAME, token, userId);
        assertEquals(200, answer.getKey(), answer.getValue()::toString);
        return answer.getValue().path("payload").asText();
    }

    /** Logs a student in to the demo app with a badge payload; the ID token's claims. */
    public static JsonNode login(String realmUrl, String payload) throws Exception {
        Oidc app = new Oidc(realmUrl, DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        Browser browser = new Browser();
        Browser.Page done = scan(browser, browser.get(app.authorizationUrl()), payload);
        return Oidc.claims(app.exchange(app.codeFrom(done)).get("id_token").asText());
    }

    /** Shows a badge on the demo app's login page and expects it refused with only "QR Code Authentication Failed". */
    public static void assertRefused(String realmUrl, String payload) throws Exception {
        Oidc app = new Oidc(realmUrl, DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        Browser browser = new Browser();
        Browser.Page answer = scan(browser, browser.get(app.authorizationUrl()), payload);
        assertEquals(200, answer.status(), () -> "expected the username page again, got " + answer.location());
        assertNull(answer.location());
        String text = answer.document().select(".pf-v5-c-alert, .alert-error, #input-error-username").text();
        assertTrue(text.contains(FAILED), answer.body());
        assertFalse(answer.body().contains("9100000"), "the page names nobody");
    }

    /** From the username screen, shows a badge (as the camera page posts it); returns the server's answer. */
    public static Browser.Page scan(Browser browser, Browser.Page usernamePage, String payload) throws Exception {
        return browser.submit(usernamePage, "#k12-badge-form", Map.of("k12_badge", payload));
    }
}
