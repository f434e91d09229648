package org.k12id.it.secondfactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.k12id.it.support.Accessibility;
import org.k12id.it.support.Badges;
import org.k12id.it.support.Browser;
import org.k12id.it.support.Chromium;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.IdentifierFirst;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.Oidc;
import org.k12id.it.support.TestUsers;
import org.k12id.realmconfig.demo.DemoAuthenticatorApp;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Who is asked for a second factor in the demo realm's browser flow: LEA administrators and data auditors must have
 * one (set up at the sign-in if missing), anyone else who has one is asked for it, students never (nor a badge
 * sign-in), and what the tokens then say. Through the login pages with the demo's public app.
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given the demo realm, which asks LEA administrators and data auditors for a second factor")
class SecondFactorFlowIT {

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private static final String SETUP_FORM = "#k12-second-factor-form";
    private static final String TOTP_FORM = "#kc-totp-settings-form";
    private TestUsers users;
    private final List<Runnable> undo = new ArrayList<>();

    @BeforeEach
    void users() {
        users = new TestUsers(realm.admin());
    }

    @AfterEach
    void cleanUp() {
        undo.forEach(Runnable::run);
        users.removeAll();
    }

    private Oidc app() {
        return new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
    }

    private static Map<String, List<String>> staff(String staffId) {
        return Map.of("psuCode", List.of("920"), "schoolCode", List.of("920304"), "staffId", List.of(staffId));
    }

    /** Username and password through the login pages: the page after the password (no second factor answered). */
    private static Browser.Page password(Browser browser, Oidc app, String username) throws Exception {
        Browser.Page passwordPage = IdentifierFirst.enterUsername(browser, browser.get(app.authorizationUrl()), username);
        return browser.submit(passwordPage, "#kc-form-login", Map.of("password", DemoRealm.PASSWORD));
    }

    private static JsonNode idToken(Oidc app, Browser.Page redirect) throws Exception {
        assertNotNull(redirect.location(), () -> "not sent back to the app:\n" + redirect.body());
        assertTrue(redirect.location().startsWith(DemoRealm.PUBLIC_APP_REDIRECT), redirect.location());
        return Oidc.claims(app.exchange(app.codeFrom(redirect)).get("id_token").asText());
    }

    private static List<String> amr(JsonNode token) {
        List<String> values = new ArrayList<>();
        token.path("amr").forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String now() {
        return DemoAuthenticatorApp.code(System.currentTimeMillis() / 1000);
    }

    @Test
    @DisplayName("an LEA administrator with no second factor chooses one and sets it up before getting in; the next sign-in asks for it, and the tokens say so")
    void administratorSetsUpAtSignIn() throws Exception {
        users.create("lea-admin.2fa", "Lena", "Admin", List.of("employee", "lea-administrator"), List.of(),
                staff("92009901"), TestUsers.passwordSetDaysAgo(DemoRealm.PASSWORD, 1));
        Oidc app = app();
        Browser browser = new Browser();
        Browser.Page choose = password(browser, app, "lea-admin.2fa");
        assertNotNull(choose.document().selectFirst(SETUP_FORM), () -> "asked to set up a second factor:\n" + choose.body());
        assertNotNull(choose.document().selectFirst("input[name=k12_method][value=app]"), choose::body);

        Browser.Page refused = browser.submit(choose, SETUP_FORM, Map.of("k12_method", "carrier-pigeon"));
        assertNotNull(refused.document().selectFirst(SETUP_FORM), refused::body);
        assertTrue(refused.document().text().contains("Choose one of the ways to get your code"), refused::body);

        Browser.Page totp = browser.submit(refused, SETUP_FORM, Map.of("k12_method", "app"));
        assertNotNull(totp.document().selectFirst(TOTP_FORM), () -> "the authenticator app's set-up:\n" + totp.body());
        byte[] key = totp.document().selectFirst("input[name=totpSecret]").val().getBytes(StandardCharsets.UTF_8);
        Browser.Page done = browser.submit(totp, TOTP_FORM,
                Map.of("totp", DemoAuthenticatorApp.code(key, System.currentTimeMillis() / 1000), "userLabel", "Phone"));
        JsonNode first = idToken(app, done);
        assertEquals("lea-admin.2fa", first.path("preferred_username").asText());

        Browser again = new Browser();
        Browser.Page code = password(again, app, "lea-admin.2fa");
        assertNotNull(code.document().selectFirst(IdentifierFirst.OTP_FORM), () -> "asked for the app's code:\n" + code.body());
        JsonNode second = idToken(app, again.submit(code, IdentifierFirst.OTP_FORM,
                Map.of("otp", DemoAuthenticatorApp.code(key, System.currentTimeMillis() / 1000))));
        assertEquals(List.of("pwd", "otp"), amr(second), second::toString);
        assertEquals("app", second.path("k12_second_factor").asText(), second::toString);
        assertEquals("password", second.path("k12_login_method").asText());
    }

    @Test
    @DisplayName("an LEA data auditor with no second factor is asked to set one up too")
    void auditorSetsUpAtSignIn() throws Exception {
        users.create("lea-auditor.2fa", "Ari", "Audit", List.of("employee", "lea-data-auditor"), List.of(),
                staff("92009902"), TestUsers.passwordSetDaysAgo(DemoRealm.PASSWORD, 1));
        Browser.Page page = password(new Browser(), app(), "lea-auditor.2fa");
        assertNotNull(page.document().selectFirst(SETUP_FORM), () -> "asked to set up a second factor:\n" + page.body());
        assertNull(page.location(), "not signed in yet");
    }

    @Test
    @DisplayName("a teacher with no second factor is not asked for one; a teacher who has one is, and it is checked")
    void employeesAreAskedOnlyWhenTheyHaveOne() throws Exception {
        Oidc app = app();
        JsonNode plain = idToken(app, password(new Browser(), app, "t.jones"));
        assertEquals(List.of("pwd"), amr(plain), plain::toString);
        assertTrue(plain.path("k12_second_factor").isMissingNode(), plain::toString);

        users.createWith("t.2fa", "Tina", "Teach", List.of("employee", "teacher"), List.of(), staff("92009903"),
                List.of(TestUsers.passwordSetDaysAgo(DemoRealm.PASSWORD, 1), TestUsers.demoAuthenticatorApp()));
        Browser browser = new Browser();
        Oidc other = app();
        Browser.Page code = password(browser, other, "t.2fa");
        assertNotNull(code.document().selectFirst(IdentifierFirst.OTP_FORM), () -> "asked for the app's code:\n" + code.body());
        Browser.Page wrong = browser.submit(code, IdentifierFirst.OTP_FORM, Map.of("otp", "000000".equals(now()) ? "111111" : "000000"));
        assertNotNull(wrong.document().selectFirst(IdentifierFirst.OTP_FORM), "a wrong code is refused");
        assertNull(wrong.location());
        JsonNode token = idToken(other, browser.submit(wrong, IdentifierFirst.OTP_FORM, Map.of("otp", now())));
        assertEquals(List.of("pwd", "otp"), amr(token), token::toString);
    }

    @Test
    @DisplayName("a student who has an authenticator app is never asked for it: neither after the password nor at a badge sign-in")
    void studentsAreNeverAsked() throws Exception {
        String id = users.createWith("91002001", "Sam", "Student", List.of("student"), List.of(),
                Map.of("psuCode", List.of("920"), "schoolCode", List.of("920304"), "gradeLevel", List.of("2"),
                        "studentNumber", List.of("91002001")),
                List.of(TestUsers.passwordSetDaysAgo(DemoRealm.PASSWORD, 1), TestUsers.demoAuthenticatorApp()));
        Oidc app = app();
        JsonNode token = idToken(app, password(new Browser(), app, "91002001"));
        assertEquals(List.of("pwd"), amr(token), token::toString);
        assertTrue(token.path("k12_second_factor").isMissingNode(), token::toString);

        String admin = Badges.accessToken(realm.getBaseUrl(), "lea-admin.920", DemoRealm.PASSWORD);
        JsonNode badge = Badges.login(realm.getBaseUrl(), Badges.issuePayload(urls.getBase(), admin, id));
        assertEquals("badge", badge.path("k12_login_method").asText(), badge::toString);
        assertTrue(badge.path("k12_second_factor").isMissingNode(), badge::toString);
    }

    @Test
    @DisplayName("with \"Set Up a Second Factor\" turned off, an administrator who has none is refused, not let in without one")
    void refusedWhenItCannotBeSetUp() throws Exception {
        RequiredActionProviderRepresentation action = realm.admin().flows().getRequiredAction("k12-second-factor-setup");
        action.setEnabled(false);
        realm.admin().flows().updateRequiredAction("k12-second-factor-setup", action);
        undo.add(() -> {
            action.setEnabled(true);
            realm.admin().flows().updateRequiredAction("k12-second-factor-setup", action);
        });
        users.create("lea-admin.2fb", "Lou", "Admin", List.of("employee", "lea-administrator"), List.of(),
                staff("92009904"), TestUsers.passwordSetDaysAgo(DemoRealm.PASSWORD, 1));
        Browser.Page page = password(new Browser(), app(), "lea-admin.2fb");
        assertNull(page.location(), () -> "not signed in:\n" + page.body());
        assertTrue(page.document().text().contains("Your account needs a second way to sign in"), page::body);
        assertFalse(page.body().contains("Exception"), page::body);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "es"})
    @DisplayName("the page to choose a second factor, and the authenticator app's set-up after it (then done), pass the accessibility checks in both languages, on a phone and a Chromebook")
    void setUpPageIsAccessible(String language) throws Exception {
        String username = "lea-admin.2fc" + language;
        users.create(username, "Ana", "Admin", List.of("employee", "lea-administrator"), List.of(),
                staff("920099" + (language.equals("en") ? "1" : "2") + "0"), TestUsers.passwordSetDaysAgo(DemoRealm.PASSWORD, 1));
        WebDriver driver = Chromium.start();
        try {
            Accessibility.resize(driver, Accessibility.walkedAt(language));
            driver.get(app().authorizationUrl() + ("en".equals(language) ? "" : "&ui_locales=" + language));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(d -> d.findElement(By.id("username"))).sendKeys(username);
            driver.findElement(By.id("kc-login")).click();
            wait.until(d -> d.findElement(By.id("password"))).sendKeys(DemoRealm.PASSWORD);
            driver.findElement(By.id("kc-login")).click();
            wait.until(d -> !d.findElements(By.id("k12-second-factor-form")).isEmpty());
            assertEquals(language, driver.findElement(By.tagName("html")).getAttribute("lang"));
            assertEquals("en".equals(language) ? "Authenticator app" : "Aplicación de autenticación",
                    driver.findElement(By.cssSelector("label[for=k12-method-app]")).getText());
            Accessibility.assertAccessibleAtEverySize(driver, "set up a second factor, " + language);
            // Keycloak's own set-up of the authenticator app, in the k12 theme, is the next page
            driver.findElement(By.cssSelector("label[for=k12-method-app]")).click();
            driver.findElement(By.cssSelector(SETUP_FORM + " [type=submit]")).click();
            wait.until(d -> !d.findElements(By.id("kc-totp-settings-form")).isEmpty());
            Accessibility.assertAccessibleAtEverySize(driver, "set up the authenticator app, " + language);
            // set up with the key the page gives, then in
            byte[] key = driver.findElement(By.id("totpSecret")).getAttribute("value").getBytes(StandardCharsets.UTF_8);
            driver.findElement(By.id("totp")).sendKeys(DemoAuthenticatorApp.code(key, System.currentTimeMillis() / 1000));
            driver.findElement(By.id("userLabel")).sendKeys("Phone");
            driver.findElement(By.id("saveTOTPBtn")).click();
            wait.until(d -> d.getCurrentUrl().startsWith(DemoRealm.PUBLIC_APP_REDIRECT));
            String id = realm.admin().users().search(username, true).get(0).getId();
            assertTrue(realm.admin().users().get(id).credentials().stream().anyMatch(c -> "otp".equals(c.getType())),
                    "the app is set up");
        } finally {
            driver.quit();
        }
    }
}
