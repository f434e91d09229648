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
