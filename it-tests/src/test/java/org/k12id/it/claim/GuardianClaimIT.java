package org.k12id.it.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.k12id.it.support.Accessibility;
import org.k12id.it.support.Badges;
import org.k12id.it.support.Browser;
import org.k12id.it.support.ChallengeAnswers;
import org.k12id.it.support.Chromium;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.IdentifierFirst;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.Oidc;
import org.k12id.it.support.TestUsers;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Parents and guardians claim with a code (issue 17): an LEA administrator sends an unclaimed guardian of their PSU's
 * students a code through the realm's SMTP settings (a real SMTP server in the test, GreenMail), in English or Spanish;
 * the guardian claims with the code and the address; a used, replaced or expired code is refused like any wrong detail.
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given guardians' claim codes sent by email from the demo realm")
class GuardianClaimIT {

    static final Pattern CODE = Pattern.compile("\\b([2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5})\\b");
    static final String EMAIL = "rosa.parent@example.org";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private TestUsers users;
    private GreenMail smtp;
    private Map<String, String> smtpBefore;
    private String guardian;

    @BeforeEach
    void setUp() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        RealmRepresentation settings = realm.admin().toRepresentation();
        smtpBefore = settings.getSmtpServer();
        settings.setSmtpServer(Map.of("host", "127.0.0.1", "port", String.valueOf(smtp.getSmtp().getPort()),
                "from", "no-reply@k12id.test", "fromDisplayName", "Demo School District"));
        realm.admin().update(settings);
        users = new TestUsers(realm.admin());
        guardian = users.create("g.claim.rosa", "Rosa", "Benitez", List.of("guardian"), List.of(),
                Map.of("guardianOf", List.of("9000000013"), "claimed", List.of("false")), null);
        var rep = realm.admin().users().get(guardian).toRepresentation();
        rep.setEmail(EMAIL);
        rep.setEmailVerified(true);
        realm.admin().users().get(guardian).update(rep);
    }

    @AfterEach
    void tearDown() throws Exception {
        setTimeOffset(0);
        users.removeAll();
        RealmRepresentation settings = realm.admin().toRepresentation();
        settings.setSmtpServer(smtpBefore == null ? new HashMap<>() : smtpBefore);
        realm.admin().update(settings);
        smtp.stop();
    }

    private HttpResponse<String> sendCode(String caller, String userId) throws Exception {
        String token = Badges.accessToken(realm.getBaseUrl(), caller, DemoRealm.PASSWORD);
        return HTTP.send(HttpRequest.newBuilder(URI.create(urls.getBase() + "/admin/realms/" + DemoRealm.NAME
                        + "/k12-claims/guardians/" + userId + "/code"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a code as lea-admin.920 and reads it from the email that arrives. */
    private String sendAndRead() throws Exception {
        int before = smtp.getReceivedMessages().length;
        HttpResponse<String> sent = sendCode("lea-admin.920", guardian);
        assertEquals(200, sent.statusCode(), sent.body());
        assertFalse(CODE.matcher(sent.body()).find(), "the answer does not carry the code");
        assertTrue(smtp.waitForIncomingEmail(10_000, before + 1), "an email arrives");
        MimeMessage mail = smtp.getReceivedMessages()[before];
        assertEquals(EMAIL, mail.getAllRecipients()[0].toString());
        Matcher code = CODE.matcher(GreenMailUtil.getBody(mail));
        assertTrue(code.find(), () -> "a code in the email:\n" + GreenMailUtil.getBody(mail));
        return code.group(1);
    }

    private Browser.Page claim(Browser browser, Oidc app, String code, String email) throws Exception {
        Browser.Page details = Claims.detailsPage(browser, app, "guardian", "en");
        return Claims.submit(browser, details, Map.of("k12_claim_code", code, "k12_claim_email", email));
    }

    private void setTimeOffset(int seconds) throws Exception {
        HttpResponse<String> set = HTTP.send(HttpRequest.newBuilder(URI.create(realm.getBaseUrl()
                        + "/k12-test-probe/time-offset/" + seconds)).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, set.statusCode(), set.body());
    }

    @Test
    @DisplayName("a guardian claims with the emailed code and address; the code works once, and a new code voids the old")
    void guardianClaimsWithTheCode() throws Exception {
        String first = sendAndRead();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertTrue(mail.getSubject().contains("Demo School District"), mail.getSubject());
        assertTrue(mail.getContentType().startsWith("multipart/alternative"), "HTML and text: " + mail.getContentType());
        String second = sendAndRead();
        assertNotEquals(first, second);

        Oidc app = Claims.app(realm.getBaseUrl());
        Browser old = new Browser();
        assertTrue(claim(old, app, first, EMAIL).document().text().contains(Claims.NOT_VERIFIED), "the replaced code is refused");

        Browser browser = Browser.stoppingAt(DemoRealm.PUBLIC_APP_REDIRECT);
        Oidc signIn = Claims.app(realm.getBaseUrl());
        // typed as a person would: lower case, spaces, the address in another case
        Browser.Page terms = claim(browser, signIn, " " + second.toLowerCase().replace("-", " - ") + " ", EMAIL.toUpperCase());
        assertNotNull(terms.document().selectFirst("#kc-accept"), terms::body);
        Browser.Page password = browser.submit(terms, "form", Map.of("accept", ""));
        Browser.Page questions = browser.submit(password, "form", Map.of("password-new", "Garden2026rose", "password-confirm", "Garden2026rose"));
        Browser.Page done = ChallengeAnswers.submit(browser, questions);
        assertTrue(signIn.exchange(signIn.codeFrom(done)).hasNonNull("access_token"), "signed in at the app");
        assertEquals(List.of("true"), realm.admin().users().get(guardian).toRepresentation().getAttributes().get("claimed"));

        Browser again = new Browser();
        assertTrue(claim(again, app, second, EMAIL).document().text().contains(Claims.NOT_VERIFIED), "a used code is refused");
        assertEquals(409, sendCode("lea-admin.920", guardian).statusCode(), "a claimed guardian gets no code");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "es"})
    @DisplayName("in a browser, a guardian claims with the emailed code and address, and arrives at the app")
    void guardianClaimsInTheBrowser(String language) throws Exception {
        String code = sendAndRead();
        WebDriver driver = Chromium.start();
        try {
            Accessibility.resize(driver, Accessibility.Viewport.PHONE);
            driver.get(Claims.app(realm.getBaseUrl()).authorizationUrl() + ("en".equals(language) ? "" : "&ui_locales=" + language));
            Claims.claimInBrowser(driver, "guardian", Map.of("k12_claim_code", code, "k12_claim_email", EMAIL), "Garden2026rose");
        } finally {
            driver.quit();
        }
        assertEquals(List.of("true"), realm.admin().users().get(guardian).toRepresentation().getAttributes().get("claimed"));
    }

    @Test
    @DisplayName("refusals of guardians' claims take about the same time: an unknown address, a wrong code, an expired one")
    void guardianRefusalsTakeTheSameTime() throws Exception {
        String code = sendAndRead();
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("unknown address", Map.of("k12_claim_code", code, "k12_claim_email", "nobody.here@example.org"));
        cases.put("wrong code", Map.of("k12_claim_code", "23456-789AB", "k12_claim_email", EMAIL));
        Map<String, List<Long>> times = new LinkedHashMap<>();
        cases.keySet().forEach(name -> times.put(name, new ArrayList<>()));
        for (int round = 0; round < 11; round++) {
            for (Map.Entry<String, Map<String, String>> attempt : cases.entrySet()) {
                realm.admin().attackDetection().clearBruteForceForUser(guardian);
                Browser browser = new Browser();
                Browser.Page details = Claims.detailsPage(browser, Claims.app(realm.getBaseUrl()), "guardian", "en");
                long start = System.nanoTime();
                Browser.Page answer = Claims.submit(browser, details, attempt.getValue());
                times.get(attempt.getKey()).add((System.nanoTime() - start) / 1_000_000);
                assertTrue(answer.document().text().contains(Claims.NOT_VERIFIED), attempt.getKey());
            }
        }
        Claims.assertSameTime(times);
    }

    @Test
    @DisplayName("an expired code is refused like a wrong one, and a wrong code or address gives the same words")
    void expiredAndWrongCodes() throws Exception {
        String code = sendAndRead();
        Oidc app = Claims.app(realm.getBaseUrl());
        assertTrue(claim(new Browser(), app, code, "someone.else@example.org").document().text().contains(Claims.NOT_VERIFIED));
        assertTrue(claim(new Browser(), app, "23456-789AB", EMAIL).document().text().contains(Claims.NOT_VERIFIED));
        realm.admin().attackDetection().clearBruteForceForUser(guardian);
        setTimeOffset(15 * 86_400); // past the default 14 days
        assertTrue(claim(new Browser(), app, code, EMAIL).document().text().contains(Claims.NOT_VERIFIED), "expired");
        setTimeOffset(0);
        assertEquals(List.of("false"), realm.admin().users().get(guardian).toRepresentation().getAttributes().get("claimed"));
        // within its days the same code is good: it was refused for its age alone
        assertNotNull(claim(new Browser(), app, code, EMAIL).document().selectFirst("#kc-accept"), "good before expiry");
    }

    @Test
    @DisplayName("only an LEA administrator of a linked student's PSU sends codes; others get 403 or the same 404")
    void whoSendsCodes() throws Exception {
        assertEquals(404, sendCode("lea-admin.32A", guardian).statusCode(), "a PSU the guardian's students are not in");
        assertEquals(403, sendCode("t.jones", guardian).statusCode(), "a teacher");
        assertEquals(404, sendCode("lea-admin.920", "no-such-user").statusCode());
        String student = realm.admin().users().searchByUsername("9000000013", true).get(0).getId();
        assertEquals(404, sendCode("lea-admin.920", student).statusCode(), "not a guardian");
        assertEquals(0, smtp.getReceivedMessages().length, "no email went out");
    }

    private HttpResponse<String> call(String caller, String method, String path) throws Exception {
        String token = Badges.accessToken(realm.getBaseUrl(), caller, DemoRealm.PASSWORD);
        return HTTP.send(HttpRequest.newBuilder(URI.create(urls.getBase() + "/admin/realms/" + DemoRealm.NAME + "/k12-claims/" + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("an LEA administrator lists a school's guardians, sends codes to every unclaimed one, and resets a claim")
    void schoolGuardiansAndReset() throws Exception {
        // 9000000013 is at Pine Elementary (920304); g.okafor's students are there too, but g.okafor has claimed
        String noEmail = users.create("g.claim.noemail", "Tomás", "Ibarra", List.of("guardian"), List.of(),
                Map.of("guardianOf", List.of("9000000013"), "claimed", List.of("false")), null);
        HttpResponse<String> list = call("lea-admin.920", "GET", "guardians?school=920304");
        assertEquals(200, list.statusCode(), list.body());
        JsonNode guardians = JSON.readTree(list.body()).path("guardians");
        Map<String, JsonNode> byId = new HashMap<>();
        guardians.forEach(g -> byId.put(g.path("id").asText(), g));
        assertTrue(byId.containsKey(guardian) && byId.containsKey(noEmail), list.body());
        assertFalse(byId.get(guardian).path("claimed").asBoolean());
        assertTrue(byId.get(guardian).path("codeSentAt").isNull() || byId.get(guardian).path("codeSentAt").isMissingNode(),
                () -> "no code sent yet: " + byId.get(guardian));
        assertTrue(guardians.toString().contains("Ethan Thomas"), "the linked student, by name");
        assertFalse(list.body().contains("@"), "no addresses in the list");

        HttpResponse<String> sent = call("lea-admin.920", "POST", "guardians/codes?school=920304");
        assertEquals(200, sent.statusCode(), sent.body());
        JsonNode answer = JSON.readTree(sent.body());
        assertEquals(1, answer.path("sent").asInt(), sent.body());
        assertEquals(noEmail, answer.path("noEmail").get(0).asText());
        assertTrue(smtp.waitForIncomingEmail(10_000, 1));
        JsonNode after = JSON.readTree(call("lea-admin.920", "GET", "guardians?school=920304").body()).path("guardians");
        after.forEach(g -> {
            if (g.path("id").asText().equals(guardian)) {
                assertTrue(g.path("codeSentAt").asLong() > 0, "the list says when the code was sent");
            }
        });

        assertEquals(404, call("lea-admin.32A", "GET", "guardians?school=920304").statusCode(), "another PSU's school");
        assertEquals(400, call("lea-admin.920", "GET", "guardians?school=92%27%3B").statusCode(), "not a school code");
        assertEquals(403, call("t.jones", "GET", "guardians?school=920304").statusCode());

        // a claimed employee of the PSU is reset: claimed=false, and the next sign-in asks to claim again
        String employee = users.create("e.claim.reset", "Ines", "Roldan", List.of("employee"), List.of(),
                Map.of("staffId", List.of("92007201"), "psuCode", List.of("920"), "claimed", List.of("true"),
                        "claimedAt", List.of("2026-09-01T12:00:00Z")), TestUsers.passwordSetDaysAgo("Harbor2026sea", 1));
        assertEquals(404, call("lea-admin.32A", "DELETE", "users/" + employee + "/claim").statusCode());
        HttpResponse<String> reset = call("lea-admin.920", "DELETE", "users/" + employee + "/claim");
        assertEquals(200, reset.statusCode(), reset.body());
        Map<String, List<String>> attributes = realm.admin().users().get(employee).toRepresentation().getAttributes();
        assertEquals(List.of("false"), attributes.get("claimed"));
        assertFalse(attributes.containsKey("claimedAt"));
        Oidc app = Claims.app(realm.getBaseUrl());
        Browser browser = new Browser();
        Browser.Page terms = IdentifierFirst.login(browser, browser.get(app.authorizationUrl()), "e.claim.reset", "Harbor2026sea");
        assertNotNull(terms.document().selectFirst("#kc-accept"), () -> "the claim is asked again:\n" + terms.body());
    }

    @Test
    @DisplayName("in the portal, an LEA administrator sees a school's guardians and sends one a code; the page meets WCAG 2.1 AA")
    void portalGuardiansView() throws Exception {
        WebDriver driver = Chromium.start();
        try {
            WebDriverWait wait = signInToPortal(driver);
            wait.until(d -> d.findElement(By.id("k12-guardians")).isDisplayed());
            new Select(driver.findElement(By.id("k12-guardians-school"))).selectByValue("920304");
            wait.until(d -> d.findElement(By.id("k12-guardians-rows")).getText().contains("Rosa Benitez"));
            WebElement send = driver.findElement(By.cssSelector("#k12-guardians-rows button[data-guardian='" + guardian + "']"));
            send.click();
            wait.until(d -> d.findElement(By.id("k12-guardians-status")).getText().contains("A claim code was sent to Rosa Benitez."));
            assertTrue(smtp.waitForIncomingEmail(10_000, 1), "the email arrives");
            wait.until(d -> d.findElement(By.id("k12-guardians-rows")).getText().contains("code sent"));
            assertEquals(guardian, driver.switchTo().activeElement().getDomAttribute("data-guardian"),
                    "the focus stays on the guardian's button");
            assertFalse(driver.getPageSource().contains(EMAIL), "no address on the page");
            Accessibility.assertAccessible(driver, "portal, parents and guardians");
        } finally {
            driver.quit();
        }
    }

    @Test
    @DisplayName("in the portal, an LEA administrator sees which students have claimed, clears a student's challenge questions and resets the claim")
    void portalClaimReset() throws Exception {
        String student = users.create("7100000901", "Zed", "Claimtest", List.of("student"), List.of(),
                Map.of("studentNumber", List.of("7100000901"), "psuCode", List.of("920"), "schoolCode", List.of("920312"),
                        "gradeLevel", List.of("7"), "claimed", List.of("true")), null);
        WebDriver driver = Chromium.start();
        try {
            WebDriverWait wait = signInToPortal(driver);
            wait.until(d -> d.findElement(By.id("k12-guardians")).isDisplayed());
            wait.ignoring(StaleElementReferenceException.class); // the list is redrawn under the test's feet
            new Select(driver.findElement(By.id("k12-school"))).selectByValue("920312");
            By row = By.xpath("//tbody[@id='k12-rows']/tr[td[contains(., '7100000901')]]");
            wait.until(d -> d.findElement(row).getText().contains("Claimed"));
            WebElement clear = driver.findElement(row).findElement(By.cssSelector("button.k12-clear-questions"));
            assertEquals("Clear challenge questions of Zed Claimtest", clear.getDomAttribute("aria-label"));
            clear.click();
            wait.until(d -> d.findElement(By.id("k12-confirm")).isDisplayed());
            driver.findElement(By.id("k12-confirm-ok")).click();
            wait.until(d -> d.findElement(By.id("k12-status")).getText().contains("Challenge questions cleared for 1 student"));
            assertTrue(realm.admin().users().get(student).toRepresentation().getRequiredActions()
                    .contains("k12-set-challenge-questions"), "asked to set new questions");
            wait.until(d -> d.findElement(row).getText().contains("Claimed"));
            WebElement reset = driver.findElement(row).findElement(By.cssSelector("button.k12-reset-claim"));
            assertEquals("Reset claim for Zed Claimtest", reset.getDomAttribute("aria-label"));
            reset.click();
            wait.until(d -> d.findElement(By.id("k12-confirm")).isDisplayed());
            driver.findElement(By.id("k12-confirm-ok")).click();
            wait.until(d -> d.findElement(By.id("k12-status")).getText().contains("Claim reset for 1 student"));
            wait.until(d -> d.findElement(row).getText().contains("Not claimed"));
            assertEquals(List.of("false"), realm.admin().users().get(student).toRepresentation().getAttributes().get("claimed"));
        } finally {
            driver.quit();
        }
    }

    /** Signs lea-admin.920 in to the district portal; the wait the test goes on with. */
    private WebDriverWait signInToPortal(WebDriver driver) {
        driver.get(realm.getBaseUrl() + "/k12-portal/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        IdentifierFirst.signIn(driver, "lea-admin.920", DemoRealm.PASSWORD);
        return wait;
    }

    @Test
    @DisplayName("when the email cannot be sent, the answer says so and the earlier code still works")
    void emailDown() throws Exception {
        String code = sendAndRead();
        smtp.stop();
        HttpResponse<String> failed = sendCode("lea-admin.920", guardian);
        assertEquals(502, failed.statusCode(), failed.body());
        assertTrue(failed.body().contains("email_failed"), failed.body());
        Browser browser = new Browser();
        Browser.Page terms = claim(browser, Claims.app(realm.getBaseUrl()), code, EMAIL);
        assertNotNull(terms.document().selectFirst("#kc-accept"), () -> "the earlier code still works:\n" + terms.body());
    }
}
