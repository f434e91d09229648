package org.k12id.it.passwords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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
import org.openqa.selenium.support.ui.WebDriverWait;

@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given a student choosing a new password in a real browser")
class PasswordChecklistBrowserIT {

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    private TestUsers users;
    private WebDriver driver;

    @BeforeEach
    void setUp() {
        users = new TestUsers(realm.admin());
        users.create("k12-browser-user", "Ava", "Smith-Jones", List.of("student"), List.of(), Map.of(),
                TestUsers.temporaryPassword("Temp2026pass"));
        driver = Chromium.start();
    }

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.quit();
        }
        users.removeAll();
    }

    @Test
    @DisplayName("the checklist turns green exactly when the server accepts the password")
    void checklistMatchesTheServer() {
        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        driver.get(app.authorizationUrl());
        driver.findElement(By.id("username")).sendKeys("k12-browser-user");
        driver.findElement(By.id("kc-login")).click();
        driver.findElement(By.id("password")).sendKeys("Temp2026pass");
        driver.findElement(By.id("kc-login")).click();

        WebElement field = waitFor(By.id("password-new"));
        WebElement checklist = waitFor(By.id("k12-password-checklist"));
        waitUntil(() -> checklist.isDisplayed() && "false".equals(checklist.getAttribute("data-met")));

        // each candidate breaks exactly the named rule
        Map<String, String> refused = Map.of(
                "Short1a", "length",
                "Jones2026ab", "k12-not-names",
                "Good pass12", "k12-no-whitespace",
                "!Goodpass12", "k12-not-begin-or-end-with",
                "goodpass12", "upperCase");
        for (Map.Entry<String, String> candidate : refused.entrySet()) {
            type(field, candidate.getKey());
            By rule = By.cssSelector("li[data-policy='" + candidate.getValue() + "']");
            waitUntil(() -> driver.findElement(rule).getAttribute("class").contains("k12-rule-unmet")
                    && driver.findElements(By.cssSelector("li.k12-rule-unmet")).size() == 1);
            assertEquals("false", checklist.getAttribute("data-met"), candidate.getKey());
            assertEquals("Password Does Not Meet Requirements",
                    driver.findElement(By.id("k12-checklist-summary")).getText());
        }

        // red, and the server refuses it with that rule's message
        type(field, "Goodpass12!");
        waitUntil(() -> "false".equals(checklist.getAttribute("data-met"))
                && driver.findElement(By.cssSelector("li[data-policy='k12-not-begin-or-end-with']"))
                .getAttribute("class").contains("k12-rule-unmet"));
        driver.findElement(By.id("password-confirm")).sendKeys("Goodpass12!");
        driver.findElement(By.cssSelector("#kc-passwd-update-form [type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(field));
        WebElement again = waitFor(By.id("password-new"));
        assertTrue(driver.getPageSource().contains("Password must not begin or end with !"));

        // green, and the server accepts it: the student lands at the app with a code
        type(again, "Goodpass12");
        WebElement list = waitFor(By.id("k12-password-checklist"));
        waitUntil(() -> "true".equals(list.getAttribute("data-met")));
        assertEquals("Password Meets Requirements", driver.findElement(By.id("k12-checklist-summary")).getText());
        driver.findElement(By.id("password-confirm")).sendKeys("Goodpass12");
        driver.findElement(By.cssSelector("#kc-passwd-update-form [type=submit]")).click();
        waitUntil(() -> driver.getCurrentUrl().startsWith(DemoRealm.PUBLIC_APP_REDIRECT)
                && driver.getCurrentUrl().contains("code="));
    }

    private void type(WebElement field, String value) {
        field.clear();
        field.sendKeys(value);
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(by));
    }

    private void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }
}
