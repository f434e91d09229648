package org.k12id.it.defaultpasswords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.it.support.Browser;
import org.k12id.it.support.Chromium;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.IdentifierFirst;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An LEA administrator regenerates one school's grades from the district portal, sees the request complete, reads the
 * new defaults of exactly those students on the page, and each student logs in with the default shown.
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given the district portal's Regenerate Student Default Passwords form in a real browser")
class RegenerationBrowserIT {

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

    @Test
    @DisplayName("lea-admin.920 submits school 920998, grades 3 and 4, with reset: it completes for exactly 2 students, whose defaults on the page log them in")
    void regenerateFromThePage() throws Exception {
        users = new TestUsers(realm.admin());
        for (String grade : List.of("3", "4", "5")) {
            String username = "91000008" + grade + "0";
            users.create(username, "Page", "Grade" + grade, List.of("student"), List.of(),
                    Map.of("psuCode", List.of("920"), "schoolCode", List.of("920998"), "gradeLevel", List.of(grade),
                            "studentNumber", List.of(username)), null);
        }
        driver = Chromium.start();
        driver.get(realm.getBaseUrl() + "/k12-portal/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        IdentifierFirst.signIn(driver, "lea-admin.920", DemoRealm.PASSWORD);
        wait.until(d -> d.findElement(By.id("k12-regen")).isDisplayed());

        new Select(driver.findElement(By.id("k12-regen-psu"))).selectByValue("920");
        driver.findElement(By.id("k12-regen-campuses")).sendKeys("920998");
        driver.findElement(By.id("k12-regen-grades")).sendKeys("3, 4");
        driver.findElement(By.id("k12-regen-reset")).click();
        driver.findElement(By.id("k12-regen-comments")).sendKeys("browser test");
        driver.findElement(By.id("k12-regen-submit")).click();

        wait.until(d -> d.findElement(By.id("k12-regen-status")).getText().equals("Request submitted. Its status appears below."));
        // this request's row (the newest, first) completes; the PSU's history may hold earlier requests of other tests
        wait.until(d -> {
            String newest = d.findElement(By.id("k12-regen-rows")).findElements(By.tagName("tr")).get(0).getText();
            return newest.contains("920998") && newest.contains("Completed");
        });
        String row = driver.findElement(By.id("k12-regen-rows")).findElements(By.tagName("tr")).get(0).getText();
        assertTrue(row.contains("920998"), row);
        assertTrue(row.contains("2 of 2 regenerated, 2 reset, 0 failed"), row);
        assertTrue(row.contains("lea-admin.920"), row);

        // the new defaults of exactly those two students, read from the page; each logs its student in
        driver.findElement(By.id("k12-regen-rows")).findElements(By.tagName("tr")).get(0)
                .findElement(By.className("k12-regen-view")).click();
        wait.until(d -> d.findElement(By.id("k12-regen-defaults")).isDisplayed()
                && !d.findElements(By.cssSelector("#k12-regen-defaults-rows tr")).isEmpty());
        Map<String, String> defaults = new TreeMap<>();
        for (WebElement tr : driver.findElements(By.cssSelector("#k12-regen-defaults-rows tr"))) {
            List<WebElement> cells = tr.findElements(By.tagName("td"));
            defaults.put(cells.get(0).getText(), cells.get(4).getText());
        }
        assertEquals(List.of("9100000830", "9100000840"), List.copyOf(defaults.keySet()), "exactly grades 3 and 4 of 920998");
        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        for (Map.Entry<String, String> student : defaults.entrySet()) {
            assertTrue(student.getValue().length() >= 8, "a default is shown for " + student.getKey());
            Browser browser = new Browser();
            Browser.Page page = IdentifierFirst.login(browser, browser.get(app.authorizationUrl()), student.getKey(), student.getValue());
            assertNotNull(page.location(), student.getKey() + " logs in with the default shown on the page");
            assertTrue(app.exchange(app.codeFrom(page)).hasNonNull("access_token"), student.getKey() + " gets tokens");
        }
        driver.findElement(By.id("k12-regen-defaults-close")).click();
        assertFalse(driver.findElement(By.id("k12-regen-defaults")).isDisplayed(), "the passwords can be hidden again");
        assertTrue(driver.findElements(By.cssSelector("#k12-regen-defaults-rows tr")).isEmpty(), "and leave the page");

        driver.findElement(By.id("k12-regen-grades")).clear();
        driver.findElement(By.id("k12-regen-grades")).sendKeys("3, 99");
        driver.findElement(By.id("k12-regen-submit")).click();
        wait.until(d -> d.findElement(By.id("k12-regen-status")).getText().startsWith("Please correct"));
        assertEquals("Please correct: Grade levels \"99\"", driver.findElement(By.id("k12-regen-status")).getText());
    }
}
