package org.k12id.it.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.k12id.it.support.Accessibility;
import org.k12id.it.support.Accessibility.Viewport;
import org.k12id.it.support.ChallengeAnswers;
import org.k12id.it.support.Chromium;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.Oidc;
import org.k12id.it.support.TestUsers;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A student claims their account in a real browser, in English and Spanish, on a phone and a Chromebook: "Claim My
 * Account" on the username page, the policy, the details (refused once, then right), the terms of use, a password with
 * the live checklist, and the app. Every page and state on the way passes the WCAG 2.1 AA checks of issue 16: axe-core,
 * no sideways scrolling, 44 px targets, every control reached by Tab with a visible focus; a refused field is marked
 * and names its message. One claim per language, each page on the way checked at both sizes by resizing it
 * ({@link Accessibility#assertAccessibleAtEverySize}).
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given Claim My Account in a real browser, in English and Spanish, on a phone and a Chromebook")
class ClaimAccountBrowserIT {

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
    @DisplayName("a grade 9 student claims to the end, and every page on the way meets WCAG 2.1 AA on a phone and a Chromebook")
    void studentClaimsAccessibly(String language) {
        String uid = "71000008" + ("en".equals(language) ? "1" : "2") + "0";
        String id = users.create(uid, "Dayana", "Ocampo", List.of("student"), List.of(),
                Map.of("studentNumber", List.of(uid), "psuCode", List.of("920"), "schoolCode", List.of("920312"),
                        "gradeLevel", List.of("9"), "dateOfBirth", List.of("20110314"), "claimed", List.of("false")), null);
        Accessibility.resize(driver, Accessibility.walkedAt(language));
        Oidc app = Claims.app(realm.getBaseUrl());
        driver.get(app.authorizationUrl() + ("en".equals(language) ? "" : "&ui_locales=" + language));

        click(By.id("k12-claim-link"));
        waitFor(By.id("k12-claim-policy-lea-student"));
        Accessibility.assertAccessibleAtEverySize(driver, "claim: who are you, " + language);
        click(By.id("k12-claim-submit"));
        Accessibility.assertAccessibleAtEverySize(driver, "claim: no policy chosen, " + language);

        driver.findElement(By.cssSelector("label[for=k12-claim-policy-lea-student]")).click();
        click(By.id("k12-claim-submit"));
        waitFor(By.id("k12_claim_uid"));
        Accessibility.assertAccessibleAtEverySize(driver, "claim: a student's details, " + language);

        // an empty birthdate: said at the field, which names its message
        driver.findElement(By.id("k12_claim_uid")).sendKeys(uid);
        new Select(driver.findElement(By.id("k12_claim_grade"))).selectByValue("9");
        driver.findElement(By.id("k12_claim_psu")).sendKeys("920");
        Claims.notARobot(driver);
        click(By.id("k12-claim-submit"));
        WebElement birthdate = waitFor(By.cssSelector("#k12_claim_birthdate[aria-invalid=true]"));
        assertTrue(birthdate.getDomAttribute("aria-describedby").contains("input-error-k12_claim_birthdate"));
        Accessibility.assertAccessibleAtEverySize(driver, "claim: a field left empty, " + language);

        // wrong details: one message for the page
        driver.findElement(By.id("k12_claim_birthdate")).sendKeys("20110315");
        Claims.notARobot(driver);
        click(By.id("k12-claim-submit"));
        waitFor(By.className("kc-feedback-text"));
        Accessibility.assertAccessibleAtEverySize(driver, "claim: details not verified, " + language);

        driver.findElement(By.id("k12_claim_birthdate")).sendKeys("03/14/2011");
        Claims.notARobot(driver);
        click(By.id("k12-claim-submit"));
        waitFor(By.id("kc-accept"));
        Accessibility.assertAccessibleAtEverySize(driver, "claim: terms of use, " + language);

        click(By.id("kc-accept"));
        WebElement password = waitFor(By.id("password-new"));
        waitFor(By.id("k12-password-checklist"));
        Accessibility.assertAccessibleAtEverySize(driver, "claim: choose a password, " + language);
        password.sendKeys("Canyon2026sky");
        driver.findElement(By.id("password-confirm")).sendKeys("Canyon2026sky");
        click(By.id("kc-submit"));
        waitFor(By.id("k12-questions-form"));
        Accessibility.assertAccessibleAtEverySize(driver, "claim: challenge questions, " + language);
        click(By.id("k12-questions-submit")); // nothing chosen: each row says what it needs
        waitFor(By.cssSelector("#k12_question_0[aria-invalid=true]"));
        Accessibility.assertAccessibleAtEverySize(driver, "claim: challenge questions refused, " + language);
        ChallengeAnswers.inBrowser(driver);
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().startsWith(DemoRealm.PUBLIC_APP_REDIRECT));
        assertTrue(driver.getCurrentUrl().contains("code="), "signed in at the app");
        assertEquals(List.of("true"), realm.admin().users().get(id).toRepresentation().getAttributes().get("claimed"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "es"})
    @DisplayName("a parent's or guardian's page (claim code and email), and a code that is not one, meet WCAG 2.1 AA on a phone and a Chromebook")
    void guardianPageIsAccessible(String language) {
        Accessibility.resize(driver, Accessibility.walkedAt(language));
        driver.get(Claims.app(realm.getBaseUrl()).authorizationUrl() + ("en".equals(language) ? "" : "&ui_locales=" + language));
        click(By.id("k12-claim-link"));
        driver.findElement(By.cssSelector("label[for=k12-claim-policy-guardian]")).click();
        click(By.id("k12-claim-submit"));
        waitFor(By.id("k12_claim_code"));
        assertEquals("email", driver.findElement(By.id("k12_claim_email")).getDomAttribute("type"));
        Accessibility.assertAccessibleAtEverySize(driver, "claim: a guardian's details, " + language);
        driver.findElement(By.id("k12_claim_code")).sendKeys("O0O0O");
        driver.findElement(By.id("k12_claim_email")).sendKeys("parent@example.org");
        Claims.notARobot(driver);
        click(By.id("k12-claim-submit"));
        WebElement code = waitFor(By.cssSelector("#k12_claim_code[aria-invalid=true]"));
        assertTrue(code.getDomAttribute("aria-describedby").contains("input-error-k12_claim_code"));
        Accessibility.assertAccessibleAtEverySize(driver, "claim: not a claim code, " + language);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "es"})
    @DisplayName("an employee claims with staff UID, birthdate and PSU, and arrives at the app")
    void employeeClaims(String language) {
        String staffId = "9200730" + ("en".equals(language) ? "1" : "2");
        String id = users.create("e.claim.browser." + language, "Olga", "Ferrer", List.of("employee"), List.of(),
                Map.of("staffId", List.of(staffId), "psuCode", List.of("920"), "schoolCode", List.of("920304"),
                        "dateOfBirth", List.of("19870212"), "claimed", List.of("false")), null);
        Accessibility.resize(driver, Viewport.CHROMEBOOK);
        driver.get(Claims.app(realm.getBaseUrl()).authorizationUrl() + ("en".equals(language) ? "" : "&ui_locales=" + language));
        Claims.claimInBrowser(driver, "lea-employee", Map.of("k12_claim_uid", staffId, "k12_claim_birthdate", "02/12/1987",
                "k12_claim_psu", "920"), "Summit2026peak");
        assertEquals(List.of("true"), realm.admin().users().get(id).toRepresentation().getAttributes().get("claimed"));
    }

    private void click(By by) {
        WebElement element = waitFor(by);
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(element));
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(by));
    }
}
