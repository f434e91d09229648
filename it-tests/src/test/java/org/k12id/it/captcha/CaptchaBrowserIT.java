package org.k12id.it.captcha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.k12id.it.support.Accessibility;
import org.k12id.it.support.Accessibility.Viewport;
import org.k12id.it.support.Chromium;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.Oidc;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * "I'm Not a Robot" in headless Chromium: the person checks the box, the widget (ALTCHA, served by the theme) solves the
 * proof of work by itself under the login pages' Content-Security-Policy, and Continue passes the step. The page meets
 * the suite's accessibility checks before and after verifying, in English and Spanish, on a phone and a Chromebook (one
 * case per language, the page resized to each).
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given I'm Not a Robot in a browser")
class CaptchaBrowserIT {

    static final String REALM = "k12-captcha-browser-it";

    private static Keycloak admin;

    @InjectAdminClient
    Keycloak injectedAdmin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private WebDriver driver;

    /** Once for the class (the framework injects before each test, so not in a @BeforeAll). */
    @BeforeEach
    void setUp() {
        if (admin == null) {
            admin = injectedAdmin;
            CaptchaRealm.create(admin, REALM);
        }
        driver = Chromium.start();
    }

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @AfterAll
    static void removeRealm() {
        if (admin != null) {
            admin.realm(REALM).remove();
            admin = null;
        }
    }

    static Stream<Arguments> languages() {
        return Stream.of(
                Arguments.of("en", "I'm not a robot", "Done: you are not a robot"),
                Arguments.of("es", "No soy un robot", "Listo: usted no es un robot"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    @DisplayName("checking the box solves the proof of work and Continue passes the step; accessible before and after, on a phone and a Chromebook")
    void checkSolveContinue(String language, String label, String verified) {
        Accessibility.resize(driver, Accessibility.walkedAt(language));
        Oidc app = new Oidc(urls.getBase() + "/realms/" + REALM, CaptchaRealm.APP, null, CaptchaRealm.APP_REDIRECT);
        driver.get(app.authorizationUrl() + ("en".equals(language) ? "" : "&ui_locales=" + language));
        WebElement box = wait(20).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#k12-captcha input[type=checkbox]")));
        assertEquals(language, driver.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertEquals(label, labelOf(box));
        assertTrue(payload().isEmpty(), "nothing to post before the box is checked");

        checkAccessibility("the captcha page (" + language + ")");

        box = driver.findElement(By.cssSelector("#k12-captcha input[type=checkbox]"));
        box.click();
        wait(30).until(d -> !payload().isEmpty());
        wait(10).until(d -> verified.equals(labelOf(d.findElement(By.cssSelector("#k12-captcha input[type=checkbox]")))));

        checkAccessibility("the captcha page verified (" + language + ")");

        driver.findElement(By.id("k12-captcha-submit")).click();
        wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("password")));
        assertFalse(driver.getPageSource().contains("k12-captcha-form"), "the step is passed");
    }

    /** The checks at each size, the same page resized, ending at the size it was at. */
    private void checkAccessibility(String page) {
        for (Viewport viewport : Accessibility.everySizeEndingWithThis(driver)) {
            Accessibility.resize(driver, viewport);
            Accessibility.assertNoViolations(driver, page + " on a " + viewport);
            Accessibility.assertFitsViewport(driver);
            Accessibility.assertTargetsAtLeast(driver, 44);
            Accessibility.assertKeyboardReachesEveryControl(driver);
            Accessibility.resize(driver, Accessibility.REFLOW_WIDTH, viewport.height);
            Accessibility.assertFitsViewport(driver);
            Accessibility.resize(driver, viewport);
        }
    }

    /** What the widget will post in k12_captcha: empty until it has solved the challenge. */
    private String payload() {
        Object value = ((JavascriptExecutor) driver).executeScript(
                "var f = document.querySelector('#k12-captcha-form input[name=k12_captcha]'); return f ? f.value : '';");
        return value == null ? "" : value.toString();
    }

    private String labelOf(WebElement box) {
        Object text = ((JavascriptExecutor) driver).executeScript(
                "var b = arguments[0]; return b.labels && b.labels.length ? b.labels[0].textContent.trim() : '';", box);
        return String.valueOf(text);
    }

    private WebDriverWait wait(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }
}
