package org.k12id.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.k12id.realmconfig.demo.DemoAuthenticatorApp;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The realm's identifier-first pages, step by step: username and "Go", then password and "Go", then, for the demo's
 * LEA administrators and data auditors, the demo authenticator app's code ({@link DemoAuthenticatorApp}).
 */
public final class IdentifierFirst {

    private IdentifierFirst() {
    }

    /**
     * From the username page, signs in and returns the server's answer to the password step, or, when that answer asks
     * for an authenticator app's code, the answer to the demo key's code.
     */
    public static Browser.Page login(Browser browser, Browser.Page usernamePage, String username, String password)
            throws IOException, InterruptedException {
        Browser.Page passwordPage = enterUsername(browser, usernamePage, username);
        Browser.Page answer = browser.submit(passwordPage, "#kc-form-login", Map.of("password", password));
        return answer.status() == 200 && answer.document().selectFirst(OTP_FORM) != null
                ? browser.submit(answer, OTP_FORM, Map.of("otp", DemoAuthenticatorApp.code(System.currentTimeMillis() / 1000)))
                : answer;
    }

    /**
     * In Chromium, on the realm's username page: username, Go; password, Go; and, when an authenticator app's code is
     * asked, the demo key's code, Go. Returns once the login pages are behind.
     */
    public static void signIn(WebDriver driver, String username, String password) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.id("username"))).sendKeys(username);
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> d.findElement(By.id("password"))).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> !d.findElements(By.id("otp")).isEmpty() || d.findElements(By.id("password")).isEmpty());
        if (!driver.findElements(By.id("otp")).isEmpty()) {
            driver.findElement(By.id("otp")).sendKeys(DemoAuthenticatorApp.code(System.currentTimeMillis() / 1000));
            driver.findElement(By.id("kc-login")).click();
            wait.until(d -> d.findElements(By.id("otp")).isEmpty());
        }
    }

    /** Keycloak's page asking for an authenticator app's code. */
    public static final String OTP_FORM = "#kc-otp-login-form";

    public static Browser.Page enterUsername(Browser browser, Browser.Page usernamePage, String username)
            throws IOException, InterruptedException {
        assertUsernamePage(usernamePage);
        Browser.Page passwordPage = browser.submit(usernamePage, "#kc-form-login", Map.of("username", username));
        assertEquals(200, passwordPage.status(), passwordPage::body);
        assertNotNull(passwordPage.document().selectFirst("input[name=password]"),
                () -> "the second step should ask for the password:\n" + passwordPage.body());
        return passwordPage;
    }

    /** The first step asks for the username only, with a "Go" button ("Ir" in Spanish). */
    public static void assertUsernamePage(Browser.Page page) {
        assertEquals(200, page.status(), page::body);
        Document document = page.document();
        assertNotNull(document.selectFirst("input[name=username]"), () -> "no username field:\n" + page.body());
        assertNull(document.selectFirst("input[name=password]"), "the first step must not ask for the password");
        String go = "es".equals(document.selectFirst("html").attr("lang")) ? "Ir" : "Go";
        assertEquals(go, document.selectFirst("#kc-login").text());
    }
}
