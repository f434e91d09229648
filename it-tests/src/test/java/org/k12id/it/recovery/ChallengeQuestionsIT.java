package org.k12id.it.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.it.support.Badges;
import org.k12id.it.support.Browser;
import org.k12id.it.support.ChallengeAnswers;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.Mailbox;
import org.k12id.it.support.TestUsers;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Challenge questions and "Forgot my password" over HTTP on the real server (issue 18), with the demo realm's
 * reset-credentials flow (the pack's {@code k12 reset credentials}) and "Set Up Challenge Questions": setting questions (the rules, nothing shown again), recovering a password with them (the
 * notice email read from a real SMTP server), names without a usable account asked questions no answer passes, the
 * lock-out, and an LEA administrator clearing a person's questions.
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given challenge questions and Forgot my password on the demo realm")
class ChallengeQuestionsIT {

    static final String ACTION = "k12-set-challenge-questions";
    static final String FIRST_PASSWORD = "Harbor2026x";
    static final String NEW_PASSWORD = "Meadow2027y";

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

    /** A grade 8 student of PSU 920 with a password and, if asked, the required action to set questions. */
    private String student(String username, boolean mustSetQuestions) {
        String id = users.create(username, "Rosa", "Quintero", List.of("student"), List.of(), Map.of(
                "studentNumber", List.of(username), "psuCode", List.of("920"), "schoolCode", List.of("920308"),
                "gradeLevel", List.of("8"), "claimed", List.of("true")), TestUsers.passwordSetDaysAgo(FIRST_PASSWORD, 1));
        if (mustSetQuestions) {
            var rep = realm.admin().users().get(id).toRepresentation();
            rep.setRequiredActions(List.of(ACTION));
            realm.admin().users().get(id).update(rep);
        }
        return id;
    }

    /** Signs in with the password: the page that comes next (the questions set-up, or the app). */
    private Browser.Page signIn(Browser browser, String username, String password) throws Exception {
        Browser.Page login = browser.get(Questions.app(realm.getBaseUrl()).authorizationUrl());
        Browser.Page passwordPage = browser.submit(login, "#kc-form-login", Map.of("username", username));
        return browser.submit(passwordPage, "#kc-form-login", Map.of("password", password));
    }

    /** The student with the required action sets {@link Recovery#ANSWERS}; asserts they arrive at the app. */
    private void setUpQuestions(String username) throws Exception {
        Browser browser = new Browser();
        Browser.Page setUp = signIn(browser, username, FIRST_PASSWORD);
        assertNotNull(setUp.document().selectFirst("#k12-questions-form"), () -> "expected the questions:\n" + setUp.body());
        Browser.Page done = ChallengeAnswers.submit(browser, setUp);
        assertTrue(done.location() != null && done.location().startsWith(DemoRealm.PUBLIC_APP_REDIRECT), done::body);
    }

    @Test
    @DisplayName("a person asked to set questions chooses 5 with answers; refused forms keep the questions, never an answer; nothing readable is kept")
    void setQuestions() throws Exception {
        String id = student("7100000801", true);
        Browser browser = new Browser();
        Browser.Page setUp = signIn(browser, "7100000801", FIRST_PASSWORD);
        assertEquals(5, setUp.document().select("#k12-questions-form select").size(), setUp::body);

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("first-pet", "Rex");
        bad.put("favorite-food", "rex");          // the same answer as another
        bad.put("favorite-book", "ab");           // too short
        bad.put("favorite-movie", "Rosa's film"); // her name
        bad.put("favorite-animal", "axolotl");
        Browser.Page refused = ChallengeAnswers.submit(browser, setUp, bad);
        assertNotNull(refused.document().selectFirst("#input-error-k12_answer_1"), refused::body);
        assertNotNull(refused.document().selectFirst("#input-error-k12_answer_2"), refused::body);
        assertNotNull(refused.document().selectFirst("#input-error-k12_answer_3"), refused::body);
        assertNull(refused.document().selectFirst("#input-error-k12_answer_0"), refused::body);
        assertEquals("favorite-book", refused.document().selectFirst("#k12_question_2 option[selected]").val());
        assertFalse(refused.body().contains("axolotl") || refused.body().contains("Rex"), "no answer is shown again");
        assertEquals(0, realm.admin().users().get(id).credentials().stream().filter(c -> c.getType().equals("k12-challenge-questions")).count());

        Browser.Page done = ChallengeAnswers.submit(browser, refused);
        assertTrue(done.location() != null && done.location().startsWith(DemoRealm.PUBLIC_APP_REDIRECT), done::body);
        CredentialRepresentation kept = realm.admin().users().get(id).credentials().stream()
                .filter(c -> c.getType().equals("k12-challenge-questions")).findFirst().orElseThrow();
        assertNull(kept.getSecretData(), "the admin API never shows the hashes");
        assertEquals("{\"count\":5}", kept.getCredentialData(), "nor which questions");
        assertFalse(realm.admin().users().get(id).toRepresentation().getRequiredActions().contains(ACTION));
    }

    @Test
    @DisplayName("Forgot my password: username, I'm not a robot, 3 of the person's questions, a new password, at the app; an email says the password changed")
    void recoverPassword() throws Exception {
        String id = student("7100000802", true);
        var rep = realm.admin().users().get(id).toRepresentation();
        rep.setEmail("rosa.q@example.org");
        realm.admin().users().get(id).update(rep);
        setUpQuestions("7100000802");
        try (Mailbox mail = Mailbox.open(realm.admin())) {
            Browser browser = new Browser();
            Browser.Page answers = Questions.answersPage(browser, realm.getBaseUrl(), "7100000802", "en");
            List<String> asked = Questions.asked(answers);
            assertEquals(3, asked.size(), answers::body);
            Browser.Page wrong = Questions.answer(browser, answers, "not it");
            assertTrue(wrong.document().text().contains(Questions.WRONG), wrong::body);
            assertEquals(asked, Questions.asked(wrong), "the same questions after a wrong try");
            Browser.Page password = Questions.answer(browser, wrong, null);
            assertNotNull(password.document().selectFirst("#password-new"), () -> "expected a new password:\n" + password.body());
            Browser.Page done = browser.submit(password, "form", Map.of("password-new", NEW_PASSWORD, "password-confirm", NEW_PASSWORD));
            assertTrue(done.location() != null && done.location().startsWith(DemoRealm.PUBLIC_APP_REDIRECT), done::body);

            MimeMessage notice = mail.await(0);
            assertEquals("rosa.q@example.org", Mailbox.recipient(notice));
            assertTrue(notice.getSubject().contains("password was changed"), notice.getSubject());
            assertFalse(Mailbox.body(notice).contains(NEW_PASSWORD));
        }
        Browser.Page app = signIn(new Browser(), "7100000802", NEW_PASSWORD);
        assertTrue(app.location() != null && app.location().startsWith(DemoRealm.PUBLIC_APP_REDIRECT), app::body);
    }

    @Test
    @DisplayName("an unknown name and an account without questions are asked questions too, the same set every time, and no answer passes")
    void noUsableAccount() throws Exception {
        student("7100000803", false);
        for (String name : List.of("no.such.person", "7100000803")) {
            Set<String> seen = new HashSet<>();
            Browser.Page last = null;
            for (int i = 0; i < 6; i++) {
                Browser browser = new Browser();
                last = Questions.answersPage(browser, realm.getBaseUrl(), name, "en");
                List<String> asked = Questions.asked(last);
                assertEquals(3, asked.size(), last.body());
                seen.addAll(asked);
            }
            assertTrue(seen.size() <= 5, () -> name + ": questions drawn from one set of 5: " + seen);
            Browser browser = new Browser();
            Browser.Page answers = Questions.answersPage(browser, realm.getBaseUrl(), name, "en");
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < 3; i++) {
                fields.put("k12_answer_" + i, "anything");
            }
            Browser.Page refused = browser.submit(answers, "#k12-answers-form", fields);
            assertTrue(refused.document().text().contains(Questions.WRONG), refused::body);
        }
    }

    @Test
    @DisplayName("after 5 wrong tries the account is locked: even the right answers get the same words")
    void lockOut() throws Exception {
        String id = student("7100000804", true);
        setUpQuestions("7100000804");
        Browser browser = new Browser();
        Browser.Page page = Questions.answersPage(browser, realm.getBaseUrl(), "7100000804", "en");
        for (int i = 0; i < 5; i++) {
            page = Questions.answer(browser, page, "wrong " + i);
            Browser.Page shown = page;
            int attempt = i + 1;
            assertTrue(page.document().text().contains(Questions.WRONG), () -> "attempt " + attempt + ": " + shown.document().text());
        }
        Browser.Page locked = Questions.answer(browser, page, null);
        assertTrue(locked.document().text().contains(Questions.WRONG), locked::body);
        assertNull(locked.document().selectFirst("#password-new"));
        realm.admin().attackDetection().clearBruteForceForUser(id);
    }

    @Test
    @DisplayName("an LEA administrator of the PSU clears a student's questions: the student sets new ones at the next sign-in")
    void adminClears() throws Exception {
        String id = student("7100000805", true);
        setUpQuestions("7100000805");
        HttpClient http = HttpClient.newHttpClient();
        String path = urls.getBase() + "/admin/realms/" + DemoRealm.NAME + "/k12-claims/users/" + id + "/challenge-questions";
        HttpResponse<String> teacher = http.send(HttpRequest.newBuilder(URI.create(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Badges.accessToken(realm.getBaseUrl(), "t.jones", DemoRealm.PASSWORD))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, teacher.statusCode(), teacher.body());
        HttpResponse<String> cleared = http.send(HttpRequest.newBuilder(URI.create(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Badges.accessToken(realm.getBaseUrl(), "lea-admin.920", DemoRealm.PASSWORD))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, cleared.statusCode(), cleared.body());
        assertEquals(0, realm.admin().users().get(id).credentials().stream().filter(c -> c.getType().equals("k12-challenge-questions")).count());
        Browser.Page next = signIn(new Browser(), "7100000805", FIRST_PASSWORD);
        assertNotNull(next.document().selectFirst("#k12-questions-form"), next::body);
    }

    @Test
    @DisplayName("a person with an authenticator app is asked its code too, after the answers and before the new password")
    void secondFactor() throws Exception {
        String secret = "k12TotpSecretForTests";
        CredentialRepresentation otp = new CredentialRepresentation();
        otp.setType("otp");
        otp.setUserLabel("phone");
        otp.setSecretData("{\"value\":\"" + secret + "\"}");
        otp.setCredentialData("{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}");
        // an app set up already: a credential can only be given with the account (the admin API's update ignores it)
        UserRepresentation user = new UserRepresentation();
        user.setUsername("7100000806");
        user.setFirstName("Rosa");
        user.setLastName("Quintero");
        user.setEnabled(true);
        user.setAttributes(Map.of("studentNumber", List.of("7100000806"), "psuCode", List.of("920"),
                "schoolCode", List.of("920308"), "gradeLevel", List.of("8"), "claimed", List.of("true")));
        user.setRequiredActions(List.of(ACTION));
        user.setCredentials(List.of(TestUsers.passwordSetDaysAgo(FIRST_PASSWORD, 1), otp));
        String id;
        try (Response created = realm.admin().users().create(user)) {
            assertEquals(201, created.getStatus(), () -> created.readEntity(String.class));
            String path = created.getLocation().getPath();
            id = path.substring(path.lastIndexOf('/') + 1);
        }
        try {
            secondFactor(id, secret);
        } finally {
            realm.admin().users().get(id).remove();
        }
    }

    private void secondFactor(String id, String secret) throws Exception {
        realm.admin().users().get(id).roles().realmLevel().add(List.of(realm.admin().roles().get("student").toRepresentation()));
        Browser setUp = new Browser();
        Browser.Page login = setUp.get(Questions.app(realm.getBaseUrl()).authorizationUrl());
        Browser.Page passwordPage = setUp.submit(login, "#kc-form-login", Map.of("username", "7100000806"));
        Browser.Page codePage = setUp.submit(passwordPage, "#kc-form-login", Map.of("password", FIRST_PASSWORD));
        Browser.Page questionsPage = setUp.submit(codePage, "form", Map.of("otp", totp(secret, 0)));
        assertNotNull(questionsPage.document().selectFirst("#k12-questions-form"), questionsPage::body);
        ChallengeAnswers.submit(setUp, questionsPage);
        assertTrue(realm.admin().users().get(id).credentials().stream().anyMatch(c -> c.getType().equals("otp")), "the app is set up");

        Browser browser = new Browser();
        Browser.Page answers = Questions.answersPage(browser, realm.getBaseUrl(), "7100000806", "en");
        Browser.Page code = Questions.answer(browser, answers, null);
        assertNotNull(code.document().selectFirst("#otp"), () -> "expected the one-time code:\n" + code.body());
        // the code of the next 30 s (Keycloak accepts one period either side; the current one was used to sign in)
        String next = totp(secret, 1);
        Browser.Page wrong = browser.submit(code, "form", Map.of("otp", "000000".equals(next) ? "111111" : "000000"));
        assertNull(wrong.document().selectFirst("#password-new"), "a wrong code does not pass");
        Browser.Page password = browser.submit(wrong, "form", Map.of("otp", next));
        assertNotNull(password.document().selectFirst("#password-new"), () -> "then the new password:\n" + password.body());
        realm.admin().attackDetection().clearBruteForceForUser(id);
    }

    /**
     * The code of an authenticator app with this secret (RFC 6238: HMAC-SHA1, 30 s, 6 digits, the secret as Keycloak
     * keeps it), {@code periods} of 30 s from now.
     */
    static String totp(String secret, int periods) throws Exception {
        long counter = System.currentTimeMillis() / 1000 / 30 + periods;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
        int offset = hash[hash.length - 1] & 0xf;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000);
    }
}
