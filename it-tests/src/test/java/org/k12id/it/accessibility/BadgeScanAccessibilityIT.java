package org.k12id.it.accessibility;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.k12id.it.support.Accessibility;
import org.k12id.it.support.Chromium;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.Oidc;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The badge scanner's states on the username page held to WCAG 2.1 AA: the camera running (Chromium's fake camera, no
 * badge in view), the camera blocked, no camera at all, and a page the browser deems insecure; in English and Spanish, on a phone and a Chromebook. Each
 * state: no critical, serious or moderate axe violation, no sideways scrolling, 44 px targets, every control reached by
 * Tab with a visible focus.
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given the badge scanner's states on the username page, in English and Spanish, on a phone and a Chromebook")
class BadgeScanAccessibilityIT {

    /** How the browser is started for each state, and the message (English, Spanish) the state shows. */
    enum State {
        CAMERA_RUNNING("Hold the badge up to the camera.", "Muestre la credencial a la cámara.",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"),
        CAMERA_BLOCKED("The camera is blocked", "La cámara está bloqueada",
                "--use-fake-device-for-media-stream", "--deny-permission-prompts"),
        NO_CAMERA("No camera was found", "No se encontró ninguna cámara",
                "--use-fake-ui-for-media-stream"),
        /**
         * The page reached over plain http by a name other than localhost (the browser resolves it to loopback): the
         * browser deems it insecure and gives it no camera.
         */
        INSECURE_PAGE("The camera can only be used on a secure (https) page.",
                "La cámara solo se puede usar en una página segura (https).",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--host-resolver-rules=MAP " + State.INSECURE_HOST + " 127.0.0.1");

        /** A name only the browser of the insecure state knows. */
        static final String INSECURE_HOST = "k12-school.test";

        final String english;
        final String spanish;
        final String[] chromium;

        State(String english, String spanish, String... chromium) {
            this.english = english;
            this.spanish = spanish;
            this.chromium = chromium;
        }
    }

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    private WebDriver driver;

    static Stream<Arguments> states() {
        List<Arguments> all = new ArrayList<>();
        for (State state : State.values()) {
            for (String language : List.of("en", "es")) {
                all.add(Arguments.of(state, language));
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

    @ParameterizedTest(name = "{0}")
    @EnumSource(State.class)
    @DisplayName("each state of the scanner fits WCAG 2.1's reflow width, 320 px, in Spanish")
    void scannerStateReflowsAt320(State state) {
        driver = Chromium.start(state.chromium);
        Accessibility.resize(driver, Accessibility.REFLOW_WIDTH, 640);
        openScanner(state, "es");
        Accessibility.assertFitsViewport(driver);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("states")
    @DisplayName("each state of the scanner meets WCAG 2.1 AA on a phone and a Chromebook, and says what is happening")
    void scannerStateIsAccessible(State state, String language) {
        driver = Chromium.start(state.chromium);
        Accessibility.resize(driver, Accessibility.walkedAt(language));
        openScanner(state, language);
        Accessibility.assertAccessibleAtEverySize(driver, "badge scanner, " + state + ", " + language);
    }

    /** Opens the username page, presses "Scan Student QR Code" and waits for the state's message. */
    private void openScanner(State state, String language) {
        String base = state == State.INSECURE_PAGE
                ? realm.getBaseUrl().replaceFirst("//localhost:", "//" + State.INSECURE_HOST + ":") : realm.getBaseUrl();
        Oidc app = new Oidc(base, DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        driver.get(app.authorizationUrl() + ("en".equals(language) ? "" : "&ui_locales=" + language));
        if (state == State.INSECURE_PAGE) {
            assertEquals(Boolean.FALSE, ((JavascriptExecutor) driver).executeScript("return window.isSecureContext"),
                    "the page at " + base + " is not a secure context");
        }
        driver.findElement(By.id("k12-badge-scan")).click();
        String expected = "en".equals(language) ? state.english : state.spanish;
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .withMessage(() -> "status: " + driver.findElement(By.id("k12-badge-status")).getText())
                .until(d -> d.findElement(By.id("k12-badge-status")).getText().startsWith(expected));
    }
}
