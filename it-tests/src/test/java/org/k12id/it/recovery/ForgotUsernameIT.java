package org.k12id.it.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.k12id.it.claim.Claims;
import org.k12id.it.support.Browser;
import org.k12id.it.support.Captchas;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.Oidc;
import org.k12id.it.support.ServerLog;
import org.k12id.it.support.TestUsers;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * "Forgot my username" over HTTP on the real server (issue 18): a known address is emailed every username with it (a
 * real SMTP server, GreenMail), in English or Spanish; an unknown one, a disabled account's and one over its hourly
 * limit get nothing; every one of them gets the same page, byte for byte, in the same time; "I'm not a robot" missing,
 * replayed or forged and a bad address are said at their field and send nothing; no event or log line names the address
 * or a username.
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given Forgot my username on the demo realm's sign-in")
class ForgotUsernameIT {

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    private TestUsers users;
    private GreenMail smtp;
    /** This run's own addresses and names: the single-use store's counts outlive a test, the server's log too. */
    private String run;

    @BeforeEach
    void setUp() throws Exception {
        users = new TestUsers(realm.admin());
        smtp = Recovery.startMail(realm);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        users.removeAll();
        Recovery.stopMail(realm, smtp);
    }

    /** A person with {@code email}, enabled or not; returns the id. */
    private String person(String username, String role, String email, boolean enabled) {
        String id = users.create(username, "Ana", "Fuentes", List.of(role), List.of(), Map.of(), null);
        UserRepresentation rep = realm.admin().users().get(id).toRepresentation();
        rep.setEmail(email);
        rep.setEnabled(enabled);
        realm.admin().users().get(id).update(rep);
        return id;
    }

    private String address(String name) {
        return name + "." + run + "@example.org";
    }

    private Browser.Page request(String address, String language) throws Exception {
        Browser browser = new Browser();
        return Recovery.request(browser, Recovery.askPage(browser, realm.getBaseUrl(), language), address);
    }

    /** Waits until {@code count} emails reached {@code address}; returns them. */
    private List<MimeMessage> awaitMails(String address, int count) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (Recovery.mailsTo(smtp, address).size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        List<MimeMessage> mails = Recovery.mailsTo(smtp, address);
        assertEquals(count, mails.size(), () -> "emails to " + address);
        return mails;
    }

    /**
     * No (further) email reaches {@code address}: a request to {@code witness} sent after it arrives first, then a
     * while longer for any straggler.
     */
    private void assertNoMoreMail(String address, int already) throws Exception {
        String witness = address("witness." + UUID.randomUUID().toString().substring(0, 6));
        person("fu.witness." + witness.hashCode(), "guardian", witness, true);
        request(witness, "en");
        awaitMails(witness, 1);
        Thread.sleep(1_000);
        assertEquals(already, Recovery.mailsTo(smtp, address).size(), () -> "no more email to " + address);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "es"})
    @DisplayName("a known address is emailed, in the page's language, every username with that address and no other")
    void knownAddress(String language) throws Exception {
        String family = address("family");
        String guardian = "g.fu." + language + "." + run;
        String sibling = "71" + Math.abs(run.hashCode() % 100_000_000) + language.length();
        person(guardian, "guardian", family, true);
        person(sibling, "student", family.toUpperCase(), true);
        String disabled = "g.fu.off." + language + "." + run;
        person(disabled, "guardian", family, false);
        String stranger = "g.fu.other." + language + "." + run;
        person(stranger, "guardian", address("other"), true);

        Browser.Page sent = request("  " + family.toUpperCase() + " ", language);
        assertEquals(200, sent.status());
        assertTrue(sent.document().text().contains("en".equals(language) ? Recovery.SENT_EN : Recovery.SENT_ES), sent::body);
        assertFalse(sent.body().contains(family) || sent.body().contains(guardian), "the page names neither address nor account");

        MimeMessage mail = awaitMails(family, 1).get(0);
        String body = GreenMailUtil.getBody(mail);
        assertTrue(mail.getContentType().startsWith("multipart/alternative"), "HTML and text: " + mail.getContentType());
        assertTrue(body.contains(guardian) && body.contains(sibling), () -> "both usernames:\n" + body);
        assertFalse(body.contains(disabled), "never a disabled account");
        assertFalse(body.contains(stranger), "never an account of another address");
        if ("en".equals(language)) {
            assertTrue(mail.getSubject().startsWith("Your username for"), mail.getSubject());
        } else {
            assertTrue(mail.getSubject().startsWith("Su nombre de usuario de"), mail.getSubject());
            assertTrue(body.contains("Las cuentas con esta direcci"), body);
        }
        assertTrue(Recovery.mailsTo(smtp, address("other")).isEmpty());
    }

    @Test
    @DisplayName("an unknown address and a disabled account's get the known address's page, byte for byte, and no email")
    void unknownAddressesLookTheSame() throws Exception {
        String known = address("known");
        person("g.fu.known." + run, "guardian", known, true);
        String off = address("off");
        person("g.fu.disabled." + run, "guardian", off, false);
        String unknown = address("nobody");

        String first = Claims.withoutTokens(request(known, "en").body());
        assertEquals(first, Claims.withoutTokens(request(unknown, "en").body()), "unknown address");
        assertEquals(first, Claims.withoutTokens(request(off, "en").body()), "disabled account");
        awaitMails(known, 1);
        assertNoMoreMail(unknown, 0);
        assertEquals(0, Recovery.mailsTo(smtp, off).size(), "a disabled account gets no email");
    }

    @Test
    @DisplayName("known and unknown addresses take the same time: the medians agree")
    void sameTime() throws Exception {
        AuthenticatorConfigRepresentation settings = Recovery.stepSettings(realm);
        Map<String, String> before = new HashMap<>(settings.getConfig());
        String known = address("timed");
        person("g.fu.timed." + run, "guardian", known, true);
        try {
            settings.getConfig().put("k12.forgotUsername.emailsPerHour", "100"); // every known request sends
            realm.admin().flows().updateAuthenticatorConfig(settings.getId(), settings);
            Map<String, String> cases = new LinkedHashMap<>();
            cases.put("known address", known);
            cases.put("unknown address", address("untimed"));
            Map<String, List<Long>> times = new LinkedHashMap<>();
            cases.keySet().forEach(name -> times.put(name, new ArrayList<>()));
            for (int round = 0; round < 11; round++) { // interleaved, so that the machine's noise falls on both alike
                for (Map.Entry<String, String> attempt : cases.entrySet()) {
                    Browser browser = new Browser();
                    Browser.Page ask = Recovery.askPage(browser, realm.getBaseUrl(), "en");
                    Map<String, String> fields = Map.of(Recovery.FIELD, attempt.getValue(),
                            Captchas.FIELD, Captchas.answer(ask.form(Recovery.FORM)));
                    long start = System.nanoTime();
                    Browser.Page answer = browser.submit(ask, Recovery.FORM, fields);
                    times.get(attempt.getKey()).add((System.nanoTime() - start) / 1_000_000);
                    assertTrue(answer.document().text().contains(Recovery.SENT_EN), attempt.getKey());
                }
            }
            Claims.assertSameTime(times);
            awaitMails(known, 11);
        } finally {
            settings.setConfig(before);
            realm.admin().flows().updateAuthenticatorConfig(settings.getId(), settings);
        }
    }

    @Test
    @DisplayName("at most 3 emails per address an hour: the 4th request, typed in another case, gets the same page and no email")
    void throttled() throws Exception {
        String known = address("often");
        person("g.fu.often." + run, "guardian", known, true);
        String first = null;
        for (int i = 0; i < 3; i++) {
            String page = Claims.withoutTokens(request(i == 1 ? known.toUpperCase() : known, "en").body());
            first = first == null ? page : first;
            awaitMails(known, i + 1);
        }
        Browser.Page fourth = request(" " + known + " ", "en");
        assertEquals(first, Claims.withoutTokens(fourth.body()), "the same page over the limit");
        assertNoMoreMail(known, 3);
        List<EventRepresentation> events = realm.admin().getEvents(List.of("LOGIN_ERROR"), null, null, null, null, null, 0, 200);
        assertTrue(events.stream().anyMatch(e -> "throttled".equals(details(e).get("k12_recovery"))), events::toString);
    }

    @Test
    @DisplayName("I'm not a robot missing, replayed or forged: said at the widget, nothing sent")
    void captchaRefused() throws Exception {
        String known = address("robot");
        person("g.fu.robot." + run, "guardian", known, true);

        Browser browser = new Browser();
        Browser.Page ask = Recovery.askPage(browser, realm.getBaseUrl(), "en");
        Browser.Page missing = browser.submit(ask, Recovery.FORM, Map.of(Recovery.FIELD, known));
        assertCaptchaRefused(missing, known);

        ObjectNode solved = Captchas.solve(missing.form(Recovery.FORM).selectFirst("altcha-widget").attr("challenge"));
        ObjectNode forged = solved.deepCopy();
        forged.put("number", solved.get("number").asLong() + 1);
        Browser.Page wrong = browser.submit(missing, Recovery.FORM, Map.of(Recovery.FIELD, known, Captchas.FIELD, Captchas.encode(forged)));
        assertCaptchaRefused(wrong, known);
        Browser.Page garbage = browser.submit(wrong, Recovery.FORM, Map.of(Recovery.FIELD, known,
                Captchas.FIELD, Base64.getEncoder().encodeToString("{\"x\":1}".getBytes())));
        assertCaptchaRefused(garbage, known);

        String answer = Captchas.encode(Captchas.solve(garbage.form(Recovery.FORM).selectFirst("altcha-widget").attr("challenge")));
        Browser.Page sent = browser.submit(garbage, Recovery.FORM, Map.of(Recovery.FIELD, known, Captchas.FIELD, answer));
        assertTrue(sent.document().text().contains(Recovery.SENT_EN), sent::body);
        awaitMails(known, 1);

        Browser again = new Browser();
        Browser.Page replayed = again.submit(Recovery.askPage(again, realm.getBaseUrl(), "en"), Recovery.FORM,
                Map.of(Recovery.FIELD, known, Captchas.FIELD, answer));
        assertCaptchaRefused(replayed, known);
        assertNoMoreMail(known, 1);
    }

    private static void assertCaptchaRefused(Browser.Page page, String typed) {
        assertEquals(200, page.status());
        assertNotNull(page.document().selectFirst("#input-error-k12_captcha"), page::body);
        assertTrue(page.document().text().contains("Check \"I'm not a robot\" and wait until it says so"), page::body);
        assertFalse(page.document().text().contains(Recovery.SENT_EN));
        assertEquals(typed, page.document().selectFirst("#" + Recovery.FIELD).val(), "the address is kept");
    }

    @Test
    @DisplayName("an empty, malformed, huge or hostile address: said at the field, never an error page, nothing sent")
    void badInput() throws Exception {
        Browser browser = new Browser();
        Browser.Page page = Recovery.askPage(browser, realm.getBaseUrl(), "en");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("", "Type your email address.");
        cases.put("   ", "Type your email address.");
        cases.put("rosa@", "Type an email address, such as name@example.org.");
        cases.put("rosa@example.org, eve@example.org", "Type an email address, such as name@example.org.");
        cases.put("<script>alert(1)</script>@x.org", "Type an email address, such as name@example.org.");
        cases.put("a".repeat(100_000) + "@example.org", "Type an email address, such as name@example.org.");
        for (Map.Entry<String, String> attempt : cases.entrySet()) {
            Browser.Page answer = Recovery.request(browser, page, attempt.getKey());
            assertEquals(200, answer.status(), () -> attempt.getKey() + ":\n" + answer.body());
            assertEquals("true", answer.document().selectFirst("#" + Recovery.FIELD).attr("aria-invalid"));
            assertEquals("input-error-" + Recovery.FIELD, answer.document().selectFirst("#" + Recovery.FIELD).attr("aria-describedby"));
            assertTrue(answer.document().selectFirst("#input-error-" + Recovery.FIELD).text().contains(attempt.getValue()), answer::body);
            assertFalse(answer.body().contains("<script>alert(1)"), "typed text is escaped");
            assertFalse(answer.body().contains("a".repeat(300)), "a huge value is not shown again");
            page = answer;
        }
        Browser.Page noStep = browser.submit(page, Recovery.FORM, Map.of("k12_forgot_username_step", "../admin"));
        assertEquals(200, noStep.status(), noStep::body);
        assertNotNull(noStep.document().selectFirst(Recovery.FORM), "an unknown step shows the form again");
        assertEquals(0, smtp.getReceivedMessages().length, "nothing was sent");
    }

    @Test
    @DisplayName("no event and no line of the server's log names the address or a username; the event says what happened")
    void nothingDisclosedInEventsOrLog() throws Exception {
        String known = address("private");
        String username = "g.fu.private." + run;
        String id = person(username, "guardian", known, true);
        request(known, "en");
        request(address("unheard"), "es");
        awaitMails(known, 1);

        List<EventRepresentation> events = realm.admin().getEvents(null, null, null, null, null, null, 0, 500);
        assertTrue(events.stream().anyMatch(e -> "username_requested".equals(details(e).get("k12_recovery"))
                && "k12_username_recovery".equals(e.getError())), events::toString);
        for (EventRepresentation event : events) {
            String text = String.valueOf(event.getDetails()) + event.getError() + event.getUserId();
            assertFalse(text.contains(run), () -> "an address or username of this test in an event: " + text);
            assertFalse(id.equals(event.getUserId()), "no event names the account");
        }
        String log = ServerLog.text();
        assertFalse(log.isEmpty(), "the server writes its log to " + ServerLog.FILE);
        assertFalse(log.contains(run), "the server's log names no address or username of this test");
    }

    private static Map<String, String> details(EventRepresentation event) {
        return event.getDetails() == null ? Map.of() : event.getDetails();
    }

    @Test
    @DisplayName("without a mail server, or with the setting off, the username page does not offer it")
    void notOfferedWithoutMail() throws Exception {
        AuthenticatorConfigRepresentation settings = Recovery.stepSettings(realm);
        Map<String, String> before = new HashMap<>(settings.getConfig());
        try {
            settings.getConfig().put("k12.forgotUsername.offered", "false");
            realm.admin().flows().updateAuthenticatorConfig(settings.getId(), settings);
            Browser browser = new Browser();
            Browser.Page username = browser.get(new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null,
                    DemoRealm.PUBLIC_APP_REDIRECT).authorizationUrl());
            assertNull(username.document().selectFirst("#k12-forgot-username-link"), "setting off");
            Browser.Page refused = browser.post(username.form("#kc-form-login").absUrl("action"),
                    Map.of("k12_forgot_username_step", "send", Recovery.FIELD, address("off")));
            assertEquals(200, refused.status());
            assertNull(refused.document().selectFirst(Recovery.FORM), "a crafted post is not answered as the recovery");
        } finally {
            settings.setConfig(before);
            realm.admin().flows().updateAuthenticatorConfig(settings.getId(), settings);
        }
        Recovery.stopMail(realm, smtp);
        Browser browser = new Browser();
        Browser.Page username = browser.get(new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null,
                DemoRealm.PUBLIC_APP_REDIRECT).authorizationUrl());
        assertNull(username.document().selectFirst("#k12-forgot-username-link"), "no mail server");
        smtp = Recovery.startMail(realm); // tearDown stops it again
        assertEquals(0, smtp.getReceivedMessages().length);
    }
}
