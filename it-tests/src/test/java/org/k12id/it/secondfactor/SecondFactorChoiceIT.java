package org.k12id.it.secondfactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.k12id.it.support.Accessibility;
import org.k12id.it.support.Accessibility.Viewport;
import org.k12id.it.support.Chromium;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.Mailbox;
import org.k12id.it.support.Oidc;
import org.k12id.it.support.TestUsers;
import org.k12id.realmconfig.demo.DemoAuthenticatorApp;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Choosing among second factors in a real browser, in English and Spanish: a teacher with the authenticator app and
 * the email code is asked for the one used last, and reaches the other through "Try another way" (by keyboard); the
 * next sign-in offers the one used last first. Keycloak's own pages on the way (the app's code page and the choice of
 * method, in the k12 theme) pass the accessibility checks on a phone and a Chromebook.
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given a teacher with two second factors, in a real browser")
class SecondFactorChoiceIT {

    private static final Pattern CODE = Pattern.compile("[?&]code=([^&#]+)");

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    private WebDriver driver;
    private TestUsers users;
    private final String run = String.valueOf(System.currentTimeMillis() % 1_000_000);

    @BeforeEach
    void setUp() {
        users = new TestUsers(realm.admin());
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
    @DisplayName("the one used last is asked first, the other is a keyboard's \"Try another way\" away, and the tokens name the one used")
    void chooseAmongMethods(String language) throws Exception {
        boolean english = "en".equals(language);
        int mark = EmailCodes.logMark();
        String username = "7220" + run + (english ? "1" : "2");
        String address = "choice." + run + "." + language + "@example.org";
        String id = users.createWith(username, "Rosa", "Quintero", List.of("employee", "teacher"), List.of(),
                Map.of("staffId", List.of(username), "psuCode", List.of("920"), "schoolCode", List.of("920308"),
                        "locale", List.of(language)),
                List.of(TestUsers.passwordSetDaysAgo(EmailCodes.PASSWORD, 1), TestUsers.demoAuthenticatorApp()));
        UserRepresentation rep = realm.admin().users().get(id).toRepresentation();
        rep.setEmail(address);
        rep.setEmailVerified(true);
        rep.setRequiredActions(List.of(EmailCodes.SETUP));
        realm.admin().users().get(id).update(rep);
        List<String> codes = new ArrayList<>();
        try (Mailbox mail = Mailbox.open(realm.admin())) {
            // the app, the only method yet; then the email code is set up
            start(language, Viewport.PHONE);
            signIn(username);
            waitFor(By.id("kc-otp-login-form"));
            assertTrue(driver.findElements(By.id("try-another-way")).isEmpty(), "one method: nothing else to try");
            Accessibility.assertAccessible(driver, "authenticator app's code, " + language + ", phone");
            typeApp();
            waitFor(By.id("k12-code-form"));
            String setUp = EmailCodes.code(mail, 0, address);
            codes.add(setUp);
            typeCode(setUp);
            atApp(null);
            assertEquals(List.of("otp", EmailCodes.TYPE), types(id), "the app first: it was used last");

            // the app asked first; "Try another way", by keyboard, to the email code
            driver.quit();
            Oidc app = start(language, Viewport.CHROMEBOOK);
            signIn(username);
            waitFor(By.id("kc-otp-login-form"));
            Accessibility.assertAccessible(driver, "authenticator app's code, two methods, " + language + ", Chromebook");
            WebElement other = waitFor(By.id("try-another-way"));
            assertEquals(english ? "Try Another Way" : "Pruebe de otra manera", other.getText().strip());
            press(other);
            WebElement list = waitFor(By.cssSelector("ul[role=list]"));
            String choices = list.getText();
            assertTrue(choices.contains(english ? "Email code" : "Código por correo"), choices);
            assertEquals(english ? "Select login method" : "Seleccione el método de inicio de sesión", heading());
            Accessibility.assertAccessible(driver, "choose a second factor, " + language + ", Chromebook");
            Accessibility.resize(driver, Viewport.PHONE);
            Accessibility.assertAccessible(driver, "choose a second factor, " + language + ", phone");
            press(choice(english ? "Email code" : "Código por correo"));
            waitFor(By.id("k12-code-form"));
            String byEmail = EmailCodes.code(mail, 1, address);
            codes.add(byEmail);
            typeCode(byEmail);
            JsonNode token = atApp(app);
            List<String> amr = new ArrayList<>();
            token.path("amr").forEach(value -> amr.add(value.asText()));
            assertEquals(List.of("pwd", "email"), amr, token::toString);
            assertEquals("email", token.path("k12_second_factor").asText(), token::toString);
            assertEquals(List.of(EmailCodes.TYPE, "otp"), types(id), "the email code first now: it was used last");

            // the email code is offered first now, the app under "Try another way"
            driver.quit();
            start(language, Viewport.PHONE);
            signIn(username);
            waitFor(By.id("k12-code-form"));
            assertFalse(driver.findElements(By.id("try-another-way")).isEmpty(), "the app is still a choice");
            String again = EmailCodes.code(mail, 2, address);
            codes.add(again);
            typeCode(again);
            atApp(null);
        } finally {
            realm.admin().attackDetection().clearBruteForceForUser(id);
        }
        EmailCodes.assertNotDisclosed(realm.admin(), mark, codes, List.of(address));
    }

    private List<String> types(String id) {
        return realm.admin().users().get(id).credentials().stream().map(c -> c.getType())
                .filter(type -> !"password".equals(type)).toList();
    }

    private Oidc start(String language, Viewport viewport) {
        Oidc app = EmailCodes.app(realm.getBaseUrl());
        driver = Chromium.start();
        Accessibility.resize(driver, viewport);
        driver.get(app.authorizationUrl() + ("en".equals(language) ? "" : "&ui_locales=" + language));
        return app;
    }

    private void signIn(String username) {
        waitFor(By.id("username")).sendKeys(username);
        driver.findElement(By.id("kc-login")).click();
        waitFor(By.id("password")).sendKeys(EmailCodes.PASSWORD);
        driver.findElement(By.id("kc-login")).click();
    }

    private void typeApp() {
        waitFor(By.id("otp")).sendKeys(DemoAuthenticatorApp.code(System.currentTimeMillis() / 1000));
        driver.findElement(By.id("kc-login")).click();
    }

    private void typeCode(String code) {
        waitFor(By.id("k12_code")).sendKeys(code);
        driver.findElement(By.id("k12-code-submit")).click();
    }

    /** Moves the keyboard's focus to {@code element} and presses Enter, as a person without a mouse does. */
    private void press(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].focus();", element);
        assertEquals(element, driver.switchTo().activeElement(), "it takes the keyboard's focus");
        element.sendKeys(Keys.ENTER);
    }

    /** The choice on Keycloak's "Select login method" page whose heading is {@code name}. */
    private WebElement choice(String name) {
        for (WebElement item : driver.findElements(By.cssSelector("ul[role=list] li"))) {
            if (item.getText().contains(name)) {
                List<WebElement> buttons = item.findElements(By.cssSelector("button, [role=button]"));
                assertEquals(1, buttons.size(), item::getText);
                return buttons.get(0);
            }
        }
        throw new AssertionError("no choice named " + name);
    }

    /** Waits for the app's redirect; with {@code app}, exchanges its code and returns the ID token's claims. */
    private JsonNode atApp(Oidc app) throws Exception {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().startsWith(DemoRealm.PUBLIC_APP_REDIRECT) && d.getCurrentUrl().contains("code="));
        if (app == null) {
            return null;
        }
        Matcher code = CODE.matcher(driver.getCurrentUrl());
        assertTrue(code.find(), driver.getCurrentUrl());
        return Oidc.claims(app.exchange(java.net.URLDecoder.decode(code.group(1), java.nio.charset.StandardCharsets.UTF_8))
                .get("id_token").asText());
    }

    private String heading() {
        return driver.findElement(By.id("kc-page-title")).getText().strip();
    }

    private WebElement waitFor(By by) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(by));
        } catch (TimeoutException e) {
            throw new AssertionError("no " + by + " at " + driver.getCurrentUrl() + ", which shows:\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }
}
