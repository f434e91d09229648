package org.k12id.it.accessibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.k12id.it.support.Accessibility;
import org.k12id.it.support.Accessibility.Viewport;
import org.k12id.it.support.Chromium;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.IdentifierFirst;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.TestUsers;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff portal "My Students (QR Codes)" held to WCAG 2.1 AA in every state a member of staff meets: a teacher's
 * students and print tools, the confirmation before voiding, an LEA administrator's opt-outs, regeneration form and
 * request history, the form refusing a value, one request's new defaults; a person who has no students and the page
 * after signing out; in English and Spanish, on a phone and a Chromebook. Each state: no critical, serious or moderate
 * axe violation, no sideways scrolling, every control reached by Tab with a visible focus, 44 px targets; and the
 * focus goes where the person's next step is. One case per language walks the states once, each state checked at both
 * sizes by resizing the page ({@link Accessibility#assertAccessibleAtEverySize}).
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given the staff portal in English and Spanish, on a phone and a Chromebook")
class PortalAccessibilityIT {

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    private WebDriver driver;
    private TestUsers users;

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.quit();
        }
        if (users != null) {
            users.removeAll();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "es"})
    @DisplayName("a teacher's students and print tools, and the confirmation before voiding, meet WCAG 2.1 AA on a phone and a Chromebook")
    void teacherPageAndConfirmation(String language) {
        open(language, "t.jones");
        waitUntil(() -> driver.findElements(By.cssSelector("#k12-rows input.k12-pick:not(:disabled)")).size() >= 2);
        check("teacher's students, " + language);

        driver.findElements(By.cssSelector("#k12-rows input.k12-pick:not(:disabled)")).get(0).click();
        driver.findElement(By.id("k12-void")).click();
        WebElement dialog = driver.findElement(By.id("k12-confirm"));
        waitUntil(dialog::isDisplayed);
        assertEquals(driver.findElement(By.id("k12-confirm-cancel")), driver.switchTo().activeElement(),
                "the dialog opens with the focus on the safe choice");
        for (Viewport viewport : Accessibility.everySizeEndingWithThis(driver)) {
            Accessibility.resize(driver, viewport);
            Accessibility.assertNoViolations(driver, "void confirmation, " + language + ", " + viewport);
            Accessibility.assertFitsViewport(driver);
            Accessibility.assertTargetsAtLeast(driver, 44);
        }
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        waitUntil(() -> !dialog.isDisplayed());
        assertEquals(driver.findElement(By.id("k12-void")), driver.switchTo().activeElement(),
                "cancelling returns the focus to the button that opened the dialog");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "es"})
    @DisplayName("an LEA administrator's page (students, opt-outs, the regeneration form and its history) meets WCAG 2.1 AA on a phone and a Chromebook")
    void administratorPage(String language) {
        open(language, "lea-admin.920");
        waitUntil(() -> driver.findElement(By.id("k12-optouts")).isDisplayed()
                && driver.findElement(By.id("k12-regen")).isDisplayed()
                && !driver.findElements(By.cssSelector("#k12-rows tr")).isEmpty());
        check("administrator's page, " + language);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "es"})
    @DisplayName("the regeneration form refusing a value, and one request's new defaults, meet WCAG 2.1 AA on a phone and a Chromebook; the focus follows")
    void regenerationErrorAndNewDefaults(String language) {
        // a student of this test only, in a school of its own, so that no shared account's password changes
        String school = "920996";
        String student = "910009" + ("en".equals(language) ? "1" : "2") + "030";
        users = new TestUsers(realm.admin());
        users.create(student, "Paz", "Lemus", List.of("student"), List.of(),
                Map.of("psuCode", List.of("920"), "schoolCode", List.of(school), "gradeLevel", List.of("3"),
                        "studentNumber", List.of(student)), null);
        open(language, "lea-admin.920");
        waitUntil(() -> driver.findElement(By.id("k12-regen")).isDisplayed());
        new Select(driver.findElement(By.id("k12-regen-psu"))).selectByValue("920");

        // refused: the field in error is marked, names the message that says why, and has the focus
        driver.findElement(By.id("k12-regen-campuses")).sendKeys(school);
        driver.findElement(By.id("k12-regen-grades")).sendKeys("3, 99");
        driver.findElement(By.id("k12-regen-submit")).click();
        WebElement grades = driver.findElement(By.id("k12-regen-grades"));
        waitUntil(() -> "true".equals(grades.getDomAttribute("aria-invalid")));
        assertTrue(grades.getDomAttribute("aria-describedby").contains("k12-regen-status"),
                grades.getDomAttribute("aria-describedby"));
        assertTrue(driver.findElement(By.id("k12-regen-status")).getText().contains("\"99\""));
        assertEquals(grades, driver.switchTo().activeElement(), "the focus is on the field to correct");
        assertEquals("false", driver.findElement(By.id("k12-regen-campuses")).getDomAttribute("aria-invalid"));
        check("regeneration form refusing a grade, " + language);

        // accepted: the marks go, the request completes, and its new defaults are shown with the focus on their title
        grades.clear();
        grades.sendKeys("3");
        driver.findElement(By.id("k12-regen-comments")).sendKeys("accessibility");
        driver.findElement(By.id("k12-regen-submit")).click();
        waitUntil(() -> "false".equals(grades.getDomAttribute("aria-invalid"))
                && driver.findElement(By.id("k12-regen-status")).getDomAttribute("class").contains("success"));
        // completed, so that the history is no longer redrawn while the checks run
        String completed = "en".equals(language) ? "Completed" : "Completada";
        waitUntil(() -> {
            List<WebElement> cells = driver.findElement(By.id("k12-regen-rows")).findElements(By.tagName("tr")).get(0)
                    .findElements(By.tagName("td"));
            return cells.get(1).getText().contains(school) && completed.equals(cells.get(2).getText());
        });
        driver.findElement(By.id("k12-regen-rows")).findElements(By.tagName("tr")).get(0)
                .findElement(By.className("k12-regen-view")).click();
        waitUntil(() -> driver.findElement(By.id("k12-regen-defaults")).isDisplayed()
                && driver.findElement(By.id("k12-regen-defaults-rows")).getText().contains(student));
        assertEquals(driver.findElement(By.id("k12-regen-defaults-title")), driver.switchTo().activeElement(),
                "the focus is on the new defaults' title");
        check("new defaults of a request, " + language);

        driver.findElement(By.id("k12-regen-defaults-close")).click();
        assertFalse(driver.findElement(By.id("k12-regen-defaults")).isDisplayed());
        assertEquals(driver.findElement(By.id("k12-regen-title")), driver.switchTo().activeElement(),
                "closing them returns the focus to the form's title");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "es"})
    @DisplayName("a person the portal has nothing for, and the page after signing out, meet WCAG 2.1 AA on a phone and a Chromebook")
    void nothingToShowAndSignedOut(String language) {
        String student = "k12-a11y-portal-" + language;
        users = new TestUsers(realm.admin());
        users.create(student, "Ana", "Rubio", List.of("student"), List.of(), Map.of(),
                TestUsers.passwordSetDaysAgo(DemoRealm.PASSWORD, 1));
        open(language, student);
        waitUntil(() -> statusClass().contains("k12-status-error")
                && !driver.findElement(By.id("k12-status")).getText().isBlank());
        assertEquals("assertive", driver.findElement(By.id("k12-status")).getDomAttribute("aria-live"),
                "an error is announced at once");
        check("portal with nothing for a student, " + language);

        driver.findElement(By.id("k12-sign-out")).click();
        waitUntil(() -> driver.getCurrentUrl().contains("/k12-portal/")
                && statusClass().contains("k12-status-info"));
        check("portal after signing out, " + language);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"t.jones", "lea-admin.920"})
    @DisplayName("a teacher's and an LEA administrator's page fit WCAG 2.1's reflow width, 320 px, in Spanish")
    void reflowsAt320(String username) {
        open("es", Accessibility.REFLOW_WIDTH, 640, username);
        waitUntil(() -> !driver.findElements(By.cssSelector("#k12-rows tr")).isEmpty());
        if (username.startsWith("lea-admin")) {
            waitUntil(() -> driver.findElement(By.id("k12-regen")).isDisplayed()
                    && driver.findElement(By.id("k12-optouts")).isDisplayed());
        }
        Accessibility.assertFitsViewport(driver);
    }

    /** Signed in at the size the language's walk goes at; {@link #check} then checks each state at every size. */
    private void open(String language, String username) {
        Viewport walk = Accessibility.walkedAt(language);
        open(language, walk.width, walk.height, username);
    }

    private void open(String language, int width, int height, String username) {
        driver = Chromium.start();
        Accessibility.resize(driver, width, height);
        String portal = realm.getBaseUrl() + "/k12-portal/";
        driver.get(portal + "?lang=" + language);
        IdentifierFirst.signIn(driver, username, DemoRealm.PASSWORD);
        waitUntil(() -> driver.getCurrentUrl().startsWith(portal));
        waitUntil(() -> language.equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
    }

    private String statusClass() {
        return String.valueOf(driver.findElement(By.id("k12-status")).getDomAttribute("class"));
    }

    /** The four checks of the state the page is in, on a phone and on a Chromebook (the window back at its size). */
    private void check(String page) {
        Accessibility.assertAccessibleAtEverySize(driver, page);
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
