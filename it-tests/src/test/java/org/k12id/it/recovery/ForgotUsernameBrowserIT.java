package org.k12id.it.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.k12id.it.support.Accessibility;
import org.k12id.it.support.Captchas;
import org.k12id.it.support.Chromium;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.Oidc;
import org.k12id.it.support.TestUsers;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A guardian recovers their username in a real browser, in English and Spanish, on a phone and a Chromebook: "Forgot
 * my username" on the username page, a malformed address (said at the field), the address with "I'm not a robot"
 * solved by the widget, the same answer page, the email arriving (GreenMail), and back to sign in. Every page and state
 * on the way passes the WCAG 2.1 AA checks of issue 16: axe-core, no sideways scrolling, 44 px targets, every control
 * reached by Tab with a visible focus; one walk per language, each page checked at both sizes by resizing it
 * ({@link Accessibility#assertAccessibleAtEverySize}).
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given Forgot my username in a real browser, in English and Spanish, on a phone and a Chromebook")
class ForgotUsernameBrowserIT {

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    private WebDriver driver;
    private TestUsers users;
    private GreenMail smtp;

    @BeforeEach
    void setUp() throws Exception {
        users = new TestUsers(realm.admin());
        smtp = Recovery.startMail(realm);
        driver = Chromium.start();
    }

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.quit();
        }
        users.removeAll();
        Recovery.stopMail(realm, smtp);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "es"})
    @DisplayName("a guardian recovers their username by email, and every page on the way meets WCAG 2.1 AA on a phone and a Chromebook")
    void recoverUsername(String language) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "browser." + run + "@example.org";
        String username = "g.fu.browser." + run;
        String id = users.create(username, "Lucía", "Serrano", List.of("guardian"), List.of(), Map.of(), null);
        UserRepresentation rep = realm.admin().users().get(id).toRepresentation();
        rep.setEmail(email);
        realm.admin().users().get(id).update(rep);
        Accessibility.resize(driver, Accessibility.walkedAt(language));
        driver.get(new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT)
                .authorizationUrl() + ("en".equals(language) ? "" : "&ui_locales=" + language));
        Accessibility.assertAccessibleAtEverySize(driver, "username page with Forgot my username, " + language);

        click(By.id("k12-forgot-username-link"));
        WebElement field = waitFor(By.id(Recovery.FIELD));
        assertEquals("email", field.getDomAttribute("type"));
        assertEquals(Recovery.FIELD, driver.switchTo().activeElement().getDomAttribute("id"), "the focus is on the address");
        Accessibility.assertAccessibleAtEverySize(driver, "forgot my username, " + language);

        // a malformed address: said at the field, which names its message
        field.sendKeys("lucia@");
        Captchas.notARobot(driver, Recovery.FORM);
        click(By.id("k12-forgot-username-submit"));
        WebElement refused = waitFor(By.cssSelector("#" + Recovery.FIELD + "[aria-invalid=true]"));
        assertEquals("input-error-" + Recovery.FIELD, refused.getDomAttribute("aria-describedby"));
        Accessibility.assertAccessibleAtEverySize(driver, "forgot my username: not an address, " + language);

        // "I'm not a robot" left undone: said at the widget
        refused.clear();
        refused.sendKeys(email);
        click(By.id("k12-forgot-username-submit"));
        waitFor(By.id("input-error-k12_captcha"));
        Accessibility.assertAccessibleAtEverySize(driver, "forgot my username: I'm not a robot not done, " + language);

        Captchas.notARobot(driver, Recovery.FORM);
        click(By.id("k12-forgot-username-submit"));
        WebElement sent = waitFor(By.id("k12-forgot-username-sent"));
        assertTrue(sent.getText().startsWith("en".equals(language) ? "If that address belongs" : "Si esa dirección pertenece"),
                sent.getText());
        Accessibility.assertAccessibleAtEverySize(driver, "forgot my username: sent, " + language);

        long deadline = System.currentTimeMillis() + 15_000;
        while (Recovery.mailsTo(smtp, email).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        List<MimeMessage> mails = Recovery.mailsTo(smtp, email);
        assertEquals(1, mails.size(), "the email arrives");
        assertTrue(GreenMailUtil.getBody(mails.get(0)).contains(username), "with the username");
        assertTrue(mails.get(0).getSubject().startsWith("en".equals(language) ? "Your username for" : "Su nombre de usuario de"));

        click(By.id("k12-forgot-username-back"));
        waitFor(By.id("username")).sendKeys(username);
    }

    private void click(By by) {
        WebElement element = waitFor(by);
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(element));
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(by));
    }
}
