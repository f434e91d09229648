package org.k12id.it.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
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
import org.k12id.it.support.IdentifierFirst;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.Oidc;
import org.k12id.it.support.TestUsers;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given a PreK-5 student with a badge issued by their LEA administrator")
class BadgeLoginIT {

    static final String FAILED = Badges.FAILED;

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private TestUsers users;
    private String adminToken;
    private String grade3;
    private String grade7;

    @BeforeEach
    void setUp() throws Exception {
        users = new TestUsers(realm.admin());
        Map<String, List<String>> g3 = Map.of("psuCode", List.of("920"), "schoolCode", List.of("920304"),
                "gradeLevel", List.of("3"), "studentNumber", List.of("9100000003"));
        grade3 = users.create("9100000003", "Nia", "Okafor", List.of("student"), List.of(), g3,
                TestUsers.passwordSetDaysAgo("Studentpass1", 1));
        Map<String, List<String>> g7 = new HashMap<>(g3);
        g7.put("gradeLevel", List.of("7"));
        g7.put("studentNumber", List.of("9100000007"));
        grade7 = users.create("9100000007", "Leo", "Park", List.of("student"), List.of(), g7, null);
        adminToken = Badges.accessToken(realm.getBaseUrl(), "lea-admin.920", DemoRealm.PASSWORD);
    }

    @AfterEach
    void tearDown() {
        setOptOut(null);
        users.removeAll();
    }

    private String issue(String userId) throws Exception {
        return Badges.issuePayload(urls.getBase(), adminToken, userId);
    }

    private JsonNode loginWithBadge(String payload) throws Exception {
        return Badges.login(realm.getBaseUrl(), payload);
    }

    private void assertRefused(String payload) throws Exception {
        Badges.assertRefused(realm.getBaseUrl(), payload);
    }

    @Test
    @DisplayName("the badge from the API logs the student in through the code flow, and the tokens say it was a badge")
    void badgeLogin() throws Exception {
        String payload = issue(grade3);
        assertTrue(payload.matches("K12B1\\.[A-Z2-7]{26}\\.[A-Z2-7]{26}"), payload);
        assertFalse(payload.contains("9100000003"), "the badge does not carry the username");

        JsonNode id = loginWithBadge(payload);
        assertEquals("9100000003", id.path("preferred_username").asText());
        assertEquals("badge", id.path("k12_login_method").asText());
        assertEquals("3", id.path("gradeLevel").asText());
    }

    @Test
    @DisplayName("a keyboard-wedge scanner types the payload into the username field and presses Enter: logged in")
    void keyboardWedge() throws Exception {
        String payload = issue(grade3);
        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        Browser browser = new Browser();
        Browser.Page done = browser.submit(browser.get(app.authorizationUrl()), "#kc-form-login", Map.of("username", payload));
        JsonNode id = Oidc.claims(app.exchange(app.codeFrom(done)).get("id_token").asText());
        assertEquals("9100000003", id.path("preferred_username").asText());
    }

    @Test
    @DisplayName("a student with a badge can still use username and password, and that login is not a badge login")
    void passwordStillWorks() throws Exception {
        issue(grade3);
        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        Browser browser = new Browser();
        Browser.Page done = IdentifierFirst.login(browser, browser.get(app.authorizationUrl()), "9100000003", "Studentpass1");
        JsonNode id = Oidc.claims(app.exchange(app.codeFrom(done)).get("id_token").asText());
        assertEquals("password", id.path("k12_login_method").asText(), id.toString());
    }

    @Test
    @DisplayName("issuing a new badge voids the old one at once")
    void reissueVoidsOld() throws Exception {
        String first = issue(grade3);
        String second = issue(grade3);
        assertFalse(first.equals(second));
        assertRefused(first);
        assertEquals("9100000003", loginWithBadge(second).path("preferred_username").asText());
    }

    @Test
    @DisplayName("a grade opted out by the PSU, a student now in grade 7 and a disabled student are refused like a bad badge; no badge is issued in grade 7")
    void ineligibleStudentsAreRefusedLikeABadBadge() throws Exception {
        String payload = issue(grade3);
        setOptOut("3");
        assertRefused(payload);
        assertEquals(409, Badges.issue(urls.getBase(), DemoRealm.NAME, adminToken, grade3).getKey(),
                "no badge is printed for an opted-out grade");
        setOptOut("-3,-2");
        loginWithBadge(payload);

        assertEquals(409, Badges.issue(urls.getBase(), DemoRealm.NAME, adminToken, grade7).getKey(),
                "no badge is issued outside the badge step's grades");
        String moved = issue(grade3);
        UserRepresentation older = realm.admin().users().get(grade3).toRepresentation();
        older.getAttributes().put("gradeLevel", List.of("7"));
        realm.admin().users().get(grade3).update(older);
        assertRefused(moved);
        older.getAttributes().put("gradeLevel", List.of("3"));
        realm.admin().users().get(grade3).update(older);

        String again = issue(grade3);
        UserRepresentation rep = realm.admin().users().get(grade3).toRepresentation();
        rep.setEnabled(false);
        realm.admin().users().get(grade3).update(rep);
        assertRefused(again);
    }

    @Test
    @DisplayName("a malformed, tampered or unknown badge gets the same answer, with no server error")
    void badPayloads() throws Exception {
        String payload = issue(grade3);
        String tampered = payload.substring(0, 40) + (payload.charAt(40) == 'A' ? 'B' : 'A') + payload.substring(41);
        for (String bad : List.of(tampered, "K12B1.not-a-badge", "K12B1." + "A".repeat(5000), "K12B9.XYZ",
                "K12B1.AAAAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAA", "<script>alert(1)</script>")) {
            assertRefused(bad);
        }
    }

    @Test
    @DisplayName("by default a password change leaves the badge working; with 'Void badges when the password changes' it voids it")
    void voidOnPasswordChange() throws Exception {
        String payload = issue(grade3);
        resetPassword("Newpass2027x");
        loginWithBadge(payload);

        org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation step = realm.admin().flows()
                .getExecutions("k12 browser forms").stream()
                .filter(e -> "k12-username-badge-form".equals(e.getProviderId())).findFirst().orElseThrow();
        org.keycloak.representations.idm.AuthenticatorConfigRepresentation config =
                realm.admin().flows().getAuthenticatorConfig(step.getAuthenticationConfig());
        Map<String, String> original = new HashMap<>(config.getConfig());
        try {
            config.getConfig().put("k12.badge.voidOnPasswordChange", "true");
            realm.admin().flows().updateAuthenticatorConfig(config.getId(), config);
            assertRefused(payload); // issued before the password change above
            realm.admin().attackDetection().clearBruteForceForUser(grade3); // two quick failures would lock her out
            String fresh = issue(grade3);
            loginWithBadge(fresh);
            Thread.sleep(5);
            resetPassword("Newpass2028x");
            assertRefused(fresh);
            realm.admin().attackDetection().clearBruteForceForUser(grade3);
            loginWithBadge(issue(grade3));
        } finally {
            config.setConfig(original);
            realm.admin().flows().updateAuthenticatorConfig(config.getId(), config);
        }
    }

    private void resetPassword(String password) {
        org.keycloak.representations.idm.CredentialRepresentation credential = new org.keycloak.representations.idm.CredentialRepresentation();
        credential.setType("password");
        credential.setValue(password);
        credential.setTemporary(false);
        realm.admin().users().get(grade3).resetPassword(credential);
    }

    private void setOptOut(String grades) {
        RealmRepresentation rep = realm.admin().toRepresentation();
        Map<String, String> attributes = rep.getAttributes() == null ? new HashMap<>() : new HashMap<>(rep.getAttributes());
        if (grades == null) {
            attributes.remove("k12.badge.optOut.920");
        } else {
            attributes.put("k12.badge.optOut.920", grades);
        }
        rep.setAttributes(attributes);
        realm.admin().update(rep);
    }
}
