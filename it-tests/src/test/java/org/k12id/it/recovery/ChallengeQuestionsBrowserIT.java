package org.k12id.it.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.k12id.it.support.Accessibility;
import org.k12id.it.support.Accessibility.Viewport;
import org.k12id.it.support.Browser;
import org.k12id.it.support.Captchas;
import org.k12id.it.support.ChallengeAnswers;
import org.k12id.it.support.Chromium;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.Mailbox;
import org.k12id.it.support.TestUsers;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Challenge questions and "Forgot my password" in a real browser, in English and Spanish, on a phone and a Chromebook
 * (issue 18): a student sets their questions when an app asks for it ({@code kc_action}, as the account console's
 * "Set up" does), then recovers their
 * password (the username, "I'm not a robot" solved by the widget, wrong answers, the right ones, a new password with
 * the checklist) and is signed in at the app, with the email read from a real SMTP server. Every page and state on the
 * way passes the WCAG 2.1 AA checks of issue 16, at both sizes: one walk per language, each page resized
 * ({@link Accessibility#assertAccessibleAtEverySize}). Another sets up, then changes, their questions from the account
 * console's "Signing in" page.
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given challenge questions and Forgot my password in a real browser, in English and Spanish, on a phone and a Chromebook")
class ChallengeQuestionsBrowserIT {

    static final String PASSWORD = "Harbor2026x";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    private WebDriver driver;
    private TestUsers users;

    @BeforeEach
    void setUp() {
        users = new TestUsers(realm.admin());
        driver = Chromium.start();
    }

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.quit();
        }
        users.removeAll();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "es"})
    @DisplayName("a student sets questions when an app asks, then recovers the password with them; every page meets WCAG 2.1 AA on a phone and a Chromebook")
    void setThenRecover(String language) throws Exception {
        String username = "71000008" + ("en".equals(language) ? "30" : "31");
        String id = users.create(username, "Rosa", "Quintero", List.of("student"), List.of(), Map.of(
                "studentNumber", List.of(username), "psuCode", List.of("920"), "schoolCode", List.of("920308"),
                "gradeLevel", List.of("8"), "claimed", List.of("true"), "locale", List.of(language)),
                TestUsers.passwordSetDaysAgo(PASSWORD, 1));
        var rep = realm.admin().users().get(id).toRepresentation();
        rep.setEmail(username + "@example.org");
        realm.admin().users().get(id).update(rep);
        Accessibility.resize(driver, Accessibility.walkedAt(language));

        // asked by an app, as the account console's "Set up" asks (kc_action): the person may cancel
        driver.get(Questions.app(realm.getBaseUrl()).authorizationUrl() + "&kc_action=k12-set-challenge-questions"
                + ("en".equals(language) ? "" : "&ui_locales=" + language));
        waitFor(By.id("username")).sendKeys(username);
        click(By.id("kc-login"));
        waitFor(By.id("password")).sendKeys(PASSWORD);
        click(By.id("kc-login"));
        waitFor(By.id("k12-questions-form"));
        assertTrue(driver.findElements(By.id("k12-questions-cancel")).size() == 1, "asked by an app, it can be cancelled");
        Accessibility.assertAccessibleAtEverySize(driver, "set up challenge questions (asked by an app), " + language);
        ChallengeAnswers.inBrowser(driver);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(DemoRealm.PUBLIC_APP_REDIRECT));
        assertEquals(1, realm.admin().users().get(id).credentials().stream()
                .filter(c -> c.getType().equals("k12-challenge-questions")).count());
        // another day, another browser: nobody is signed in
        driver.quit();
        driver = Chromium.start();
        Accessibility.resize(driver, Accessibility.walkedAt(language));

        try (Mailbox mail = Mailbox.open(realm.admin())) {
            driver.get(Questions.app(realm.getBaseUrl()).authorizationUrl() + ("en".equals(language) ? "" : "&ui_locales=" + language));
            click(By.id("k12-forgot-password"));
            waitFor(By.id("username")).sendKeys(username);
            Accessibility.assertAccessibleAtEverySize(driver, "forgot my password: username, " + language);
            click(By.cssSelector("#kc-reset-password-form [type=submit]"));
            waitFor(By.id("k12-captcha-form"));
            Accessibility.assertAccessibleAtEverySize(driver, "forgot my password: I'm not a robot, " + language);
            Captchas.notARobot(driver, "#k12-captcha-form");
            click(By.id("k12-captcha-submit"));

            waitFor(By.id("k12-answers-form"));
            Accessibility.assertAccessibleAtEverySize(driver, "forgot my password: challenge questions, " + language);
            List<WebElement> labels = driver.findElements(By.cssSelector("#k12-answers-form label"));
            for (int i = 0; i < labels.size(); i++) {
                driver.findElement(By.id("k12_answer_" + i)).sendKeys("not it");
            }
            click(By.id("k12-answers-submit"));
            waitFor(By.className("kc-feedback-text"));
            Accessibility.assertAccessibleAtEverySize(driver, "forgot my password: answers not verified, " + language);
            labels = driver.findElements(By.cssSelector("#k12-answers-form label"));
            for (int i = 0; i < labels.size(); i++) {
                String text = labels.get(i).getText().replace("*", "").strip();
                driver.findElement(By.id("k12_answer_" + i)).sendKeys(ChallengeAnswers.ANSWERS.get(Questions.idOf(text)));
            }
            click(By.id("k12-answers-submit"));

            WebElement password = waitFor(By.id("password-new"));
            waitFor(By.id("k12-password-checklist"));
            Accessibility.assertAccessibleAtEverySize(driver, "forgot my password: new password, " + language);
            password.sendKeys("Meadow2027y");
            driver.findElement(By.id("password-confirm")).sendKeys("Meadow2027y");
            click(By.id("kc-submit"));
            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().startsWith(DemoRealm.PUBLIC_APP_REDIRECT) && d.getCurrentUrl().contains("code="));

            MimeMessage notice = mail.await(0);
            assertEquals(username + "@example.org", Mailbox.recipient(notice));
            assertTrue(notice.getSubject().startsWith("en".equals(language) ? "Your " : "Se cambió su contraseña"), notice.getSubject());
        }
        Browser check = new Browser();
        Browser.Page login = check.get(Questions.app(realm.getBaseUrl()).authorizationUrl());
        Browser.Page passwordPage = check.submit(login, "#kc-form-login", Map.of("username", username));
        Browser.Page app = check.submit(passwordPage, "#kc-form-login", Map.of("password", "Meadow2027y"));
        assertTrue(app.location() != null && app.location().startsWith(DemoRealm.PUBLIC_APP_REDIRECT), "the new password works");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "es"})
    @DisplayName("a student sets up, then changes, their questions from the account console's Signing in page")
    void fromAccountConsole(String language) throws Exception {
        String username = "71000009" + ("en".equals(language) ? "11" : "12");
        String id = users.create(username, "Tomas", "Herrera", List.of("student"), List.of(), Map.of(
                "studentNumber", List.of(username), "psuCode", List.of("920"), "schoolCode", List.of("920308"),
                "gradeLevel", List.of("9"), "claimed", List.of("true"), "locale", List.of(language)),
                TestUsers.passwordSetDaysAgo(PASSWORD, 1));
        Accessibility.resize(driver, Viewport.CHROMEBOOK);
        String type = "k12-challenge-questions";

        driver.get(realm.getBaseUrl() + "/account/account-security/signing-in");
        waitFor(By.id("username")).sendKeys(username);
        click(By.id("kc-login"));
        waitFor(By.id("password")).sendKeys(PASSWORD);
        click(By.id("kc-login"));
        WebElement setUp = waitFor(By.cssSelector("[data-testid='" + type + "/create']"));
        assertTrue(setUp.getText().contains("en".equals(language) ? "Challenge questions" : "Preguntas de seguridad"),
                "the account console names the questions in the person's language: " + setUp.getText());
        setUp.click();
        waitFor(By.id("k12-questions-form"));
        Accessibility.assertAccessible(driver, "set up challenge questions (from the account console), " + language);
        ChallengeAnswers.inBrowser(driver);
        WebElement update = waitFor(By.cssSelector("[data-testid='" + type + "/credential-list'] [data-testrole='update']"));
        assertTrue(driver.findElements(By.cssSelector("[data-testid='" + type + "/create']")).isEmpty(),
                "once set up, the questions are updated, not set up again");
        List<String> first = questionCredentials(id);
        assertEquals(1, first.size());

        update.click();
        Map<String, String> changed = new java.util.LinkedHashMap<>();
        changed.put("favorite-game", "escondidas");
        changed.put("favorite-sport", "futbol playa");
        changed.put("best-friend", "Mariela");
        changed.put("favorite-song", "La Bamba");
        changed.put("future-job", "astronauta");
        ChallengeAnswers.inBrowser(driver, changed);
        waitFor(By.cssSelector("[data-testid='" + type + "/credential-list'] [data-testrole='update']"));
        List<String> second = questionCredentials(id);
        assertEquals(1, second.size(), "still one set of questions");
        assertTrue(!second.equals(first), "the set was replaced");
    }

    private List<String> questionCredentials(String userId) {
        return realm.admin().users().get(userId).credentials().stream()
                .filter(c -> c.getType().equals("k12-challenge-questions")).map(c -> c.getId()).toList();
    }

    private void click(By by) {
        WebElement element = waitFor(by);
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(element));
    }

    /** The element, once there; failing, the message says where the browser is and what it shows. */
    private WebElement waitFor(By by) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(by));
        } catch (TimeoutException e) {
            throw new AssertionError("no " + by + " at " + driver.getCurrentUrl() + ", which shows:\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }
}
