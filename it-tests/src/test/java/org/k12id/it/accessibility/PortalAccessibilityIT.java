package org.k12id.it.accessibility;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.k12id.it.support.Accessibility;
import org.k12id.it.support.Accessibility.Viewport;
import org.k12id.it.support.Chromium;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.K12ServerConfig;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff portal "My Students (QR Codes)" held to WCAG 2.1 AA in every state a member of staff meets: a teacher's
 * students and print tools, the confirmation before voiding, an LEA administrator's opt-outs, regeneration form and
 * request history; in English and Spanish, on a phone and a Chromebook. Each state: no critical, serious or moderate
 * axe violation, no sideways scrolling, every control reached by Tab with a visible focus, 44 px targets.
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given the staff portal in English and Spanish, on a phone and a Chromebook")
class PortalAccessibilityIT {

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    private WebDriver driver;

    static Stream<Arguments> languagesAndSizes() {
        List<Arguments> all = new ArrayList<>();
        for (String language : List.of("en", "es")) {
            for (Viewport viewport : Viewport.values()) {
                all.add(Arguments.of(language, viewport));
            }
        }
        return all.stream();
    }

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.quit();
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("languagesAndSizes")
    @DisplayName("a teacher's students and print tools, and the confirmation before voiding, meet WCAG 2.1 AA")
    void teacherPageAndConfirmation(String language, Viewport viewport) {
        open(language, viewport, "t.jones");
        waitUntil(() -> driver.findElements(By.cssSelector("#k12-rows input.k12-pick:not(:disabled)")).size() >= 2);
        check("teacher's students, " + language + ", " + viewport);

        driver.findElements(By.cssSelector("#k12-rows input.k12-pick:not(:disabled)")).get(0).click();
        driver.findElement(By.id("k12-void")).click();
        WebElement dialog = driver.findElement(By.id("k12-confirm"));
        waitUntil(dialog::isDisplayed);
        Accessibility.assertNoViolations(driver, "void confirmation, " + language + ", " + viewport);
        Accessibility.assertFitsViewport(driver);
        driver.findElement(By.id("k12-confirm-cancel")).click();
        waitUntil(() -> !dialog.isDisplayed());
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("languagesAndSizes")
    @DisplayName("an LEA administrator's page (students, opt-outs, the regeneration form and its history) meets WCAG 2.1 AA")
    void administratorPage(String language, Viewport viewport) {
        open(language, viewport, "lea-admin.920");
        waitUntil(() -> driver.findElement(By.id("k12-optouts")).isDisplayed()
                && driver.findElement(By.id("k12-regen")).isDisplayed()
                && !driver.findElements(By.cssSelector("#k12-rows tr")).isEmpty());
        check("administrator's page, " + language + ", " + viewport);
    }

    private void open(String language, Viewport viewport, String username) {
        driver = Chromium.start();
        Accessibility.resize(driver, viewport);
        String portal = realm.getBaseUrl() + "/k12-portal/";
        driver.get(portal + "?lang=" + language);
        waitFor(By.id("username")).sendKeys(username);
        driver.findElement(By.id("kc-login")).click();
        waitFor(By.id("password")).sendKeys(DemoRealm.PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        waitUntil(() -> driver.getCurrentUrl().startsWith(portal));
        waitUntil(() -> language.equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
    }

    private void check(String page) {
        Accessibility.assertNoViolations(driver, page);
        Accessibility.assertFitsViewport(driver);
        Accessibility.assertTargetsAtLeast(driver, 44);
        Accessibility.assertKeyboardReachesEveryControl(driver);
    }

    private WebElement waitFor(By by) {
        waitUntil(() -> !driver.findElements(by).isEmpty() && driver.findElement(by).isDisplayed());
        return driver.findElement(by);
    }

    private void waitUntil(BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "at " + driver.getCurrentUrl())
                .until(d -> condition.getAsBoolean());
    }
}
