package org.k12id.it.secondfactor;

import java.time.Duration;

import org.k12id.it.support.Accessibility;
import org.k12id.it.support.Accessibility.Viewport;
import org.k12id.it.support.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Chromium on a phone, on the sign-in pages of the codes sent to a person (the email and text message code browser
 * tests): the demo app's sign-in in a language, username and password, typing a code, and reading the page.
 */
final class CodeBrowser implements AutoCloseable {

    final WebDriver driver;
    private final String realmUrl;

    private CodeBrowser(WebDriver driver, String realmUrl) {
        this.driver = driver;
        this.realmUrl = realmUrl;
    }

    /** A new Chromium the size of a phone. */
    static CodeBrowser start(String realmUrl) {
        WebDriver driver = Chromium.start();
        Accessibility.resize(driver, Viewport.PHONE);
        return new CodeBrowser(driver, realmUrl);
    }

    /** The demo app's sign-in, in {@code language}. */
    void open(String language) {
        driver.get(EmailCodes.app(realmUrl).authorizationUrl() + ("en".equals(language) ? "" : "&ui_locales=" + language));
    }

    /** Forgets the server's cookies: the next sign-in is another day's. */
    void forgetSession() {
        driver.get(realmUrl + "/.well-known/openid-configuration");
        driver.manage().deleteAllCookies();
    }

    /** Username, Go; the test's password, Go. */
    void signIn(String username) {
        waitFor(By.id("username")).sendKeys(username);
        click(By.id("kc-login"));
        waitFor(By.id("password")).sendKeys(EmailCodes.PASSWORD);
        click(By.id("kc-login"));
    }

    /** Types a code and submits it, more than a second after the last (a quicker failure would lock the account). */
    void type(String code) throws InterruptedException {
        Thread.sleep(1_100);
        WebElement field = waitFor(By.id("k12_code"));
        field.clear();
        field.sendKeys(code);
        click(By.id("k12-code-submit"));
    }

    /** Waits until the browser is at {@code urlPrefix} with an authorization code (signed in). */
    void awaitSignedIn(String urlPrefix) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().startsWith(urlPrefix) && d.getCurrentUrl().contains("code="));
    }

    String heading() {
        return driver.findElement(By.id("kc-page-title")).getText().strip();
    }

    /** The message at the top of the page. */
    String message() {
        return waitFor(By.className("kc-feedback-text")).getText().strip();
    }

    /** Clicks, and waits for the page to change. */
    void click(By by) {
        WebElement element = waitFor(by);
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(element));
    }

    WebElement waitFor(By by) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(by));
        } catch (TimeoutException e) {
            throw new AssertionError("no " + by + " at " + driver.getCurrentUrl() + ", which shows:\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
