package org.k12id.it.captcha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.it.support.Browser;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.Oidc;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * "I'm Not a Robot" (k12-captcha) over HTTP on the real server, in a realm of its own whose browser flow is the step
 * then username and password: the test solves the proof of work itself, as the widget does. A right solution passes
 * once; a wrong, tampered, expired, replayed or malformed one gets the page again with one plain message, never a 500.
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given I'm Not a Robot before the password, over HTTP")
class CaptchaIT {

    static final String REALM = "k12-captcha-it";
    static final String NOT_VERIFIED = "We could not confirm you are not a robot. Check the box again.";

    private static Keycloak admin;
    private static String configId;

    @InjectAdminClient
    Keycloak injectedAdmin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    /** Once for the class (the framework injects before each test, so not in a @BeforeAll). */
    @BeforeEach
    void realm() {
        if (admin == null) {
            admin = injectedAdmin;
            configId = CaptchaRealm.create(admin, REALM);
        }
        CaptchaRealm.configure(realm(admin), configId, 100_000, 300);
    }

    @AfterAll
    static void removeRealm() {
        if (admin != null) {
            admin.realm(REALM).remove();
            admin = null;
        }
    }

    private static RealmResource realm(Keycloak admin) {
        return admin.realm(REALM);
    }

    private Oidc app() {
        return new Oidc(urls.getBase() + "/realms/" + REALM, CaptchaRealm.APP, null, CaptchaRealm.APP_REDIRECT);
    }

    private Browser.Page captchaPage(Browser browser, Oidc app, String language) throws Exception {
        Browser.Page page = browser.get(app.authorizationUrl() + ("en".equals(language) ? "" : "&ui_locales=" + language));
        assertEquals(200, page.status(), page::body);
        assertNotNull(page.document().selectFirst("#k12-captcha-form"), () -> "expected the captcha page:\n" + page.body());
        return page;
    }

    private static String challenge(Browser.Page page) {
        Element widget = page.document().selectFirst("#k12-captcha-form altcha-widget[challenge]");
        assertNotNull(widget, () -> "no widget with a challenge:\n" + page.body());
        assertEquals(CaptchaRealm.FIELD, widget.attr("name"));
        return widget.attr("challenge");
    }

    private static Browser.Page post(Browser browser, Browser.Page page, String value) throws Exception {
        return browser.submit(page, "#k12-captcha-form", Map.of(CaptchaRealm.FIELD, value));
    }

    private static void assertRefused(Browser.Page page, String message) {
        assertEquals(200, page.status(), page::body);
        assertNotNull(page.document().selectFirst("#k12-captcha-form"), () -> "expected the captcha page again:\n" + page.body());
        assertTrue(page.document().text().contains(message), () -> "expected \"" + message + "\":\n" + page.body());
        assertTrue(page.document().select("#password").isEmpty(), "not passed to the password");
    }

    private static void assertPassed(Browser.Page page) {
        assertEquals(200, page.status(), page::body);
        assertNotNull(page.document().selectFirst("#password"), () -> "expected the password page:\n" + page.body());
    }

    @Test
    @DisplayName("a right solution passes the step, and the person signs in at the app")
    void rightSolutionPasses() throws Exception {
        Browser browser = Browser.stoppingAt(CaptchaRealm.APP_REDIRECT);
        Oidc app = app();
        Browser.Page page = captchaPage(browser, app, "en");
        assertTrue(page.document().text().contains("I'm not a robot"), page::body);
        Browser.Page password = post(browser, page, CaptchaRealm.encode(CaptchaRealm.solve(challenge(page))));
        assertPassed(password);
        Browser.Page done = browser.submit(password, "#kc-form-login",
                Map.of("username", CaptchaRealm.USERNAME, "password", CaptchaRealm.PASSWORD));
        assertNotNull(app.codeFrom(done));
    }

    @Test
    @DisplayName("a wrong number is refused with the plain message and a new challenge; the new one's solution passes")
    void wrongNumberRefused() throws Exception {
        Browser browser = new Browser();
        Browser.Page page = captchaPage(browser, app(), "en");
        String first = challenge(page);
        ObjectNode wrong = CaptchaRealm.solve(first);
        wrong.put("number", wrong.get("number").asLong() + 1);
        Browser.Page refused = post(browser, page, CaptchaRealm.encode(wrong));
        assertRefused(refused, NOT_VERIFIED);
        assertNotEquals(first, challenge(refused), "a new challenge");
        assertPassed(post(browser, refused, CaptchaRealm.encode(CaptchaRealm.solve(challenge(refused)))));
    }

    @Test
    @DisplayName("a tampered signature, salt (a later expiry) or challenge is refused")
    void tamperedRefused() throws Exception {
        Browser browser = new Browser();
        Browser.Page page = captchaPage(browser, app(), "en");
        ObjectNode right = CaptchaRealm.solve(challenge(page));

        ObjectNode signature = right.deepCopy();
        String sig = signature.get("signature").asText();
        signature.put("signature", (sig.charAt(0) == 'a' ? "b" : "a") + sig.substring(1));
        page = post(browser, page, CaptchaRealm.encode(signature));
        assertRefused(page, NOT_VERIFIED);

        ObjectNode salt = right.deepCopy();
        salt.put("salt", salt.get("salt").asText().replaceAll("expires=\\d+", "expires=9999999999"));
        page = post(browser, page, CaptchaRealm.encode(salt));
        assertRefused(page, NOT_VERIFIED);

        ObjectNode made = right.deepCopy();
        made.put("salt", "0123456789abcdef?expires=9999999999&").put("number", 1)
                .put("challenge", sha256("0123456789abcdef?expires=9999999999&1"));
        page = post(browser, page, CaptchaRealm.encode(made));
        assertRefused(page, NOT_VERIFIED);

        // the right solution of the first challenge was never used: it still passes
        assertPassed(post(browser, page, CaptchaRealm.encode(right)));
    }

    @Test
    @DisplayName("a solution used once is refused the second time, in another sign-in")
    void replayRefused() throws Exception {
        Browser first = new Browser();
        Browser.Page page = captchaPage(first, app(), "en");
        String solution = CaptchaRealm.encode(CaptchaRealm.solve(challenge(page)));
        assertPassed(post(first, page, solution));

        Browser second = new Browser();
        Browser.Page other = captchaPage(second, app(), "en");
        assertRefused(post(second, other, solution), NOT_VERIFIED);
    }

    @Test
    @DisplayName("after the step's expiry a right solution is refused")
    void expiredRefused() throws Exception {
        CaptchaRealm.configure(realm(admin), configId, 100_000, 5);
        Browser browser = new Browser();
        Browser.Page page = captchaPage(browser, app(), "en");
        String solution = CaptchaRealm.encode(CaptchaRealm.solve(challenge(page)));
        Thread.sleep(6_500);
        assertRefused(post(browser, page, solution), NOT_VERIFIED);
    }

    @Test
    @DisplayName("nothing, garbage, JSON of another shape or a long value: the page again with a plain message, never a 500")
    void malformedRefused() throws Exception {
        Browser browser = new Browser();
        Browser.Page page = captchaPage(browser, app(), "en");
        page = post(browser, page, "");
        assertRefused(page, "Check the box \"I'm not a robot\" first.");
        for (String value : new String[] {"not base64 !!", "e30=", "W10=", "bnVsbA==",
                java.util.Base64.getEncoder().encodeToString("[".repeat(1_000).getBytes()), "A".repeat(1_900)}) {
            page = post(browser, page, value);
            assertRefused(page, NOT_VERIFIED);
        }
        // far longer than any form field of a login page: refused before or by the step, never a server error
        Browser.Page huge = post(browser, page, "A".repeat(100_000));
        assertTrue(huge.status() < 500, () -> "a 100,000-character answer: " + huge.status() + "\n" + huge.body());
        assertTrue(huge.status() != 200 || huge.document().text().contains(NOT_VERIFIED), huge::body);
    }

    @Test
    @DisplayName("in Spanish the page and its refusal address the person as usted")
    void spanish() throws Exception {
        Browser browser = new Browser();
        Browser.Page page = captchaPage(browser, app(), "es");
        assertTrue(page.document().text().contains("No soy un robot"), page::body);
        Browser.Page refused = post(browser, page, "e30=");
        assertRefused(refused, "No pudimos confirmar que usted no es un robot. Marque la casilla otra vez.");
    }

    @Test
    @DisplayName("the page's Content-Security-Policy lets the widget's scripts and blob workers run (frames and objects only)")
    void contentSecurityPolicy() throws Exception {
        java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(app().authorizationUrl())).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("frame-ancestors"), () -> "Keycloak's CSP expected: " + csp);
        for (String directive : new String[] {"default-src", "script-src", "worker-src", "child-src"}) {
            assertTrue(!csp.contains(directive), () -> directive + " would need 'self' and blob: for the widget: " + csp);
        }
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
