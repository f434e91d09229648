package org.k12id.it.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.it.support.Badges;
import org.k12id.it.support.Browser;
import org.k12id.it.support.ChallengeAnswers;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.IdentifierFirst;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.Oidc;
import org.k12id.it.support.TestUsers;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * "Claim My Account" over HTTP on the real server (issue 17): a student and an employee claim their account to the end
 * (terms of use, a password, signed in at the app), every refusal looks the same, a claimed account is not claimed
 * again, a locked account is refused with the same words, and the claim's required action catches an unclaimed person
 * signing in another way but never a badge sign-in or a younger student.
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given Claim My Account on the demo realm's sign-in")
class ClaimAccountIT {

    static final String NEW_PASSWORD = "River2026blue";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private TestUsers users;

    @BeforeEach
    void setUp() {
        users = new TestUsers(realm.admin());
    }

    @AfterEach
    void tearDown() {
        users.removeAll();
    }

    private String student(String uid, String grade, String birthdate, String claimed, String password) {
        Map<String, List<String>> attributes = new HashMap<>(Map.of("studentNumber", List.of(uid),
                "psuCode", List.of("920"), "schoolCode", List.of("920308"), "gradeLevel", List.of(grade),
                "dateOfBirth", List.of(birthdate)));
        if (claimed != null) {
            attributes.put("claimed", List.of(claimed));
        }
        return users.create(uid, "Rosa", "Quintero", List.of("student"), List.of(), attributes,
                password == null ? null : TestUsers.passwordSetDaysAgo(password, 1));
    }

    /**
     * Accepts the terms, chooses {@link #NEW_PASSWORD} and sets challenge questions; the answer is the redirect back to
     * the app.
     */
    private Browser.Page acceptTermsAndChoosePassword(Browser browser, Browser.Page terms) throws Exception {
        assertNotNull(terms.document().selectFirst("#kc-accept"), () -> "expected the terms of use:\n" + terms.body());
        Browser.Page password = browser.submit(terms, "form", Map.of("accept", ""));
        assertNotNull(password.document().selectFirst("#password-new"), () -> "expected the password page:\n" + password.body());
        Browser.Page mismatch = browser.submit(password, "form", Map.of("password-new", NEW_PASSWORD,
                "password-confirm", NEW_PASSWORD + "x"));
        assertNotNull(mismatch.document().selectFirst("#password-new"), "passwords that differ are refused");
        Browser.Page weak = browser.submit(mismatch, "form", Map.of("password-new", "rosa", "password-confirm", "rosa"));
        assertNotNull(weak.document().selectFirst("#password-new"), "the realm's policy is applied");
        Browser.Page questions = browser.submit(weak, "form", Map.of("password-new", NEW_PASSWORD, "password-confirm", NEW_PASSWORD));
        assertNotNull(questions.document().selectFirst("#k12-questions-form"), () -> "then the challenge questions:\n" + questions.body());
        return ChallengeAnswers.submit(browser, questions);
    }

    @Test
    @DisplayName("a grade 7 student claims with UID, grade, birthdate and PSU: terms, a password, signed in at the app; then never again")
    void studentClaimsEndToEnd() throws Exception {
        String id = student("7100000701", "7", "20130921", "false", null);
        Browser browser = Browser.stoppingAt(DemoRealm.PUBLIC_APP_REDIRECT);
        Oidc app = Claims.app(realm.getBaseUrl());
        Browser.Page details = Claims.detailsPage(browser, app, "lea-student", "en");
        // typed as people type them: spaces, lower case, the birthdate as a date field sends it
        Browser.Page terms = Claims.submit(browser, details, Claims.student(" 7100000701 ", "7", "2013-09-21", " 920 "));
        Browser.Page done = acceptTermsAndChoosePassword(browser, terms);
        assertTrue(app.exchange(app.codeFrom(done)).hasNonNull("access_token"), "signed in at the app");

        UserRepresentation user = realm.admin().users().get(id).toRepresentation();
        assertEquals(List.of("true"), user.getAttributes().get("claimed"));
        Instant claimedAt = Instant.parse(user.getAttributes().get("claimedAt").get(0));
        assertTrue(claimedAt.isAfter(Instant.now().minusSeconds(120)), "claimed with the date");

        // the new password signs in, with no terms again
        Browser again = Browser.stoppingAt(DemoRealm.PUBLIC_APP_REDIRECT);
        Browser.Page signedIn = IdentifierFirst.login(again, again.get(app.authorizationUrl()), "7100000701", NEW_PASSWORD);
        assertNotNull(app.codeFrom(signedIn));

        // the same details again: told it is claimed, since knowing them is the proof
        Browser third = new Browser();
        Browser.Page claimed = Claims.submit(third, Claims.detailsPage(third, realm.getBaseUrl(), "lea-student", "en"), Claims.student("7100000701", "7", "20130921", "920"));
        assertTrue(claimed.document().text().contains("This account has already been claimed"), claimed::body);

        // the events say which policy and how it ended, and nothing the person typed
        List<EventRepresentation> events = realm.admin().getEvents(null, null, id, null, null, null, 0, 100);
        assertTrue(events.stream().anyMatch(e -> "lea-student".equals(details(e).get("k12_claim_policy"))), events::toString);
        for (EventRepresentation event : events) {
            details(event).forEach((key, value) -> assertFalse(value.contains("20130921") || value.contains("2013-09-21"),
                    () -> "the birthdate in an event: " + key));
        }
    }

    private static Map<String, String> details(EventRepresentation event) {
        return event.getDetails() == null ? Map.of() : event.getDetails();
    }

    @Test
    @DisplayName("an employee claims in Spanish with staff UID, birthdate and PSU, and is signed in at the app")
    void employeeClaimsInSpanish() throws Exception {
        String id = users.create("e.claim.es", "Marta", "Salinas", List.of("employee"), List.of(),
                Map.of("staffId", List.of("92007101"), "psuCode", List.of("920"), "schoolCode", List.of("920304"),
                        "dateOfBirth", List.of("19850704"), "claimed", List.of("false")), null);
        Browser browser = Browser.stoppingAt(DemoRealm.PUBLIC_APP_REDIRECT);
        Oidc app = Claims.app(realm.getBaseUrl());
        Browser.Page details = Claims.detailsPage(browser, app, "lea-employee", "es");
        assertEquals("Reclamar mi cuenta", details.document().selectFirst("#kc-page-title").text());
        assertNotNull(details.document().selectFirst("label[for=k12_claim_uid]:contains(UID de empleado)"));
        assertNull(details.document().selectFirst("#k12_claim_grade"), "an employee is not asked for a grade");
        Browser.Page terms = Claims.submit(browser, details, Claims.employee("92007101", "07/04/1985", "920"));
        assertEquals("Términos de uso", terms.document().selectFirst("#kc-page-title").text(), terms::body);
        Browser.Page done = acceptTermsAndChoosePassword(browser, terms);
        assertTrue(app.exchange(app.codeFrom(done)).hasNonNull("access_token"));
        assertEquals(List.of("true"), realm.admin().users().get(id).toRepresentation().getAttributes().get("claimed"));
    }

    @Test
    @DisplayName("every refusal is the same page and words: unknown UID, wrong birthdate, grade or PSU, a grade 5 student, a disabled account")
    void refusalsLookTheSame() throws Exception {
        student("7100000702", "8", "20120101", "false", null);
        student("7100000703", "5", "20150505", "false", null);
        String disabled = student("7100000704", "9", "20110202", "false", null);
        UserRepresentation off = realm.admin().users().get(disabled).toRepresentation();
        off.setEnabled(false);
        realm.admin().users().get(disabled).update(off);

        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("unknown UID", Claims.student("7100000799", "8", "20120101", "920"));
        cases.put("wrong birthdate", Claims.student("7100000702", "8", "20120102", "920"));
        cases.put("wrong grade", Claims.student("7100000702", "9", "20120101", "920"));
        cases.put("wrong PSU", Claims.student("7100000702", "8", "20120101", "921"));
        cases.put("grade 5, every detail right", Claims.student("7100000703", "5", "20150505", "920"));
        cases.put("disabled, every detail right", Claims.student("7100000704", "9", "20110202", "920"));
        String first = null;
        for (Map.Entry<String, Map<String, String>> attempt : cases.entrySet()) {
            Browser browser = new Browser();
            Browser.Page answer = Claims.submit(browser, Claims.detailsPage(browser, realm.getBaseUrl(), "lea-student", "en"), attempt.getValue());
            assertEquals(200, answer.status(), attempt.getKey());
            assertTrue(answer.document().text().contains(Claims.NOT_VERIFIED), () -> attempt.getKey() + ":\n" + answer.body());
            // the page shows the UID and PSU typed, so compare the pages with the same typed UID and PSU
            String page = Claims.withoutTokens(answer.body()).replace(attempt.getValue().get("k12_claim_uid"), "UID")
                    .replace("value=\"" + attempt.getValue().get("k12_claim_psu") + "\"", "value=\"PSU\"");
            if (first == null) {
                first = page;
            } else {
                assertEquals(first, page, attempt.getKey() + " differs from an unknown UID");
            }
        }
    }

    @Test
    @DisplayName("refusals take about the same time: the medians of an unknown UID, a wrong birthdate and a grade 5 student agree")
    void refusalsTakeTheSameTime() throws Exception {
        student("7100000711", "8", "20120101", "false", null);
        student("7100000712", "5", "20150505", "false", null);
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("unknown UID", Claims.student("7100000798", "8", "20120101", "920"));
        cases.put("wrong birthdate", Claims.student("7100000711", "8", "20120102", "920"));
        cases.put("grade 5, every detail right", Claims.student("7100000712", "5", "20150505", "920"));
        Map<String, List<Long>> times = new LinkedHashMap<>();
        cases.keySet().forEach(name -> times.put(name, new ArrayList<>()));
        for (int round = 0; round < 9; round++) { // interleaved, so that the machine's noise falls on every case alike
            for (Map.Entry<String, Map<String, String>> attempt : cases.entrySet()) {
                Browser browser = new Browser();
                Browser.Page details = Claims.detailsPage(browser, realm.getBaseUrl(), "lea-student", "en");
                long start = System.nanoTime();
                Browser.Page answer = Claims.submit(browser, details, attempt.getValue());
                times.get(attempt.getKey()).add((System.nanoTime() - start) / 1_000_000);
                assertTrue(answer.document().text().contains(Claims.NOT_VERIFIED), attempt.getKey());
            }
        }
        Claims.assertSameTime(times);
    }

    @Test
    @DisplayName("empty, malformed, huge and hostile details get a plain answer, never an error page, and claim nothing")
    void badInput() throws Exception {
        String id = student("7100000705", "10", "20100303", "false", null);
        Browser browser = new Browser();
        Browser.Page details = Claims.detailsPage(browser, realm.getBaseUrl(), "lea-student", "en");
        Browser.Page empty = Claims.submit(browser, details, Claims.student("", "", "", ""));
        assertEquals(200, empty.status());
        assertEquals("true", empty.document().selectFirst("#k12_claim_uid").attr("aria-invalid"));
        assertTrue(empty.document().text().contains("Type your UID."), empty::body);
        assertTrue(empty.document().text().contains("Type your birthdate."));

        Browser.Page notADate = Claims.submit(browser, empty, Claims.student("7100000705", "10", "21.03.2010", "920"));
        assertTrue(notADate.document().text().contains("Type the birthdate as YYYYMMDD or MM/DD/YYYY."), notADate::body);

        Browser.Page huge = Claims.submit(browser, notADate, Claims.student("7".repeat(100_000), "10", "2".repeat(5_000), "9".repeat(5_000)));
        assertEquals(200, huge.status());
        assertFalse(huge.body().contains("7".repeat(100)), "a huge value is not shown again");

        Browser.Page hostile = Claims.submit(browser, huge, Claims.student("<script>alert(1)</script>", "<b>", "20100303", "9'2\""));
        assertEquals(200, hostile.status());
        assertFalse(hostile.body().contains("<script>alert(1)"), "typed text is escaped");
        assertTrue(hostile.document().text().contains(Claims.NOT_VERIFIED));

        Browser.Page policy = browser.submit(hostile, "#k12-claim-other", Map.of());
        Browser.Page noPolicy = Claims.submit(browser, policy, Map.of("k12_claim_policy", "../admin"));
        assertTrue(noPolicy.document().text().contains("Choose who you are."), noPolicy::body);
        assertEquals(List.of("false"), realm.admin().users().get(id).toRepresentation().getAttributes().get("claimed"));
    }

    @Test
    @DisplayName("failed claims lock the account they name: then even its right details are refused with the same words")
    void failuresLockTheAccount() throws Exception {
        String id = student("7100000706", "11", "20090404", "false", null);
        for (int i = 0; i < 2; i++) { // two failures within a second: Keycloak's quick-login lock-out
            Browser browser = new Browser();
            Claims.submit(browser, Claims.detailsPage(browser, realm.getBaseUrl(), "lea-student", "en"), Claims.student("7100000706", "11", "2009041" + i, "920"));
        }
        // Keycloak's protector records failures in the background: wait until it has locked the account
        long deadline = System.currentTimeMillis() + 10_000;
        Map<String, Object> status = realm.admin().attackDetection().bruteForceUserStatus(id);
        while (!Boolean.TRUE.equals(status.get("disabled")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            status = realm.admin().attackDetection().bruteForceUserStatus(id);
        }
        assertEquals(Boolean.TRUE, status.get("disabled"), status.toString());
        Browser browser = new Browser();
        Browser.Page refused = Claims.submit(browser, Claims.detailsPage(browser, realm.getBaseUrl(), "lea-student", "en"), Claims.student("7100000706", "11", "20090404", "920"));
        assertTrue(refused.document().text().contains(Claims.NOT_VERIFIED), refused::body);
        assertEquals(List.of("false"), realm.admin().users().get(id).toRepresentation().getAttributes().get("claimed"));
        realm.admin().attackDetection().clearBruteForceForUser(id);
    }

    @Test
    @DisplayName("after the address's limit of failed claims, even right details are refused with the same words; under a higher limit they claim")
    void addressLimit() throws Exception {
        student("7100000710", "12", "20080808", "false", null);
        AuthenticatorConfigRepresentation settings = claimSettings();
        String before = settings.getConfig().get("k12.claim.addressLimit");
        try {
            settings.getConfig().put("k12.claim.addressLimit", "3");
            realm.admin().flows().updateAuthenticatorConfig(settings.getId(), settings);
            for (int i = 0; i < 3; i++) { // unknown UIDs: nothing is locked, only the address counts
                Browser browser = new Browser();
                Claims.submit(browser, Claims.detailsPage(browser, realm.getBaseUrl(), "lea-student", "en"), Claims.student("71000007" + (90 + i), "12", "20080808", "920"));
            }
            Browser browser = new Browser();
            Browser.Page refused = Claims.submit(browser, Claims.detailsPage(browser, realm.getBaseUrl(), "lea-student", "en"), Claims.student("7100000710", "12", "20080808", "920"));
            assertTrue(refused.document().text().contains(Claims.NOT_VERIFIED), refused::body);
        } finally {
            settings.getConfig().put("k12.claim.addressLimit", before);
            realm.admin().flows().updateAuthenticatorConfig(settings.getId(), settings);
        }
        Browser browser = new Browser();
        Browser.Page terms = Claims.submit(browser, Claims.detailsPage(browser, realm.getBaseUrl(), "lea-student", "en"), Claims.student("7100000710", "12", "20080808", "920"));
        assertNotNull(terms.document().selectFirst("#kc-accept"), () -> "under the demo's limit the claim goes on:\n" + terms.body());
    }

    @Test
    @DisplayName("the claim page's \"I'm not a robot\" is as hard and lasts as long as the step's settings say, and a claim passes it")
    void captchaSettings() throws Exception {
        student("7100000711", "9", "20110909", "false", null);
        AuthenticatorConfigRepresentation settings = claimSettings();
        Map<String, String> before = new HashMap<>(settings.getConfig());
        try {
            settings.getConfig().put("k12.captcha.maxNumber", "4321");
            settings.getConfig().put("k12.captcha.expirySeconds", "90");
            realm.admin().flows().updateAuthenticatorConfig(settings.getId(), settings);
            Browser browser = new Browser();
            Browser.Page details = Claims.detailsPage(browser, realm.getBaseUrl(), "lea-student", "en");
            JsonNode challenge = new ObjectMapper().readTree(details.document()
                    .selectFirst("#k12-claim-form altcha-widget[challenge]").attr("challenge"));
            assertEquals(4321, challenge.get("maxnumber").asLong(), challenge::toString);
            long expires = Long.parseLong(challenge.get("salt").asText().replaceAll(".*expires=(\\d+).*", "$1"));
            long lifetime = expires - Instant.now().getEpochSecond();
            assertTrue(lifetime > 60 && lifetime <= 90, () -> "challenge lasts " + lifetime + " s: " + challenge);
            Browser.Page terms = Claims.submit(browser, details, Claims.student("7100000711", "9", "20110909", "920"));
            assertNotNull(terms.document().selectFirst("#kc-accept"), terms::body);
        } finally {
            settings.setConfig(before);
            realm.admin().flows().updateAuthenticatorConfig(settings.getId(), settings);
        }
    }

    /** The settings of the demo realm's "Username, Student Badge or Claim" step. */
    private AuthenticatorConfigRepresentation claimSettings() {
        String id = realm.admin().flows().getExecutions("k12 browser forms").stream()
                .filter(e -> "k12-username-badge-form".equals(e.getProviderId())).findFirst().orElseThrow()
                .getAuthenticationConfig();
        return realm.admin().flows().getAuthenticatorConfig(id);
    }

    @Test
    @DisplayName("an unclaimed grade 8 student signing in with a password must first claim; a grade 2 student and a badge are not interrupted")
    void requiredActionCatchesOtherSignIns() throws Exception {
        student("7100000707", "8", "20120606", "false", "Default2026x");
        student("7100000708", "2", "20180606", "false", "Default2026y");
        Oidc app = Claims.app(realm.getBaseUrl());

        Browser older = Browser.stoppingAt(DemoRealm.PUBLIC_APP_REDIRECT);
        Browser.Page terms = IdentifierFirst.login(older, older.get(app.authorizationUrl()), "7100000707", "Default2026x");
        Browser.Page done = acceptTermsAndChoosePassword(older, terms);
        assertNotNull(app.codeFrom(done), "claimed, then signed in");

        Browser younger = Browser.stoppingAt(DemoRealm.PUBLIC_APP_REDIRECT);
        Browser.Page signedIn = IdentifierFirst.login(younger, younger.get(app.authorizationUrl()), "7100000708", "Default2026y");
        assertNotNull(app.codeFrom(signedIn), "a grade 2 student is managed by the teacher: not asked to claim");

        String badgeStudent = student("7100000709", "3", "20170707", "false", null);
        String token = Badges.accessToken(realm.getBaseUrl(), "lea-admin.920", DemoRealm.PASSWORD);
        String payload = Badges.issuePayload(urls.getBase(), token, badgeStudent);
        assertEquals("7100000709", Badges.login(realm.getBaseUrl(), payload).path("preferred_username").asText(),
                "a badge sign-in of an unclaimed student is not interrupted");
    }

    @Test
    @DisplayName("the demo realm has unclaimed accounts with their claim details, as the README lists them")
    void demoAccountsToClaim() {
        List<String> unclaimed = new ArrayList<>();
        for (String username : List.of("9000000021", "9000000026", "9000000031", "8000000046", "e.newhire", "g.newparent")) {
            UserRepresentation user = realm.admin().users().searchByUsername(username, true).get(0);
            assertEquals(List.of("false"), user.getAttributes().get("claimed"), username);
            assertTrue(user.getAttributes().containsKey(username.startsWith("g.") ? "guardianOf" : "dateOfBirth"), username);
            unclaimed.add(username);
        }
        assertEquals(6, unclaimed.size());
    }
}
