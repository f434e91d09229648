package org.k12id.it.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.it.support.Badges;
import org.k12id.it.support.Chromium;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.FakeCamera;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.Oidc;
import org.k12id.it.support.TestUsers;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given a kindergartner holding their badge up to the camera of a real browser")
class BadgeCameraBrowserIT {

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private TestUsers users;
    private String student;
    private WebDriver driver;
    private Path video;

    @BeforeEach
    void setUp() {
        users = new TestUsers(realm.admin());
        student = users.create("9100000200", "Kai", "Ruiz", List.of("student"), List.of(),
                Map.of("psuCode", List.of("920"), "schoolCode", List.of("920304"), "gradeLevel", List.of("0")), null);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (video != null) {
            Files.deleteIfExists(video);
        }
        users.removeAll();
    }

    @Test
    @DisplayName("Scan Student QR Code opens the camera, the page decodes the badge, and the student lands at the app")
    void scanWithCamera() throws Exception {
        openScannerWithBadge();
        driver.findElement(By.id("k12-badge-scan")).click();
        awaitApp();
    }

    @Test
    @DisplayName("a badge decoded while the camera is still starting up still signs the student in")
    void badgeDecodedBeforeTheCameraFinishedStarting() throws Exception {
        openScannerWithBadge();
        // the scanner library reports "started" only after the first frames are already being decoded; on a slow device
        // a badge held up early is read before that. Holding the start back a second makes that order certain here.
        ((JavascriptExecutor) driver).executeScript(
                "var received = Html5Qrcode.prototype.onMediaStreamReceived;"
                + " Html5Qrcode.prototype.onMediaStreamReceived = function () {"
                + "   var started = received.apply(this, arguments);"
                + "   return started.then(function (value) { return new Promise(function (resolve) { setTimeout(function () { resolve(value); }, 1500); }); });"
                + " };");
        driver.findElement(By.id("k12-badge-scan")).click();
        awaitApp();
    }

    private void openScannerWithBadge() throws Exception {
        String token = Badges.accessToken(realm.getBaseUrl(), "lea-admin.920", DemoRealm.PASSWORD);
        Map.Entry<Integer, com.fasterxml.jackson.databind.JsonNode> issued = Badges.issue(urls.getBase(), DemoRealm.NAME, token, student);
        assertEquals(200, issued.getKey(), issued.getValue()::toString);
        video = FakeCamera.badgeVideo(issued.getValue().path("payload").asText());
        driver = Chromium.start("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + video);

        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        driver.get(app.authorizationUrl());
        assertEquals("Scan Student QR Code", driver.findElement(By.id("k12-badge-scan")).getText());
    }

    private void awaitApp() {
        // generous: on a loaded 2-core machine the fake camera and the decoding in the page can be slow to start;
        // a failure says where the page stood
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .withMessage(() -> "still at " + driver.getCurrentUrl() + ", status \"" + driver.findElement(By.id("k12-badge-status")).getText()
                        + "\", video " + ((JavascriptExecutor) driver).executeScript(
                                "var v = document.querySelector('#k12-badge-reader video');"
                                + " return v ? (v.readyState + ' ' + v.videoWidth + 'x' + v.videoHeight + ' t=' + v.currentTime) : 'none';"))
                .until(d -> d.getCurrentUrl().startsWith(DemoRealm.PUBLIC_APP_REDIRECT));
        assertTrue(driver.getCurrentUrl().contains("code="), driver.getCurrentUrl());
    }

    @Test
    @DisplayName("Start Over closes the camera and returns to the username screen; a denied camera gets its own message")
    void startOverAndDenied() throws Exception {
        driver = Chromium.start("--use-fake-device-for-media-stream", "--deny-permission-prompts");
        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        driver.get(app.authorizationUrl());
        driver.findElement(By.id("k12-badge-scan")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                d.findElement(By.id("k12-badge-status")).getText().startsWith("The camera is blocked"));
        assertTrue(driver.findElement(By.id("k12-badge-panel")).isDisplayed());
        // issue 16: the pressed button is gone from screen and Tab order, the focus is on the panel's Start Over
        assertTrue(!driver.findElement(By.id("k12-badge-scan")).isDisplayed());
        assertEquals("k12-badge-start-over", driver.switchTo().activeElement().getAttribute("id"));

        driver.findElement(By.id("k12-badge-start-over")).click();
        assertTrue(driver.findElement(By.id("k12-badge-scan")).isDisplayed());
        assertTrue(!driver.findElement(By.id("k12-badge-panel")).isDisplayed());
        assertEquals("username", driver.switchTo().activeElement().getAttribute("id"));
    }

    @Test
    @DisplayName("a device without a camera gets its own message")
    void noCamera() {
        driver = Chromium.start("--use-fake-ui-for-media-stream");
        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        driver.get(app.authorizationUrl());
        driver.findElement(By.id("k12-badge-scan")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                d.findElement(By.id("k12-badge-status")).getText().startsWith("No camera was found"));
    }
}
