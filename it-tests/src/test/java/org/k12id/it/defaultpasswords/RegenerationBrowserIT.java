package org.k12id.it.defaultpasswords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.it.support.Chromium;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.TestUsers;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An LEA administrator regenerates one school's grades from the district portal and sees the request complete. */
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
    @DisplayName("lea-admin.920 submits school 920998, grades 3 and 4, with reset: the history shows it completed for exactly 2 students")
    void regenerateFromThePage() {
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
        wait.until(d -> d.findElement(By.id("username"))).sendKeys("lea-admin.920");
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> d.findElement(By.id("password"))).sendKeys(DemoRealm.PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> d.findElement(By.id("k12-regen")).isDisplayed());

        new Select(driver.findElement(By.id("k12-regen-psu"))).selectByValue("920");
        driver.findElement(By.id("k12-regen-campuses")).sendKeys("920998");
        driver.findElement(By.id("k12-regen-grades")).sendKeys("3, 4");
        driver.findElement(By.id("k12-regen-reset")).click();
        driver.findElement(By.id("k12-regen-comments")).sendKeys("browser test");
        driver.findElement(By.id("k12-regen-submit")).click();

        wait.until(d -> d.findElement(By.id("k12-regen-status")).getText().equals("Request submitted. Its status appears below."));
        wait.until(d -> d.findElement(By.id("k12-regen-rows")).getText().contains("Completed"));
        String row = driver.findElement(By.id("k12-regen-rows")).findElements(By.tagName("tr")).get(0).getText();
        assertTrue(row.contains("920998"), row);
        assertTrue(row.contains("2 of 2 regenerated, 2 reset, 0 failed"), row);
        assertTrue(row.contains("lea-admin.920"), row);

        driver.findElement(By.id("k12-regen-grades")).clear();
        driver.findElement(By.id("k12-regen-grades")).sendKeys("3, 99");
        driver.findElement(By.id("k12-regen-submit")).click();
        wait.until(d -> d.findElement(By.id("k12-regen-status")).getText().startsWith("Please correct"));
        assertEquals("Please correct: Grade levels \"99\"", driver.findElement(By.id("k12-regen-status")).getText());
    }
}
