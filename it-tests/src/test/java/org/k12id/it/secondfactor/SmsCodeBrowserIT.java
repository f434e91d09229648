package org.k12id.it.secondfactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.k12id.it.support.Accessibility;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.SmsGateway;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The text message code in a real browser on a phone, in English and Spanish (issue 20): a teacher asked to set up a
 * second factor chooses "Text message" on "Set Up a Second Factor", types their mobile number (a number that is not
 * one is refused with the reason), types the code texted to it (a wrong one is refused), and the next sign-in asks for
 * a texted code; the account console's "Signing in" lists it (the number masked), offers Update (with Cancel) and
 * removes it; the number page, the code page and the refused code pass the WCAG 2.1 AA checks; and no code or number
 * appears in events or the server's log.
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given the text message code as a second factor in a real browser, in English and Spanish")
class SmsCodeBrowserIT extends CodeTests {


    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "es"})
    @DisplayName("a teacher chooses Text message when asked to set up a second factor, then signs in with a texted code")
    void setUpWhenAskedThenSignIn(String language) throws Exception {
        boolean english = "en".equals(language);
        String username = "7220" + run + (english ? "1" : "2");
        String id = EmailCodes.person(realm.admin(), users, username, null, language, "k12-second-factor-setup");
        String number = SmsCodes.number();
        try (SmsGateway gateway = SmsGateway.open()) {
            browser = CodeBrowser.start(realm.getBaseUrl());
            WebDriver driver = browser.driver;
            browser.open(language);
            browser.signIn(username);

            // Set Up a Second Factor: Text message
            assertEquals(english ? "Text message" : "Mensaje de texto",
                    browser.waitFor(By.cssSelector("label[for=k12-method-sms]")).getText().strip());
            driver.findElement(By.cssSelector("label[for=k12-method-sms]")).click();
            browser.click(By.id("k12-second-factor-submit"));

            // the number page
            WebElement field = browser.waitFor(By.id("k12_phone"));
            assertEquals(english ? "Set up text message code" : "Configurar el código por mensaje de texto", browser.heading());
            assertEquals("tel", field.getAttribute("type"));
            assertEquals("tel", field.getAttribute("autocomplete"));
            assertEquals("tel", field.getAttribute("inputmode"));
            assertEquals(english ? "Mobile number" : "Número de celular",
                    driver.findElement(By.cssSelector("label[for=k12_phone]")).getText().replace("*", "").strip());
            assertTrue(field.getAttribute("aria-describedby").contains("k12-sms-number-help"), "the help is announced");
            Accessibility.assertAccessibleAtEverySize(driver, "set up text message code, the number, " + language);
            field.sendKeys("+1 555 12");
            browser.click(By.id("k12-sms-number-submit"));
            assertTrue(browser.waitFor(By.id("input-error-k12_phone")).getText().startsWith(english
                    ? "A mobile number has 8 to 15 digits after the +" : "Un número de celular tiene de 8 a 15 dígitos"));
            assertEquals("true", driver.findElement(By.id("k12_phone")).getAttribute("aria-invalid"));
            assertTrue(gateway.texts().isEmpty(), "nothing sent to a number that is not one");
            WebElement retry = driver.findElement(By.id("k12_phone"));
            retry.clear();
            retry.sendKeys(number);
            browser.click(By.id("k12-sms-number-submit"));

            // the code page
            browser.waitFor(By.id("k12-code-form"));
            assertEquals(english ? "Set up text message code" : "Configurar el código por mensaje de texto", browser.heading());
            assertTrue(driver.findElement(By.id("k12-code-intro")).getText().contains(SmsCodes.masked(number)),
                    "the page shows where the code went, masked");
            assertFalse(driver.getPageSource().contains(number.substring(5)), "the page does not show the number");
            Accessibility.assertAccessibleAtEverySize(driver, "set up text message code, the code, " + language);
            String first = gateway.awaitCodeTo(number);
            codes.add(first);
            assertTrue(gateway.awaitLastTo(number).message().contains(english ? "It works for 5 minutes." : "Sirve durante 5 minutos."),
                    "the text is in the person's language");
            browser.type(EmailCodeBrowserIT.wrong(first));
            assertEquals(english ? "That code did not work. Check it, or press \"Resend code\" for a new one."
                    : "Ese código no sirvió. Revíselo, o pulse \"Reenviar código\" para recibir uno nuevo.", browser.message());
            Accessibility.assertAccessibleAtEverySize(driver, "set up text message code, code refused, " + language);
            browser.type(first);
            browser.awaitSignedIn(DemoRealm.PUBLIC_APP_REDIRECT);
            assertEquals(1, SmsCodes.credentials(realm.admin(), id));

            // the next sign-in asks for a texted code
            browser.forgetSession();
            browser.open(language);
            browser.signIn(username);
            browser.waitFor(By.id("k12-code-form"));
            assertEquals(english ? "Check your phone" : "Revise su teléfono", browser.heading());
            assertTrue(driver.findElement(By.id("k12-code-intro")).getText().startsWith((english ? "We texted a code to "
                    : "Le enviamos un código por mensaje de texto a ") + SmsCodes.masked(number)));
            String second = gateway.awaitCodeTo(number);
            codes.add(second);
            browser.type(second);
            browser.awaitSignedIn(DemoRealm.PUBLIC_APP_REDIRECT);

            // the account console's Signing in: listed by name with the number masked; Update (with Cancel); Remove
            driver.get(realm.getBaseUrl() + "/account/account-security/signing-in");
            String list = "[data-testid='" + SmsCodes.TYPE + "/credential-list']";
            WebElement listed = browser.waitFor(By.cssSelector(list));
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> listed.getText().contains(SmsCodes.masked(number)));
            assertTrue(driver.findElement(By.tagName("main")).getText().contains(english ? "Text message code"
                    : "Código por mensaje de texto"), "the account console names it in the person's language");
            browser.click(By.cssSelector(list + " [data-testrole='update']"));
            browser.waitFor(By.id("k12_phone"));
            browser.click(By.id("k12-sms-cancel-button"));
            browser.waitFor(By.cssSelector(list + " [data-testrole='remove']")).click();
            assertTrue(browser.waitFor(By.id("kc-delete-text")).getText().contains(SmsCodes.masked(number)));
            browser.click(By.id("kc-accept"));
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> SmsCodes.credentials(realm.admin(), id) == 0);
            browser.waitFor(By.cssSelector("[data-testid='" + SmsCodes.TYPE + "/create']"));
        }
        EmailCodes.assertAbsent(realm.admin(), logMark, codes, SmsCodes.details(number));
    }
}
