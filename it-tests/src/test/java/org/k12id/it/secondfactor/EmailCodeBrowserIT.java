package org.k12id.it.secondfactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
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
import org.k12id.it.support.TestUsers;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The email code in a real browser, in English and Spanish (issue 20): a person whose district asked them to set it up
 * does so at their next sign-in (the code from a real SMTP server), then signs in with it; a wrong code and a code
 * already used are refused with one plain message; every page and state passes the WCAG 2.1 AA checks; and neither the
 * codes nor the address appear in events or the server's log.
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given the email code as a second factor in a real browser, in English and Spanish")
class EmailCodeBrowserIT {

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
    @DisplayName("a person sets up the email code when asked, signs in with it; wrong and used codes are refused")
    void setUpThenSignIn(String language) throws Exception {
        int mark = EmailCodes.logMark();
        String username = "7200" + run + ("en".equals(language) ? "1" : "2");
        String address = "ec." + run + "." + language + "@example.org";
        String id = EmailCodes.person(realm.admin(), users, username, address, language, EmailCodes.SETUP);
        List<String> codes = new ArrayList<>();
        boolean english = "en".equals(language);
        try (Mailbox mail = Mailbox.open(realm.admin())) {
            // set up at the next sign-in
            start(language);
            signIn(username);
            waitFor(By.id("k12-code-form"));
            assertEquals(english ? "Set up email code" : "Configurar el código por correo", heading());
            String page = driver.getPageSource();
            assertTrue(page.contains("e\u2022\u2022\u2022@example.org"), "the page shows where the code went, masked");
            assertFalse(page.contains(address), "the page does not show the whole address");
            WebElement field = driver.findElement(By.id("k12_code"));
            assertEquals("one-time-code", field.getAttribute("autocomplete"));
            assertEquals("numeric", field.getAttribute("inputmode"));
            Accessibility.assertAccessible(driver, "set up email code, " + language);
            String first = EmailCodes.code(mail, 0, address);
            codes.add(first);
            MimeMessage setupMail = mail.await(0);
            assertTrue(setupMail.getContentType().startsWith("multipart/alternative"), "HTML and text");
            String body = Mailbox.body(setupMail);
            assertTrue(body.contains(english ? "for 5 minutes" : "durante 5 minutos"), body);
            assertTrue(body.contains(english ? "you can ignore this email" : "puede ignorar este correo"), body);

            type(wrong(first));
            assertEquals(english ? "That code did not work. Check it, or press \"Resend code\" for a new one."
                    : "Ese código no sirvió. Revíselo, o pulse \"Reenviar código\" para recibir uno nuevo.", message());
            Accessibility.assertAccessible(driver, "set up email code, code refused, " + language);
            assertEquals(0, EmailCodes.credentials(realm.admin(), id), "a wrong code sets nothing up");
            type(first);
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(DemoRealm.PUBLIC_APP_REDIRECT));
            assertEquals(1, EmailCodes.credentials(realm.admin(), id));
            String data = realm.admin().users().get(id).credentials().stream()
                    .filter(c -> EmailCodes.TYPE.equals(c.getType())).findFirst().orElseThrow().getCredentialData();
            assertFalse(data.contains("@") || data.contains("ec." + run), "the credential keeps no address: " + data);

            // another day, another browser: the email code is asked after the password
            driver.quit();
            start(language);
            signIn(username);
            waitFor(By.id("k12-code-form"));
            assertEquals(english ? "Check your email" : "Revise su correo", heading());
            Accessibility.assertAccessible(driver, "email code, " + language);
            String second = EmailCodes.code(mail, 1, address);
            codes.add(second);
            type(first);
            assertTrue(message().startsWith(english ? "That code did not work." : "Ese código no sirvió."),
                    "the code of the set-up, already used, is refused");
            type(wrong(second));
            assertTrue(message().startsWith(english ? "That code did not work." : "Ese código no sirvió."));
            Accessibility.assertAccessible(driver, "email code, code refused, " + language);
            type(second);
            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().startsWith(DemoRealm.PUBLIC_APP_REDIRECT) && d.getCurrentUrl().contains("code="));

            // a used code does not sign in again
            driver.quit();
            start(language);
            signIn(username);
            waitFor(By.id("k12-code-form"));
            codes.add(EmailCodes.code(mail, 2, address));
            type(second);
            assertTrue(message().startsWith(english ? "That code did not work." : "Ese código no sirvió."),
                    "a code that signed in once is refused");
            assertFalse(driver.getCurrentUrl().startsWith(DemoRealm.PUBLIC_APP_REDIRECT));
        }
        EmailCodes.assertNotDisclosed(realm.admin(), mark, codes, List.of(address));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "es"})
    @DisplayName("a person sets up the email code from the account console's Signing in page, then removes it there")
    void fromAccountConsole(String language) throws Exception {
        String username = "7210" + run + ("en".equals(language) ? "1" : "2");
        String address = "ecc." + run + "." + language + "@example.org";
        String id = EmailCodes.person(realm.admin(), users, username, address, language);
        String type = EmailCodes.TYPE;
        try (Mailbox mail = Mailbox.open(realm.admin())) {
            driver = Chromium.start();
            Accessibility.resize(driver, Viewport.CHROMEBOOK);
            driver.get(realm.getBaseUrl() + "/account/account-security/signing-in");
            signIn(username);
            WebElement setUp = waitFor(By.cssSelector("[data-testid='" + type + "/create']"));
            assertTrue(setUp.getText().contains("en".equals(language) ? "Email code" : "Código por correo"),
                    "the account console names the email code in the person's language: " + setUp.getText());
            setUp.click();
            waitFor(By.id("k12-code-form"));
            assertEquals(1, driver.findElements(By.id("k12-code-cancel-button")).size(), "asked from the console: Cancel");
            Accessibility.assertAccessible(driver, "set up email code (from the account console), " + language);
            type(EmailCodes.code(mail, 0, address));
            WebElement remove = waitFor(By.cssSelector("[data-testid='" + type + "/credential-list'] [data-testrole='remove']"));
            assertEquals(1, EmailCodes.credentials(realm.admin(), id));
            assertTrue(driver.findElements(By.cssSelector("[data-testid='" + type + "/create']")).isEmpty(),
                    "once the address is proven, it is not offered again");
            remove.click();
            // Keycloak asks on its own page (the required action delete_credential), naming the masked address
            assertTrue(waitFor(By.id("kc-delete-text")).getText().contains("e\u2022\u2022\u2022@example.org"));
            click(By.id("kc-accept"));
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> EmailCodes.credentials(realm.admin(), id) == 0);
            waitFor(By.cssSelector("[data-testid='" + type + "/create']"));
        }
    }

    /** The same length, one digit changed. */
    static String wrong(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
    }

    private void start(String language) {
        driver = Chromium.start();
        Accessibility.resize(driver, Viewport.PHONE);
        driver.get(EmailCodes.app(realm.getBaseUrl()).authorizationUrl() + ("en".equals(language) ? "" : "&ui_locales=" + language));
    }

    private void signIn(String username) {
        waitFor(By.id("username")).sendKeys(username);
        click(By.id("kc-login"));
        waitFor(By.id("password")).sendKeys(EmailCodes.PASSWORD);
        click(By.id("kc-login"));
    }

    /** Types a code and submits it, more than a second after the last (a quicker failure would lock the account). */
    private void type(String code) throws InterruptedException {
        Thread.sleep(1_100);
        waitFor(By.id("k12_code")).sendKeys(code);
        click(By.id("k12-code-submit"));
    }

    private String heading() {
        return driver.findElement(By.id("kc-page-title")).getText().strip();
    }

    private String message() {
        return waitFor(By.className("kc-feedback-text")).getText().strip();
    }

    private void click(By by) {
        WebElement element = waitFor(by);
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(element));
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
