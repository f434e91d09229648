package org.k12id.it.accessibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.k12id.it.support.Accessibility;
import org.k12id.it.support.Accessibility.Viewport;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opentest4j.AssertionFailedError;

/**
 * Issue 16 on the sign-in pages of the demo realm: each page and state, in English and Spanish, on a phone and a
 * Chromebook, passes axe-core's WCAG 2.1 AA rules, fits the screen, has targets of 44 x 44 px and can be used by
 * keyboard alone. Each page is reached once per language and checked at both sizes by resizing it
 * ({@link Accessibility#assertAccessibleAtEverySize}).
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Given the sign-in pages in English and Spanish, on a phone and on a Chromebook")
class LoginPagesAccessibilityIT {

    /** A user of this test only: the wrong password is typed for them, never for a shared demo account. */
    static final String STUDENT = "k12-a11y-student";
    static final String STUDENT_PASSWORD = "Blue2026river";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    private TestUsers users;
    private WebDriver driver;

    /** The pages and states under test, each reached as a person would: from the app, through the sign-in steps. */
    enum LoginPage {
        USERNAME("the username page"),
        USERNAME_ERROR("the username page after an empty username"),
        BADGE_REFUSED("the username page after a badge that is refused"),
        PASSWORD("the password page"),
        PASSWORD_ERROR("the password page after a wrong password"),
        EXPIRED_PASSWORD("the expired-password update page");

        final String title;

        LoginPage(String title) {
            this.title = title;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    static Stream<Arguments> pagesAndLanguages() {
        return Stream.of(LoginPage.values()).flatMap(page -> Stream.of("en", "es").map(language ->
                Arguments.of(page, language)));
    }

    @BeforeEach
    void setUp() {
        users = new TestUsers(realm.admin());
        users.create(STUDENT, "Luz", "Ortega", List.of("student"), List.of(), Map.of(),
                TestUsers.passwordSetDaysAgo(STUDENT_PASSWORD, 1));
        if (driver == null) {
            // one browser for the class's cases (about 20): each starts from no cookies and sets its own size
            driver = Chromium.start();
        }
    }

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.manage().deleteAllCookies();
        }
        users.removeAll();
    }

    @AfterAll
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("pagesAndLanguages")
    @DisplayName("each page passes axe-core's WCAG 2.1 AA rules, fits the screen, has 44 px targets and works by keyboard, on a phone and a Chromebook")
    void pageIsAccessible(LoginPage page, String language) {
        openUsernamePage(language, Accessibility.walkedAt(language));
        reach(page);
        // the language select is named in the page's language
        assertEquals("en".equals(language) ? "Language" : "Idioma",
                driver.findElement(By.id("login-select-toggle")).getDomAttribute("aria-label"));
        Accessibility.assertAccessibleAtEverySize(driver, page + ", " + language);
        if (page == LoginPage.EXPIRED_PASSWORD) {
            // the checklist's live states: some rules met, some not, then all met (nothing is submitted)
            driver.findElement(By.id("password-new")).sendKeys("abc");
            waitFor(By.cssSelector("#k12-password-checklist li"));
            Accessibility.assertAccessibleAtEverySize(driver, page + ", checklist half met, " + language);
            driver.findElement(By.id("password-new")).sendKeys("DEF2026x");
            Accessibility.assertAccessibleAtEverySize(driver, page + ", checklist met, " + language);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LoginPage.class)
    @DisplayName("each page fits WCAG 2.1's reflow width, 320 px, without scrolling sideways (in Spanish, the longer words)")
    void pageReflowsAt320(LoginPage page) {
        Accessibility.resize(driver, Accessibility.REFLOW_WIDTH, 640);
        openUsernamePage("es");
        reach(page);
        Accessibility.assertFitsViewport(driver);
    }

    @Test
    @DisplayName("the \"Start Over\" tooltip shows on keyboard focus, and Escape hides it without moving the focus")
    void tooltipDismissedByEscape() {
        openUsernamePage("en", Viewport.PHONE);
        enterUsername(STUDENT);
        WebElement restart = driver.findElement(By.id("reset-login"));
        WebElement tooltip = restart.findElement(By.className("kc-tooltip-text"));
        driver.findElement(By.id("password")).sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        for (int i = 0; i < 5 && !restart.equals(driver.switchTo().activeElement()); i++) {
            driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        }
        assertEquals(restart, driver.switchTo().activeElement(), "Shift+Tab reaches \"Start Over\"");
        assertTrue(tooltip.isDisplayed(), "the tooltip shows on keyboard focus");
        restart.sendKeys(Keys.ESCAPE);
        assertFalse(tooltip.isDisplayed(), "Escape hides it");
        assertEquals(restart, driver.switchTo().activeElement(), "the focus stays");
        restart.sendKeys(Keys.TAB);
        driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertEquals(restart, driver.switchTo().activeElement());
        assertTrue(tooltip.isDisplayed(), "focused again, it shows again");
    }

    @Test
    @DisplayName("the language select: arrow keys move through the languages without leaving the page, Enter opens one")
    void languageSelectByKeyboard() throws InterruptedException {
        openUsernamePage("en", Viewport.CHROMEBOOK);
        WebElement select = driver.findElement(By.id("login-select-toggle"));
        String page = driver.getCurrentUrl();
        select.sendKeys(Keys.ARROW_DOWN);
        Thread.sleep(1000); // a navigation, if any, would have begun
        assertEquals(page, driver.getCurrentUrl());
        assertTrue(new Select(select).getFirstSelectedOption().getText().contains("Español"));
        select.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "es".equals(
                d.findElement(By.tagName("html")).getDomAttribute("lang")));
    }

    @Test
    @DisplayName("the checks themselves fail on a sign-in page given a known fault: a field without a label, a page too wide")
    void checksCatchFaults() {
        openUsernamePage("en", Viewport.PHONE);
        enterUsername(STUDENT);
        ((JavascriptExecutor) driver).executeScript(
                "var field = document.createElement('input'); field.id = 'k12-unlabelled';"
                        + "document.getElementById('kc-form-login').appendChild(field);"
                        + "var wide = document.createElement('div'); wide.style.width = '600px'; wide.style.height = '1px';"
                        + "document.getElementById('kc-form-login').appendChild(wide);");
        AssertionFailedError axe = assertThrows(AssertionFailedError.class,
                () -> Accessibility.assertNoViolations(driver, "password page with an unlabelled field"));
        assertTrue(axe.getMessage().contains("label (critical)") && axe.getMessage().contains("k12-unlabelled"),
                axe.getMessage());
        assertThrows(AssertionFailedError.class, () -> Accessibility.assertFitsViewport(driver));
    }

    /** The field in error names its message (aria-describedby), read out when the field gets the focus. */
    private void assertDescribedError(WebElement invalid, String field) {
        String describedBy = invalid.getDomAttribute("aria-describedby");
        assertNotNull(describedBy, "aria-describedby of the " + field + " in error");
        assertFalse(driver.findElement(By.id(describedBy.split(" ")[0])).getText().isBlank(),
                "the message the " + field + " names");
    }

    /** From the username page, the steps a person takes to reach {@code page}. */
    private void reach(LoginPage page) {
        switch (page) {
            case USERNAME -> {
            }
            case USERNAME_ERROR -> {
                WebElement field = driver.findElement(By.id("username"));
                driver.findElement(By.id("kc-login")).click();
                new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(field));
                assertDescribedError(waitFor(By.cssSelector("#username[aria-invalid=true]")), "username");
            }
            case BADGE_REFUSED -> {
                // what the scanner sends for a badge that reads but is not valid (the camera is not needed for it)
                WebElement field = driver.findElement(By.id("username"));
                ((JavascriptExecutor) driver).executeScript(
                        "document.getElementById('k12-badge-value').value = 'K12B1.not-a-badge';"
                                + "document.getElementById('k12-badge-form').submit();");
                new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(field));
                waitFor(By.id("username"));
                assertFalse(waitFor(By.className("kc-feedback-text")).getText().isBlank(),
                        "the refusal is said on the page");
            }
            case PASSWORD -> {
                enterUsername(STUDENT);
                // headed by what it asks for, not by the button's word ("Go", "Ir")
                assertNotEquals(driver.findElement(By.id("kc-login")).getText(),
                        driver.findElement(By.id("kc-page-title")).getText());
            }
            case PASSWORD_ERROR -> {
                enterUsername(STUDENT);
                submitPassword("Wrong2026pass");
                // the field in error names its message, read out when the field gets the focus
                assertDescribedError(waitFor(By.cssSelector("#password[aria-invalid=true]")), "password");
            }
            case EXPIRED_PASSWORD -> {
                enterUsername("e.expired");
                submitPassword(DemoRealm.PASSWORD);
                waitFor(By.id("password-new"));
                waitFor(By.id("k12-password-checklist"));
            }
        }
    }

    private void openUsernamePage(String language, Viewport viewport) {
        Accessibility.resize(driver, viewport);
        openUsernamePage(language);
    }

    private void openUsernamePage(String language) {
        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        driver.get(app.authorizationUrl() + ("en".equals(language) ? "" : "&ui_locales=" + language));
        waitFor(By.id("username"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> language.equals(
                d.findElement(By.tagName("html")).getDomAttribute("lang")));
    }

    private void enterUsername(String username) {
        WebElement field = driver.findElement(By.id("username"));
        field.sendKeys(username);
        driver.findElement(By.id("kc-login")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(field));
        waitFor(By.id("password"));
    }

    private void submitPassword(String password) {
        WebElement field = driver.findElement(By.id("password"));
        field.sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(field));
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(by));
    }
}
