package org.k12id.it.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.it.support.Badges;
import org.k12id.it.support.Browser;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.Oidc;
import org.k12id.it.support.TestUsers;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given badges and the people who may, or may not, issue and use them")
class BadgeSecurityIT {

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private TestUsers users;
    private String student;

    @BeforeEach
    void setUp() {
        users = new TestUsers(realm.admin());
        student = users.create("9100000102", "Zoe", "Lane", List.of("student"), List.of(),
                Map.of("psuCode", List.of("920"), "schoolCode", List.of("920304"), "gradeLevel", List.of("2")), null);
    }

    @AfterEach
    void tearDown() {
        realm.admin().attackDetection().clearBruteForceForUser(student);
        users.removeAll();
    }

    private Map.Entry<Integer, JsonNode> issueAs(String username) throws Exception {
        String token = Badges.accessToken(realm.getBaseUrl(), username, DemoRealm.PASSWORD);
        return Badges.issue(urls.getBase(), DemoRealm.NAME, token, student);
    }

    @Test
    @DisplayName("only an LEA administrator of the student's PSU may issue: others get 403, or 404 outside their PSU")
    void permissionMatrix() throws Exception {
        assertEquals(200, issueAs("lea-admin.920").getKey());
        for (String refused : List.of("t.jones", "lea-auditor.920", "e.clark", "9000000013", "g.okafor")) {
            Map.Entry<Integer, JsonNode> answer = issueAs(refused);
            assertEquals(403, answer.getKey(), refused);
            assertFalse(answer.getValue().has("payload"), refused);
        }
        Map.Entry<Integer, JsonNode> otherPsu = issueAs("lea-admin.32A");
        assertEquals(404, otherPsu.getKey());
        String token = Badges.accessToken(realm.getBaseUrl(), "lea-admin.32A", DemoRealm.PASSWORD);
        Map.Entry<Integer, JsonNode> unknown = Badges.issue(urls.getBase(), DemoRealm.NAME, token,
                "00000000-0000-0000-0000-000000000000");
        assertEquals(otherPsu.getValue(), unknown.getValue(), "another PSU's student looks exactly like nobody");

        String adminToken = Badges.accessToken(realm.getBaseUrl(), "lea-admin.920", DemoRealm.PASSWORD);
        String teacher = realm.admin().users().search("t.jones").get(0).getId();
        assertEquals(404, Badges.issue(urls.getBase(), DemoRealm.NAME, adminToken, teacher).getKey(), "teachers get no badge");
        assertEquals(404, Badges.issue(urls.getBase(), DemoRealm.NAME, adminToken, "x".repeat(500)).getKey());
        assertEquals(401, Badges.issue(urls.getBase(), DemoRealm.NAME, "not-a-token", student).getKey());
    }

    @Test
    @DisplayName("failed badges count toward lock-out like failed passwords, and a correct badge is refused while locked")
    void bruteForce() throws Exception {
        String payload = issueAs("lea-admin.920").getValue().path("payload").asText();
        String wrongSecret = payload.substring(0, 33) + "AAAAAAAAAAAAAAAAAAAAAAAAAA";
        for (int i = 0; i < 5; i++) {
            scanExpectingFailure(wrongSecret);
        }
        Map<String, Object> status = waitForLock();
        assertTrue(((Number) status.get("numFailures")).intValue() >= 1, "badge failures counted: " + status);

        scanExpectingFailure(payload);

        realm.admin().attackDetection().clearBruteForceForUser(student);
        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        Browser browser = new Browser();
        app.codeFrom(Badges.scan(browser, browser.get(app.authorizationUrl()), payload));
    }

    @Test
    @DisplayName("in one login session, unreadable badges after a bad badge for a student do not count against that student")
    void unreadableBadgesCountAgainstNobody() throws Exception {
        String payload = issueAs("lea-admin.920").getValue().path("payload").asText();
        String wrongSecret = payload.substring(0, 33) + "AAAAAAAAAAAAAAAAAAAAAAAAAA";
        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        Browser browser = new Browser();
        Browser.Page page = Badges.scan(browser, browser.get(app.authorizationUrl()), wrongSecret);
        assertTrue(page.body().contains(Badges.FAILED), page.body());
        waitForFailures(1);
        for (String unreadable : List.of("K12B1.GARBLED", "K12B1.GARBLED.GARBLED", "K12B9.X", payload.substring(0, 40), "]Q1")) {
            page = Badges.scan(browser, page, unreadable);
            assertTrue(page.body().contains(Badges.FAILED), unreadable);
            page = browser.submit(page, "#kc-form-login", Map.of("username", unreadable));
            assertTrue(page.body().contains(Badges.FAILED), "typed by a scanner: " + unreadable);
        }
        Thread.sleep(1500); // Keycloak counts in the background: give any wrongly counted failure time to land
        Map<String, Object> status = realm.admin().attackDetection().bruteForceUserStatus(student);
        assertEquals(1, ((Number) status.get("numFailures")).intValue(), "only the bad badge counts: " + status);
    }

    @Test
    @DisplayName("a valid badge with what real scanners add (symbology prefix, control characters, spaces, flipped case) signs in")
    void scannerNoiseAroundAValidBadge() throws Exception {
        String payload = issueAs("lea-admin.920").getValue().path("payload").asText();
        for (String typed : List.of("]Q1" + payload, "]Q0" + payload, "  " + payload + "\r\n", "\u0002" + payload + "\u0003",
                "\uFEFF" + payload, payload.toLowerCase(java.util.Locale.ROOT), "]q1" + payload.toLowerCase(java.util.Locale.ROOT))) {
            Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
            Browser browser = new Browser();
            Browser.Page done = browser.submit(browser.get(app.authorizationUrl()), "#kc-form-login", Map.of("username", typed));
            JsonNode id = Oidc.claims(app.exchange(app.codeFrom(done)).get("id_token").asText());
            assertEquals("9100000102", id.path("preferred_username").asText(), typed);
            assertEquals("badge", id.path("k12_login_method").asText(), typed);
        }
    }

    @Test
    @DisplayName("text that starts like a badge but is not a valid one says only \"QR Code Authentication Failed\", never the password page")
    void badgeLikeTextNeverReachesThePasswordPage() throws Exception {
        String payload = issueAs("lea-admin.920").getValue().path("payload").asText();
        String wrongSecret = payload.substring(0, 33) + "AAAAAAAAAAAAAAAAAAAAAAAAAA";
        for (String typed : List.of("k12b1.garbled", "]Q1hello", "\u200BK12B1.X", "]Q3" + wrongSecret,
                wrongSecret.toLowerCase(java.util.Locale.ROOT), "K12B2." + payload.substring(6), payload + "X", " ]Q1 ")) {
            Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
            Browser browser = new Browser();
            Browser.Page answer = browser.submit(browser.get(app.authorizationUrl()), "#kc-form-login", Map.of("username", typed));
            assertEquals(200, answer.status(), typed);
            assertTrue(answer.body().contains(Badges.FAILED), typed + ":\n" + answer.body());
            assertTrue(answer.document().select("#password").isEmpty(), "no password page for " + typed);
        }
        realm.admin().attackDetection().clearBruteForceForUser(student);
    }

    private void waitForFailures(int count) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            Number failures = (Number) realm.admin().attackDetection().bruteForceUserStatus(student).get("numFailures");
            if (failures != null && failures.intValue() >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the bad badge was not counted");
    }

    private void scanExpectingFailure(String payload) throws Exception {
        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        Browser browser = new Browser();
        Browser.Page answer = Badges.scan(browser, browser.get(app.authorizationUrl()), payload);
        assertEquals(200, answer.status());
        assertNull(answer.location());
        assertTrue(answer.body().contains("QR Code Authentication Failed"), answer.body());
    }

    /** Keycloak records failures in the background: wait until the student is locked out by them. */
    private Map<String, Object> waitForLock() throws InterruptedException {
        Map<String, Object> status = Map.of();
        for (int i = 0; i < 50; i++) {
            status = realm.admin().attackDetection().bruteForceUserStatus(student);
            if (Boolean.TRUE.equals(status.get("disabled"))) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("badge failures did not lock the student out: " + status);
    }
}
