package org.k12id.it.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.it.claim.Claims;
import org.k12id.it.support.Browser;
import org.k12id.it.support.Captchas;
import org.k12id.it.support.ChallengeAnswers;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.ServerLog;
import org.k12id.it.support.TestUsers;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * "Forgot my password" tells nothing about accounts and keeps nothing secret where it can be read (issue 18): the
 * answer pages of a person, an unknown name, a disabled account and an account without questions are the same apart
 * from per-request tokens and the question texts, and their refusals take the same time; "I'm not a robot" is checked
 * by the server (missing, forged and replayed answers refused); and after setting questions and recovering a
 * password, no answer, chosen question or proof-of-work answer is in the server's log, the events, the admin events or
 * the account's representations.
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given Forgot my password on the demo realm, nothing is disclosed")
class RecoveryDisclosureIT {

    static final String PASSWORD = "Harbor2026x";
    static final ObjectMapper JSON = new ObjectMapper();

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    private TestUsers users;

    @BeforeEach
    void setUp() {
        users = new TestUsers(realm.admin());
    }

    @AfterEach
    void tearDown() {
        users.removeAll();
    }

    private String student(String username, boolean enabled) {
        String id = users.create(username, "Rosa", "Quintero", List.of("student"), List.of(), Map.of(
                "studentNumber", List.of(username), "psuCode", List.of("920"), "schoolCode", List.of("920308"),
                "gradeLevel", List.of("8"), "claimed", List.of("true")), TestUsers.passwordSetDaysAgo(PASSWORD, 1));
        var rep = realm.admin().users().get(id).toRepresentation();
        rep.setRequiredActions(List.of("k12-set-challenge-questions"));
        realm.admin().users().get(id).update(rep);
        return id;
    }

    /** Signs the student in and sets {@code answers}; disables the account afterwards if asked. */
    private void withQuestions(String id, String username, Map<String, String> answers) throws Exception {
        Browser browser = new Browser();
        Browser.Page login = browser.get(Questions.app(realm.getBaseUrl()).authorizationUrl());
        Browser.Page password = browser.submit(login, "#kc-form-login", Map.of("username", username));
        Browser.Page setUp = browser.submit(password, "#kc-form-login", Map.of("password", PASSWORD));
        Browser.Page done = ChallengeAnswers.submit(browser, setUp, answers);
        assertTrue(done.location() != null && done.location().startsWith(DemoRealm.PUBLIC_APP_REDIRECT), done::body);
    }

    @Test
    @DisplayName("a person, an unknown name, a disabled account and an account without questions: the same pages and the same time")
    void samePagesSameTime() throws Exception {
        String person = student("7100000811", true);
        withQuestions(person, "7100000811", ChallengeAnswers.ANSWERS);
        String disabled = student("7100000812", true);
        withQuestions(disabled, "7100000812", ChallengeAnswers.ANSWERS);
        var rep = realm.admin().users().get(disabled).toRepresentation();
        rep.setEnabled(false);
        realm.admin().users().get(disabled).update(rep);
        String noQuestions = student("7100000813", true); // has no questions yet

        Map<String, String> names = new LinkedHashMap<>();
        names.put("person", "7100000811");
        names.put("unknown", "7100000899");
        names.put("disabled", "7100000812");
        names.put("no questions", "7100000813");
        Map<String, Browser> browsers = new LinkedHashMap<>();
        Map<String, Browser.Page> captchas = new LinkedHashMap<>();
        Map<String, Browser.Page> pages = new LinkedHashMap<>();
        for (Map.Entry<String, String> name : names.entrySet()) {
            Browser browser = new Browser();
            browsers.put(name.getKey(), browser);
            Browser.Page captcha = Questions.captchaPage(browser, realm.getBaseUrl(), name.getValue(), "en");
            captchas.put(name.getKey(), captcha);
            pages.put(name.getKey(), browser.submit(captcha, "#k12-captcha-form",
                    Map.of(Captchas.FIELD, Captchas.answer(captcha.form("#k12-captcha-form")))));
        }
        String captcha = Questions.withoutTokens(captchas.get("person").body());
        captchas.forEach((kind, page) -> assertEquals(captcha, Questions.withoutTokens(page.body()), kind + ": the same I'm not a robot page"));
        assertTrue(captcha.contains("kc-attempted-username"), "the name typed is shown, with Start Over, for every name");
        String expected = Questions.withoutTokens(pages.get("person").body());
        pages.forEach((kind, page) -> assertEquals(expected, Questions.withoutTokens(page.body()), kind + ": the same answers page"));

        Map<String, List<Long>> times = new LinkedHashMap<>();
        names.keySet().forEach(kind -> times.put(kind, new ArrayList<>()));
        Map<String, String> refusals = new LinkedHashMap<>();
        for (int round = 0; round < 9; round++) {
            // under the lock-out of 5 wrong tries: cleared between rounds (not timed), so there are samples enough
            realm.admin().attackDetection().clearBruteForceForUser(person);
            realm.admin().attackDetection().clearBruteForceForUser(disabled);
            realm.admin().attackDetection().clearBruteForceForUser(noQuestions);
            for (String kind : names.keySet()) {
                long t0 = System.nanoTime();
                Browser.Page refused = Questions.answer(browsers.get(kind), pages.get(kind), "wrong answer " + round);
                times.get(kind).add((System.nanoTime() - t0) / 1_000_000);
                assertTrue(refused.document().text().contains(Questions.WRONG), refused::body);
                pages.put(kind, refused);
                refusals.put(kind, Questions.withoutTokens(refused.body()));
            }
        }
        String refusal = refusals.get("person");
        refusals.forEach((kind, page) -> assertEquals(refusal, page, kind + ": the same refusal"));
        Claims.assertSameTime(times);
        realm.admin().attackDetection().clearBruteForceForUser(person);
    }

    @Test
    @DisplayName("I'm not a robot in Forgot my password is checked by the server: missing, forged and replayed answers are refused")
    void captchaChecked() throws Exception {
        Browser browser = new Browser();
        Browser.Page login = browser.get(Questions.app(realm.getBaseUrl()).authorizationUrl());
        Browser.Page reset = browser.get(login.document().selectFirst("#k12-forgot-password").absUrl("href"));
        Browser.Page captcha = browser.submit(reset, "#kc-reset-password-form", Map.of("username", "7100000899"));
        String answer = Captchas.answer(captcha.form("#k12-captcha-form"));

        Browser.Page missing = browser.submit(captcha, "#k12-captcha-form", Map.of());
        assertNotNull(missing.document().selectFirst("#k12-captcha-form"), "no answer: the same step again");
        Browser.Page forged = browser.submit(missing, "#k12-captcha-form", Map.of(Captchas.FIELD, answer.substring(4) + "AAAA"));
        assertNotNull(forged.document().selectFirst("#k12-captcha-form"), "a forged answer: the same step again");
        Browser.Page passed = browser.submit(forged, "#k12-captcha-form", Map.of(Captchas.FIELD, answer));
        assertNotNull(passed.document().selectFirst("#k12-answers-form"), passed::body);

        Browser other = new Browser();
        Browser.Page otherLogin = other.get(Questions.app(realm.getBaseUrl()).authorizationUrl());
        Browser.Page otherReset = other.get(otherLogin.document().selectFirst("#k12-forgot-password").absUrl("href"));
        Browser.Page otherCaptcha = other.submit(otherReset, "#kc-reset-password-form", Map.of("username", "7100000898"));
        Browser.Page replayed = other.submit(otherCaptcha, "#k12-captcha-form", Map.of(Captchas.FIELD, answer));
        assertNotNull(replayed.document().selectFirst("#k12-captcha-form"), "a used answer: the same step again");
    }

    @Test
    @DisplayName("after questions are set and a password recovered, no answer, chosen question or proof of work is in the log, events or representations")
    void nothingKept() throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("favorite-place", "Zephyrcove Lagoon");
        answers.put("favorite-song", "Quillowby March");
        answers.put("favorite-game", "Marblequest");
        answers.put("favorite-holiday", "Lanternfest");
        answers.put("favorite-snack", "Plumtart");
        String id = student("7100000814", true);
        withQuestions(id, "7100000814", answers);

        Browser browser = new Browser();
        Browser.Page login = browser.get(Questions.app(realm.getBaseUrl()).authorizationUrl());
        Browser.Page reset = browser.get(login.document().selectFirst("#k12-forgot-password").absUrl("href"));
        Browser.Page captcha = browser.submit(reset, "#kc-reset-password-form", Map.of("username", "7100000814"));
        String solution = Captchas.answer(captcha.form("#k12-captcha-form"));
        Browser.Page asked = browser.submit(captcha, "#k12-captcha-form", Map.of(Captchas.FIELD, solution));
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> texts = Questions.asked(asked);
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            String answer = text.contains("place") ? "Zephyrcove Lagoon" : text.contains("song") ? "Quillowby March"
                    : text.contains("game") ? "Marblequest" : text.contains("holiday") ? "Lanternfest" : "Plumtart";
            fields.put("k12_answer_" + i, answer);
        }
        Browser.Page password = browser.submit(asked, "#k12-answers-form", fields);
        Browser.Page done = browser.submit(password, "form", Map.of("password-new", "Meadow2027y", "password-confirm", "Meadow2027y"));
        assertTrue(done.location() != null && done.location().startsWith(DemoRealm.PUBLIC_APP_REDIRECT), done::body);

        List<String> secrets = new ArrayList<>(List.of("Zephyrcove", "zephyrcove", "Quillowby", "quillowby", "Marblequest",
                "marblequest", "Lanternfest", "lanternfest", "Plumtart", "plumtart", solution));
        secrets.addAll(answers.keySet()); // the questions chosen
        String everything = ServerLog.text()
                + JSON.writeValueAsString(realm.admin().getEvents(null, null, null, null, null, null, 0, 1000))
                + JSON.writeValueAsString(realm.admin().getAdminEvents())
                + JSON.writeValueAsString(realm.admin().users().get(id).toRepresentation())
                + JSON.writeValueAsString(realm.admin().users().get(id).credentials());
        assertFalse(ServerLog.text().isEmpty(), "the server writes its log to " + ServerLog.FILE);
        for (String secret : secrets) {
            assertFalse(everything.contains(secret), () -> "found in the log, events or representations: " + secret);
        }
    }
}
