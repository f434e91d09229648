package org.k12id.it.secondfactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.k12id.it.support.Accessibility;
import org.k12id.it.support.Accessibility.Viewport;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.Mailbox;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The email code in a real browser, in English and Spanish (issue 20): a person whose district asked them to set it up
 * does so at their next sign-in (the code from a real SMTP server), then signs in with it; a wrong code and a code
 * already used are refused with one plain message; every page and state passes the WCAG 2.1 AA checks; and neither the
 * codes nor the address appear in events or the server's log.
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given the email code as a second factor in a real browser, in English and Spanish")
class EmailCodeBrowserIT extends CodeTests {

    private WebDriver driver;

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
            browser.signIn(username);
            browser.waitFor(By.id("k12-code-form"));
            assertEquals(english ? "Set up email code" : "Configurar el código por correo", browser.heading());
            String page = driver.getPageSource();
            assertTrue(page.contains("e\u2022\u2022\u2022@example.org"), "the page shows where the code went, masked");
            assertFalse(page.contains(address), "the page does not show the whole address");
            WebElement field = driver.findElement(By.id("k12_code"));
            assertEquals("one-time-code", field.getAttribute("autocomplete"));
            assertEquals("numeric", field.getAttribute("inputmode"));
            Accessibility.assertAccessibleAtEverySize(driver, "set up email code, " + language);
            String first = EmailCodes.code(mail, 0, address);
            codes.add(first);
            MimeMessage setupMail = mail.await(0);
            assertTrue(setupMail.getContentType().startsWith("multipart/alternative"), "HTML and text");
            String body = Mailbox.body(setupMail);
            assertTrue(body.contains(english ? "for 5 minutes" : "durante 5 minutos"), body);
            assertTrue(body.contains(english ? "you can ignore this email" : "puede ignorar este correo"), body);

            browser.type(wrong(first));
            assertEquals(english ? "That code did not work. Check it, or press \"Resend code\" for a new one."
                    : "Ese código no sirvió. Revíselo, o pulse \"Reenviar código\" para recibir uno nuevo.", browser.message());
            Accessibility.assertAccessibleAtEverySize(driver, "set up email code, code refused, " + language);
            assertEquals(0, EmailCodes.credentials(realm.admin(), id), "a wrong code sets nothing up");
            browser.type(first);
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(DemoRealm.PUBLIC_APP_REDIRECT));
            assertEquals(1, EmailCodes.credentials(realm.admin(), id));
            String data = realm.admin().users().get(id).credentials().stream()
                    .filter(c -> EmailCodes.TYPE.equals(c.getType())).findFirst().orElseThrow().getCredentialData();
            assertFalse(data.contains("@") || data.contains("ec." + run), "the credential keeps no address: " + data);

            // another day, another browser: the email code is asked after the password
            browser.close();
            start(language);
            browser.signIn(username);
            browser.waitFor(By.id("k12-code-form"));
            assertEquals(english ? "Check your email" : "Revise su correo", browser.heading());
            Accessibility.assertAccessibleAtEverySize(driver, "email code, " + language);
            String second = EmailCodes.code(mail, 1, address);
            codes.add(second);
            browser.type(first);
            assertTrue(browser.message().startsWith(english ? "That code did not work." : "Ese código no sirvió."),
                    "the code of the set-up, already used, is refused");
            browser.type(wrong(second));
            assertTrue(browser.message().startsWith(english ? "That code did not work." : "Ese código no sirvió."));
            Accessibility.assertAccessibleAtEverySize(driver, "email code, code refused, " + language);
            browser.type(second);
            browser.awaitSignedIn(DemoRealm.PUBLIC_APP_REDIRECT);

            // a used code does not sign in again
            browser.close();
            start(language);
            browser.signIn(username);
            browser.waitFor(By.id("k12-code-form"));
            codes.add(EmailCodes.code(mail, 2, address));
            browser.type(second);
            assertTrue(browser.message().startsWith(english ? "That code did not work." : "Ese código no sirvió."),
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
            browser = CodeBrowser.start(realm.getBaseUrl());
            driver = browser.driver;
            Accessibility.resize(driver, Viewport.CHROMEBOOK);
            driver.get(realm.getBaseUrl() + "/account/account-security/signing-in");
            browser.signIn(username);
            WebElement setUp = browser.waitFor(By.cssSelector("[data-testid='" + type + "/create']"));
            assertTrue(setUp.getText().contains("en".equals(language) ? "Email code" : "Código por correo"),
                    "the account console names the email code in the person's language: " + setUp.getText());
            setUp.click();
            browser.waitFor(By.id("k12-code-form"));
            assertEquals(1, driver.findElements(By.id("k12-code-cancel-button")).size(), "asked from the console: Cancel");
            Accessibility.assertAccessible(driver, "set up email code (from the account console), " + language);
            browser.type(EmailCodes.code(mail, 0, address));
            WebElement remove = browser.waitFor(By.cssSelector("[data-testid='" + type + "/credential-list'] [data-testrole='remove']"));
            assertEquals(1, EmailCodes.credentials(realm.admin(), id));
            assertTrue(driver.findElements(By.cssSelector("[data-testid='" + type + "/create']")).isEmpty(),
                    "once the address is proven, it is not offered again");
            remove.click();
            // Keycloak asks on its own page (the required action delete_credential), naming the masked address
            assertTrue(browser.waitFor(By.id("kc-delete-text")).getText().contains("e\u2022\u2022\u2022@example.org"));
            browser.click(By.id("kc-accept"));
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> EmailCodes.credentials(realm.admin(), id) == 0);
            browser.waitFor(By.cssSelector("[data-testid='" + type + "/create']"));
        }
    }

    /** The same length, one digit changed. */
    static String wrong(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
    }

    private void start(String language) {
        browser = CodeBrowser.start(realm.getBaseUrl());
        driver = browser.driver;
        browser.open(language);
    }
}
