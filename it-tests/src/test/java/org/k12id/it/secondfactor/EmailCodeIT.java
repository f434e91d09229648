package org.k12id.it.secondfactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.k12id.it.secondfactor.CodeForms.assertAtApp;
import static org.k12id.it.secondfactor.CodeForms.assertCodePage;
import static org.k12id.it.secondfactor.CodeForms.resend;
import static org.k12id.it.secondfactor.CodeForms.type;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.it.recovery.Questions;
import org.k12id.it.support.Browser;
import org.k12id.it.support.ChallengeAnswers;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.IdentifierFirst;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.Mailbox;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The email code's limits on the real server, through the pages' own forms (issue 20): an expired code is refused;
 * "Resend code" is refused within the cooldown and past the hourly cap, and nothing is sent then; a locked-out account
 * is refused with the same words even with the right code; a mail server that is down, or an account without an
 * address, gets a plain message and nothing is set up; and no code or address reaches the events or the server's log.
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given the email code's limits on the real server")
class EmailCodeIT extends CodeTests {

    static final String WRONG = "That code did not work. Check it, or press &quot;Resend code&quot; for a new one.";

    private final List<String> addresses = new ArrayList<>();

    private String person(String name, boolean withAddress) {
        String address = withAddress ? "ec." + name + "." + run + "@example.org" : null;
        if (address != null) {
            addresses.add(address);
        }
        return EmailCodes.person(realm.admin(), users, username(name), address, "en", EmailCodes.SETUP);
    }

    private String username(String name) {
        return "73" + Math.abs(name.hashCode() % 1000) + run;
    }

    private String address(String name) {
        return "ec." + name + "." + run + "@example.org";
    }

    /** Username and password: the page that follows (the code page, here). */
    private Browser.Page signIn(Browser browser, String name) throws Exception {
        Browser.Page login = browser.get(EmailCodes.app(realm.getBaseUrl()).authorizationUrl());
        return IdentifierFirst.login(browser, login, username(name), EmailCodes.PASSWORD);
    }

    /** Sets the email code up for {@code name} (email number {@code index} carries the code). */
    private void setUp(Mailbox mail, String name, int index) throws Exception {
        Browser browser = new Browser();
        Browser.Page page = signIn(browser, name);
        assertCodePage(page);
        String code = EmailCodes.code(mail, index, address(name));
        codes.add(code);
        assertAtApp(type(browser, page, code));
    }

    @Test
    @DisplayName("a code typed after it expired is refused with the same words as a wrong one")
    void expired() throws Exception {
        String id = person("expired", true);
        try (Mailbox mail = Mailbox.open(realm.admin())) {
            setUp(mail, "expired", 0);
            assertEquals(1, EmailCodes.credentials(realm.admin(), id));
            Browser browser = new Browser();
            Browser.Page page = signIn(browser, "expired");
            assertCodePage(page);
            assertTrue(page.body().contains("It works for 5 minutes."), page::body);
            String code = EmailCodes.code(mail, 1, address("expired"));
            codes.add(code);
            EmailCodes.timeOffset(realm.getBaseUrl(), 301);
            Browser.Page refused = type(browser, page, code);
            assertCodePage(refused);
            assertTrue(refused.body().contains(WRONG), refused::body);
            assertNull(refused.location());
            EmailCodes.timeOffset(realm.getBaseUrl(), 0); // before the admin API is called again
        }
        EmailCodes.assertNotDisclosed(realm.admin(), logMark, codes, addresses);
    }

    @Test
    @DisplayName("Resend code is refused within 30 seconds, sending nothing; after it, a new code replaces the old")
    void resendCooldown() throws Exception {
        person("cooldown", true);
        try (Mailbox mail = Mailbox.open(realm.admin())) {
            setUp(mail, "cooldown", 0);
            Browser browser = new Browser();
            Browser.Page page = signIn(browser, "cooldown");
            String old = EmailCodes.code(mail, 1, address("cooldown"));
            codes.add(old);
            Browser.Page refused = resend(browser, page);
            assertCodePage(refused);
            assertTrue(refused.body().matches("(?s).*Wait [0-9]{1,2} seconds, then press &quot;Resend code&quot; again\\..*"),
                    refused::body);
            Thread.sleep(1_000);
            assertEquals(2, mail.count(), "nothing sent within the cooldown");

            EmailCodes.timeOffset(realm.getBaseUrl(), 31);
            Browser.Page resent = resend(browser, refused);
            assertTrue(resent.body().contains("We sent a new code."), resent::body);
            String fresh = EmailCodes.code(mail, 2, address("cooldown"));
            codes.add(fresh);
            Browser.Page oldRefused = type(browser, resent, old);
            assertTrue(oldRefused.body().contains(WRONG), "the earlier code no longer works");
            assertAtApp(type(browser, oldRefused, fresh));
            EmailCodes.timeOffset(realm.getBaseUrl(), 0); // before the admin API is called again
        }
        EmailCodes.assertNotDisclosed(realm.admin(), logMark, codes, addresses);
    }

    @Test
    @DisplayName("past 5 codes in an hour, Resend code says when to try again and sends nothing")
    void hourlyCap() throws Exception {
        String id = person("cap", true);
        long now = System.currentTimeMillis() / 1000;
        int base = (int) ((3_600 - now % 3_600 + 60) % 3_600); // a minute into a clock hour: the steps stay inside it
        try (Mailbox mail = Mailbox.open(realm.admin())) {
            EmailCodes.timeOffset(realm.getBaseUrl(), base);
            Browser browser = new Browser();
            Browser.Page page = signIn(browser, "cap");
            assertCodePage(page);
            mail.await(0);
            for (int send = 2; send <= 5; send++) {
                EmailCodes.timeOffset(realm.getBaseUrl(), base + 31 * (send - 1));
                page = resend(browser, page);
                assertTrue(page.body().contains("We sent a new code."), page::body);
                mail.await(send - 1);
            }
            EmailCodes.timeOffset(realm.getBaseUrl(), base + 31 * 5);
            page = resend(browser, page);
            assertCodePage(page);
            assertTrue(page.body().matches("(?s).*Too many codes were sent to this account\\. Try again in [0-9]{1,2} minutes, "
                    + "or try another way\\..*"), page::body);
            Thread.sleep(1_000);
            assertEquals(5, mail.count(), "nothing sent past the cap");
            EmailCodes.timeOffset(realm.getBaseUrl(), 0); // before the admin API is called again
            for (int i = 0; i < 5; i++) {
                codes.add(EmailCodes.code(mail, i, address("cap")));
            }
            assertEquals(0, EmailCodes.credentials(realm.admin(), id));
        }
        EmailCodes.assertNotDisclosed(realm.admin(), logMark, codes, addresses);
    }

    @Test
    @DisplayName("a locked-out account is refused with the same words, even with the right code")
    void lockedOut() throws Exception {
        String id = person("locked", true);
        try (Mailbox mail = Mailbox.open(realm.admin())) {
            setUp(mail, "locked", 0);
            Browser browser = new Browser();
            Browser.Page page = signIn(browser, "locked");
            String code = EmailCodes.code(mail, 1, address("locked"));
            codes.add(code);
            // two wrong codes within a second: Keycloak's quick-login check locks the account for a minute
            Browser.Page refused = browser.submit(page, "#k12-code-form", Map.of("k12_code", EmailCodeBrowserIT.wrong(code)));
            refused = browser.submit(refused, "#k12-code-form", Map.of("k12_code", EmailCodeBrowserIT.wrong(code)));
            assertTrue(refused.body().contains(WRONG), refused::body);
            Thread.sleep(2_000); // the brute-force protector records failures on its own thread
            assertEquals(Boolean.TRUE, realm.admin().attackDetection().bruteForceUserStatus(id).get("disabled"),
                    "the wrong codes locked the account");
            Browser.Page locked = browser.submit(refused, "#k12-code-form", Map.of("k12_code", code));
            assertCodePage(locked);
            assertTrue(locked.body().contains(WRONG), locked::body);
            assertNull(locked.location(), "not signed in");
        } finally {
            realm.admin().attackDetection().clearBruteForceForUser(id);
        }
        EmailCodes.assertNotDisclosed(realm.admin(), logMark, codes, addresses);
    }

    @Test
    @DisplayName("with the mail server down, setting up and signing in say so plainly, and nothing is set up")
    void mailServerDown() throws Exception {
        String id = person("down", true);
        person("downsetup", true);
        try (Mailbox mail = Mailbox.open(realm.admin())) {
            setUp(mail, "down", 0);
        }
        Map<String, String> before = realm.admin().toRepresentation().getSmtpServer();
        int deadPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = free.getLocalPort();
        }
        RealmRepresentation settings = realm.admin().toRepresentation();
        settings.setSmtpServer(Map.of("host", "127.0.0.1", "port", String.valueOf(deadPort), "from", "no-reply@k12id.test"));
        realm.admin().update(settings);
        try {
            Browser.Page signingIn = signIn(new Browser(), "down");
            assertCodePage(signingIn);
            assertTrue(signingIn.body().contains("We could not send the email right now. Try again later, or try another way."),
                    signingIn::body);

            Browser browser = new Browser();
            Browser.Page setup = signIn(browser, "downsetup");
            assertCodePage(setup);
            assertTrue(setup.body().contains("We could not send the email right now."), setup::body);
            Browser.Page guessed = type(browser, setup, "123456");
            assertTrue(guessed.body().contains(WRONG), guessed::body);
            String downSetup = realm.admin().users().search(username("downsetup"), true).get(0).getId();
            assertEquals(0, EmailCodes.credentials(realm.admin(), downSetup), "nothing set up");
            assertEquals(List.of(EmailCodes.SETUP), realm.admin().users().get(downSetup).toRepresentation().getRequiredActions(),
                    "still to be set up");
        } finally {
            RealmRepresentation back = realm.admin().toRepresentation();
            back.setSmtpServer(before == null ? new HashMap<>() : before);
            realm.admin().update(back);
        }
        assertEquals(1, EmailCodes.credentials(realm.admin(), id));
        EmailCodes.assertNotDisclosed(realm.admin(), logMark, codes, addresses);
    }

    @Test
    @DisplayName("an account without an address is told to ask the district for one, and nothing is set up")
    void noAddress() throws Exception {
        String id = person("none", false);
        try (Mailbox mail = Mailbox.open(realm.admin())) {
            Browser.Page page = signIn(new Browser(), "none");
            assertEquals(200, page.status(), page::body);
            assertTrue(page.body().contains("Your account has no email address. Ask your school district to add one"),
                    page::body);
            assertNull(page.document().selectFirst("#k12-code-form"), "no code field");
            Thread.sleep(1_000);
            assertEquals(0, mail.count(), "nothing sent");
        }
        assertEquals(0, EmailCodes.credentials(realm.admin(), id));
        assertFalse(realm.admin().users().get(id).credentials().stream().anyMatch(c -> EmailCodes.TYPE.equals(c.getType())));
    }

    @Test
    @DisplayName("Forgot my password asks for the email code after the answers: a wrong code does not pass, the right one leads to the new password")
    void forgotPassword() throws Exception {
        String address = address("reset");
        addresses.add(address);
        String id = EmailCodes.person(realm.admin(), users, username("reset"), address, "en", EmailCodes.SETUP,
                "k12-set-challenge-questions");
        try (Mailbox mail = Mailbox.open(realm.admin())) {
            Browser setUp = new Browser();
            Browser.Page questions = signIn(setUp, "reset");
            assertNotNull(questions.document().selectFirst("#k12-questions-form"), questions::body);
            Browser.Page page = ChallengeAnswers.submit(setUp, questions);
            assertCodePage(page);
            String first = EmailCodes.code(mail, 0, address);
            codes.add(first);
            assertAtApp(type(setUp, page, first));
            assertEquals(1, EmailCodes.credentials(realm.admin(), id));

            Browser browser = new Browser();
            Browser.Page answers = Questions.answersPage(browser, realm.getBaseUrl(), username("reset"), "en");
            Browser.Page code = Questions.answer(browser, answers, null);
            assertCodePage(code);
            assertNull(code.document().selectFirst("#password-new"), code::body);
            String second = EmailCodes.code(mail, 1, address);
            codes.add(second);
            Browser.Page wrong = type(browser, code, EmailCodeBrowserIT.wrong(second));
            assertTrue(wrong.body().contains(WRONG), wrong::body);
            assertNull(wrong.document().selectFirst("#password-new"), "a wrong code does not pass");
            Browser.Page password = type(browser, wrong, second);
            assertNotNull(password.document().selectFirst("#password-new"), () -> "then the new password:\n" + password.body());
        } finally {
            realm.admin().attackDetection().clearBruteForceForUser(id);
        }
        EmailCodes.assertNotDisclosed(realm.admin(), logMark, codes, addresses);
    }
}
