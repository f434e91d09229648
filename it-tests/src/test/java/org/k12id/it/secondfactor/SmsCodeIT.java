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

import java.util.ArrayList;
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
import org.k12id.it.support.SmsGateway;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The text message code on the real server, through the pages' own forms (issue 20), with the test's stand-in for
 * the carrier's gateway: set up with a number and a texted code; a wrong, an expired and a used code refused alike;
 * "Resend code" refused within the cooldown and past the hourly cap, sending nothing; the gateway down or silent, at
 * sign-in and at set-up, gives a plain message and changes nothing (no code, no cooldown, no send counted, nothing set
 * up); a number that is not one refused with the reason and nothing sent; and no code or number in events or the log.
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given the text message code on the real server")
class SmsCodeIT extends CodeTests {

    private final List<String> details = new ArrayList<>();

    /** A teacher asked to set up the text message code, with no email address. */
    private String person(String name) {
        return EmailCodes.person(realm.admin(), users, username(name), null, "en", SmsCodes.SETUP);
    }

    private String username(String name) {
        return "74" + Math.abs(name.hashCode() % 1000) + run;
    }

    private String number() {
        String number = SmsCodes.number();
        details.addAll(SmsCodes.details(number));
        return number;
    }

    private Browser.Page signIn(Browser browser, String name) throws Exception {
        Browser.Page login = browser.get(EmailCodes.app(realm.getBaseUrl()).authorizationUrl());
        return IdentifierFirst.login(browser, login, username(name), EmailCodes.PASSWORD);
    }

    private static Browser.Page typeNumber(Browser browser, Browser.Page page, String number) throws Exception {
        return browser.submit(page, SmsCodes.NUMBER_FORM, Map.of(SmsCodes.NUMBER_FIELD, number));
    }

    private static void assertNumberPage(Browser.Page page) {
        assertEquals(200, page.status(), page::body);
        assertNotNull(page.document().selectFirst(SmsCodes.NUMBER_FORM), page::body);
    }

    /** Sets the text message code up for {@code name} with {@code number}: the number page, then the texted code. */
    private void setUp(SmsGateway gateway, String name, String number) throws Exception {
        Browser browser = new Browser();
        Browser.Page page = signIn(browser, name);
        assertNumberPage(page);
        Browser.Page codePage = typeNumber(browser, page, number);
        assertCodePage(codePage);
        assertTrue(codePage.body().contains("To check your number, we texted a code to " + SmsCodes.masked(number)), codePage::body);
        String code = gateway.awaitCodeTo(number);
        codes.add(code);
        assertAtApp(type(browser, codePage, code));
    }

    @Test
    @DisplayName("set up with a texted code; then a wrong, an expired and a used code are refused alike, the right one signs in")
    void wrongExpiredUsed() throws Exception {
        String id = person("refused");
        String number = number();
        try (SmsGateway gateway = SmsGateway.open()) {
            Browser browser = new Browser();
            Browser.Page numberPage = signIn(browser, "refused");
            assertNumberPage(numberPage);
            Browser.Page codePage = typeNumber(browser, numberPage, number.substring(0, 2) + " (555) " + number.substring(5, 8)
                    + "-" + number.substring(8));
            assertCodePage(codePage);
            String setupCode = gateway.awaitCodeTo(number);
            codes.add(setupCode);
            assertEquals(SmsGateway.FROM, gateway.awaitLastTo(number).from());
            assertTrue(gateway.awaitLastTo(number).message().contains("It works for 5 minutes."), "the text says for how long");
            Browser.Page wrong = type(browser, codePage, EmailCodeBrowserIT.wrong(setupCode));
            assertTrue(wrong.body().contains(EmailCodeIT.WRONG), wrong::body);
            assertEquals(0, SmsCodes.credentials(realm.admin(), id), "a wrong code sets nothing up");
            assertAtApp(type(browser, wrong, setupCode));
            CredentialRepresentation credential = realm.admin().users().get(id).credentials().stream()
                    .filter(c -> SmsCodes.TYPE.equals(c.getType())).findFirst().orElseThrow();
            assertEquals(SmsCodes.masked(number), credential.getUserLabel(), "the account console shows the number masked");
            String shown = String.valueOf(credential.getCredentialData()) + credential.getSecretData();
            assertFalse(shown.contains(number.substring(5)), "the credential shows no number: " + shown);
            assertTrue(realm.admin().users().get(id).toRepresentation().getRequiredActions().isEmpty(), "set up");

            // signing in: the set-up's used code, then an expired one, are refused like a wrong one
            Browser signingIn = new Browser();
            Browser.Page page = signIn(signingIn, "refused");
            assertCodePage(page);
            assertTrue(page.body().contains("We texted a code to " + SmsCodes.masked(number) + ". Type it here."), page::body);
            assertFalse(page.body().contains(number.substring(5)), "the page does not show the number");
            String code = gateway.awaitCodeTo(number);
            codes.add(code);
            Browser.Page used = type(signingIn, page, setupCode);
            assertCodePage(used);
            assertTrue(used.body().contains(EmailCodeIT.WRONG), used::body);
            EmailCodes.timeOffset(realm.getBaseUrl(), 301);
            Browser.Page expired = type(signingIn, used, code);
            assertCodePage(expired);
            assertTrue(expired.body().contains(EmailCodeIT.WRONG), expired::body);
            assertNull(expired.location(), "not signed in");
            Browser.Page resent = resend(signingIn, expired);
            assertTrue(resent.body().contains("We sent a new code."), resent::body);
            String fresh = gateway.awaitCodeTo(number);
            codes.add(fresh);
            assertAtApp(type(signingIn, resent, fresh));
            EmailCodes.timeOffset(realm.getBaseUrl(), 0); // before the admin API is called again

            // a code that signed in once does not sign in again
            Browser again = new Browser();
            Browser.Page third = signIn(again, "refused");
            codes.add(gateway.awaitCodeTo(number));
            Browser.Page reused = type(again, third, fresh);
            assertTrue(reused.body().contains(EmailCodeIT.WRONG), reused::body);
            assertNull(reused.location(), "not signed in");
        }
        EmailCodes.assertAbsent(realm.admin(), logMark, codes, details);
    }

    @Test
    @DisplayName("Resend code waits out the cooldown and stops at 5 codes an hour, sending nothing; a failed send spends neither")
    void cooldownAndCap() throws Exception {
        String id = person("cap");
        String number = number();
        long now = System.currentTimeMillis() / 1000;
        int base = (int) ((3_600 - now % 3_600 + 60) % 3_600); // a minute into a clock hour: the steps stay inside it
        try (SmsGateway gateway = SmsGateway.open()) {
            EmailCodes.timeOffset(realm.getBaseUrl(), base);
            setUp(gateway, "cap", number); // code 1 of the hour
            Browser browser = new Browser();
            Browser.Page page = signIn(browser, "cap"); // code 2
            assertCodePage(page);
            assertEquals(2, gateway.textsTo(number).size());
            page = resend(browser, page);
            assertCodePage(page);
            assertTrue(page.body().matches("(?s).*Wait [0-9]{1,2} seconds, then press &quot;Resend code&quot; again\\..*"), page::body);
            for (int send = 3; send <= 4; send++) {
                EmailCodes.timeOffset(realm.getBaseUrl(), base + 31 * (send - 2));
                page = resend(browser, page);
                assertTrue(page.body().contains("We sent a new code."), page::body);
            }
            EmailCodes.timeOffset(realm.getBaseUrl(), base + 31 * 3);
            gateway.mode(SmsGateway.Mode.DOWN);
            page = resend(browser, page);
            assertCodePage(page);
            assertTrue(page.body().contains(SmsCodes.SEND_FAILED), page::body);
            gateway.mode(SmsGateway.Mode.UP);
            page = resend(browser, page); // at once: the failed send started no cooldown and counted for nothing
            assertTrue(page.body().contains("We sent a new code."), page::body);
            assertEquals(5, gateway.textsTo(number).size());
            EmailCodes.timeOffset(realm.getBaseUrl(), base + 31 * 4);
            page = resend(browser, page);
            assertCodePage(page);
            assertTrue(page.body().matches("(?s).*Too many codes were sent to this account\\. Try again in [0-9]{1,2} minutes, "
                    + "or try another way\\..*"), page::body);
            assertEquals(5, gateway.textsTo(number).size(), "nothing sent past the cap");
            String last = gateway.awaitCodeTo(number);
            codes.add(last);
            assertAtApp(type(browser, page, last));
            EmailCodes.timeOffset(realm.getBaseUrl(), 0); // before the admin API is called again
            gateway.texts().forEach(text -> codes.add(text.message().replaceAll("(?s).*?(\\d{6}).*", "$1")));
        }
        assertEquals(1, SmsCodes.credentials(realm.admin(), id));
        EmailCodes.assertAbsent(realm.admin(), logMark, codes, details);
    }

    @Test
    @DisplayName("the gateway down or silent at sign-in: a plain message, no code kept, and Resend works at once when it is back")
    void gatewayDownAtSignIn() throws Exception {
        person("down");
        String number = number();
        try (SmsGateway gateway = SmsGateway.open()) {
            setUp(gateway, "down", number);
            for (SmsGateway.Mode mode : List.of(SmsGateway.Mode.DOWN, SmsGateway.Mode.SILENT)) {
                gateway.mode(mode);
                Browser browser = new Browser();
                Browser.Page page = signIn(browser, "down");
                assertCodePage(page);
                assertTrue(page.body().contains(SmsCodes.SEND_FAILED), () -> mode + ":\n" + page.body());
                assertEquals(1, gateway.textsTo(number).size(), "nothing sent");
                Browser.Page guessed = type(browser, page, "123456");
                assertTrue(guessed.body().contains(EmailCodeIT.WRONG), guessed::body);
                if (mode == SmsGateway.Mode.SILENT) {
                    gateway.mode(SmsGateway.Mode.UP);
                    Browser.Page resent = resend(browser, guessed);
                    assertTrue(resent.body().contains("We sent a new code."), resent::body);
                    String code = gateway.awaitCodeTo(number);
                    codes.add(code);
                    assertAtApp(type(browser, resent, code));
                }
            }
        }
        EmailCodes.assertAbsent(realm.admin(), logMark, codes, details);
    }

    @Test
    @DisplayName("the gateway down at set-up: a plain message on the number page, nothing kept and nothing set up")
    void gatewayDownAtSetUp() throws Exception {
        String id = person("downsetup");
        String number = number();
        try (SmsGateway gateway = SmsGateway.open()) {
            gateway.mode(SmsGateway.Mode.DOWN);
            Browser browser = new Browser();
            Browser.Page page = signIn(browser, "downsetup");
            assertNumberPage(page);
            Browser.Page failed = typeNumber(browser, page, number);
            assertNumberPage(failed);
            assertTrue(failed.body().contains(SmsCodes.SEND_FAILED), failed::body);
            assertNull(failed.document().selectFirst("#k12-code-form"), "no code page");
            Browser.Page guessed = browser.submit(failed, SmsCodes.NUMBER_FORM, Map.of("k12_code", "123456"));
            assertNumberPage(guessed);
            assertTrue(gateway.texts().isEmpty(), "nothing sent");
            assertEquals(0, SmsCodes.credentials(realm.admin(), id), "nothing set up");
            assertEquals(List.of(SmsCodes.SETUP), realm.admin().users().get(id).toRepresentation().getRequiredActions(),
                    "still to be set up");
            gateway.mode(SmsGateway.Mode.UP);
            Browser.Page codePage = typeNumber(browser, guessed, number); // at once: no cooldown was started
            assertCodePage(codePage);
            codes.add(gateway.awaitCodeTo(number));
            Browser.Page other = browser.submit(codePage, "#k12-code-resend-form", Map.of("k12_phone_other", "true"));
            assertNumberPage(other); // "Use another number"
            assertEquals(0, SmsCodes.credentials(realm.admin(), id), "nothing set up until a code is typed");
        }
        EmailCodes.assertAbsent(realm.admin(), logMark, codes, details);
    }

    @Test
    @DisplayName("a number that is not one (letters, too short, huge, markup) is refused with the reason and nothing is sent")
    void invalidNumbers() throws Exception {
        String id = person("invalid");
        Map<String, String> refusals = Map.of(
                "+1 555 CALL NOW", "A phone number has no letters.",
                "+1 555 12", "A mobile number has 8 to 15 digits after the +",
                "+1" + "5".repeat(5_000), "That is too long for a phone number.",
                "+1<script>alert(1)</script>", "Use only digits, spaces, dashes, dots and parentheses after the +",
                "\"><img src=x onerror=alert(1)>", "Use only digits, spaces, dashes, dots and parentheses after the +",
                "+1 555 555 1234; 5", "Use only digits, spaces, dashes, dots and parentheses after the +",
                "555 555 1234", "Start with + and the country code");
        try (SmsGateway gateway = SmsGateway.open()) {
            Browser browser = new Browser();
            Browser.Page page = signIn(browser, "invalid");
            assertNumberPage(page);
            for (Map.Entry<String, String> refusal : refusals.entrySet()) {
                Browser.Page refused = typeNumber(browser, page, refusal.getKey());
                assertNumberPage(refused);
                assertTrue(refused.body().contains(refusal.getValue()), () -> refusal.getKey() + ":\n" + refused.body());
                assertEquals("true", refused.document().selectFirst("#k12_phone").attr("aria-invalid"), refused::body);
                assertFalse(refused.body().contains("<script>alert") || refused.body().contains("<img src=x"),
                        "typed markup is shown as text only");
                page = refused;
            }
            assertTrue(gateway.texts().isEmpty(), "nothing sent");
        }
        assertEquals(0, SmsCodes.credentials(realm.admin(), id), "nothing set up");
    }

    @Test
    @DisplayName("Forgot my password asks for the texted code after the answers: a wrong code does not pass, the right one leads to the new password")
    void forgotPassword() throws Exception {
        String id = EmailCodes.person(realm.admin(), users, username("reset"), null, "en", SmsCodes.SETUP,
                "k12-set-challenge-questions");
        String number = number();
        try (SmsGateway gateway = SmsGateway.open()) {
            // set up: the questions and the number, in the order the required actions come
            Browser setUp = new Browser();
            Browser.Page page = signIn(setUp, "reset");
            for (int step = 0; step < 4 && page.location() == null; step++) {
                if (page.document().selectFirst("#k12-questions-form") != null) {
                    page = ChallengeAnswers.submit(setUp, page);
                } else if (page.document().selectFirst(SmsCodes.NUMBER_FORM) != null) {
                    page = typeNumber(setUp, page, number);
                } else {
                    assertCodePage(page);
                    String code = gateway.awaitCodeTo(number);
                    codes.add(code);
                    page = type(setUp, page, code);
                }
            }
            assertAtApp(page);
            assertEquals(1, SmsCodes.credentials(realm.admin(), id));

            Browser browser = new Browser();
            Browser.Page answers = Questions.answersPage(browser, realm.getBaseUrl(), username("reset"), "en");
            Browser.Page code = Questions.answer(browser, answers, null);
            assertCodePage(code);
            assertNull(code.document().selectFirst("#password-new"), code::body);
            String texted = gateway.awaitCodeTo(number);
            codes.add(texted);
            Browser.Page wrong = type(browser, code, EmailCodeBrowserIT.wrong(texted));
            assertTrue(wrong.body().contains(EmailCodeIT.WRONG), wrong::body);
            assertNull(wrong.document().selectFirst("#password-new"), "a wrong code does not pass");
            Browser.Page password = type(browser, wrong, texted);
            assertNotNull(password.document().selectFirst("#password-new"), () -> "then the new password:\n" + password.body());
        } finally {
            realm.admin().attackDetection().clearBruteForceForUser(id);
        }
        EmailCodes.assertAbsent(realm.admin(), logMark, codes, details);
    }
}
