package org.k12id.it.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.k12id.it.support.Browser;
import org.k12id.it.support.Captchas;
import org.k12id.it.support.ChallengeAnswers;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.Oidc;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Going through "Claim My Account" over HTTP, as a browser would: the pages and their forms; and the comparisons of
 * pages and times that no-disclosure tests share (also used by the recovery tests).
 */
public final class Claims {

    public static final String NOT_VERIFIED = "We could not verify those details.";

    private Claims() {
    }

    public static Oidc app(String realmUrl) {
        return new Oidc(realmUrl, DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
    }

    /** From the app's sign-in, "Claim My Account", then the policy: the page asking for the policy's details. */
    static Browser.Page detailsPage(Browser browser, String realmUrl, String policy, String language)
            throws Exception {
        return detailsPage(browser, app(realmUrl), policy, language);
    }

    /** As above, signing in to {@code app} (whose state and PKCE verifier the code exchange needs). */
    public static Browser.Page detailsPage(Browser browser, Oidc app, String policy, String language)
            throws Exception {
        Browser.Page username = browser.get(app.authorizationUrl()
                + ("en".equals(language) ? "" : "&ui_locales=" + language));
        assertNotNull(username.document().selectFirst("#k12-claim-link"), () -> "no Claim My Account:\n" + username.body());
        Browser.Page policies = browser.submit(username, "#k12-claim-start", Map.of());
        assertEquals(200, policies.status(), policies::body);
        Browser.Page details = Claims.submit(browser, policies, Map.of("k12_claim_policy", policy));
        assertEquals(200, details.status(), details::body);
        assertNotNull(details.document().selectFirst("#k12-claim-form input[name^=k12_claim_]:not([type=hidden])"),
                () -> "no details asked:\n" + details.body());
        return details;
    }

    /** Sends the claim page's form with {@code fields}, and "I'm not a robot" done when the page asks for it. */
    public static Browser.Page submit(Browser browser, Browser.Page page, Map<String, String> fields) throws Exception {
        String captcha = Captchas.answer(page.form("#k12-claim-form"));
        Map<String, String> all = new HashMap<>(fields);
        if (captcha != null) {
            all.putIfAbsent(Captchas.FIELD, captcha);
        }
        return browser.submit(page, "#k12-claim-form", all);
    }

    /**
     * After the details: accepts the terms of use, chooses {@code password} and sets the challenge questions
     * {@link ChallengeAnswers#ANSWERS}; the answer is the redirect back to the app.
     */
    public static Browser.Page finish(Browser browser, Browser.Page terms, String password) throws Exception {
        assertNotNull(terms.document().selectFirst("#kc-accept"), () -> "expected the terms of use:\n" + terms.body());
        Browser.Page choose = browser.submit(terms, "form", Map.of("accept", ""));
        assertNotNull(choose.document().selectFirst("#password-new"), () -> "expected the password page:\n" + choose.body());
        Browser.Page questions = browser.submit(choose, "form", Map.of("password-new", password, "password-confirm", password));
        return ChallengeAnswers.submit(browser, questions);
    }

    /** In a browser: checks "I'm not a robot" and waits until the widget has solved its proof of work. */
    static void notARobot(WebDriver driver) {
        Captchas.notARobot(driver, "#k12-claim-form");
    }

    /**
     * In a browser, from "Claim My Account" on the app's username page: chooses {@code policy}, types {@code fields}
     * (by id), passes "I'm not a robot", accepts the terms, chooses {@code password}, sets challenge questions, and waits
     * to be back at the app.
     */
    static void claimInBrowser(WebDriver driver, String policy, Map<String, String> fields, String password) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> d.findElement(By.id("k12-claim-link"))).click();
        wait.until(d -> d.findElement(By.cssSelector("label[for=k12-claim-policy-" + policy + "]"))).click();
        driver.findElement(By.id("k12-claim-submit")).click();
        fields.forEach((id, value) -> wait.until(d -> d.findElement(By.id(id))).sendKeys(value));
        notARobot(driver);
        driver.findElement(By.id("k12-claim-submit")).click();
        wait.until(d -> d.findElement(By.id("kc-accept"))).click();
        wait.until(d -> d.findElement(By.id("password-new"))).sendKeys(password);
        driver.findElement(By.id("password-confirm")).sendKeys(password);
        driver.findElement(By.id("kc-submit")).click();
        ChallengeAnswers.inBrowser(driver);
        wait.until(d -> d.getCurrentUrl().startsWith(DemoRealm.PUBLIC_APP_REDIRECT) && d.getCurrentUrl().contains("code="));
    }

    /**
     * The medians of {@code times} (milliseconds, by kind of refusal) agree: no kind does work the others skip. A
     * password hash (50 ms and more) would show; the allowance is for a shared, noisy machine.
     */
    public static void assertSameTime(Map<String, List<Long>> times) {
        Map<String, Long> medians = new LinkedHashMap<>();
        times.forEach((name, list) -> medians.put(name, list.stream().sorted().toList().get(list.size() / 2)));
        System.out.println("k12: median times of the refusals (ms): " + medians);
        long fastest = medians.values().stream().min(Long::compare).orElseThrow();
        long slowest = medians.values().stream().max(Long::compare).orElseThrow();
        assertTrue(slowest - fastest <= Math.max(40, fastest * 3 / 10),
                () -> "median times of the refusals (ms): " + medians + " from " + times);
    }

    /** A student's claim details as typed: UID, grade, birthdate, PSU code. */
    public static Map<String, String> student(String uid, String grade, String birthdate, String psu) {
        Map<String, String> fields = new HashMap<>();
        fields.put("k12_claim_uid", uid);
        fields.put("k12_claim_grade", grade);
        fields.put("k12_claim_birthdate", birthdate);
        fields.put("k12_claim_psu", psu);
        return fields;
    }

    static Map<String, String> employee(String uid, String birthdate, String psu) {
        return Map.of("k12_claim_uid", uid, "k12_claim_birthdate", birthdate, "k12_claim_psu", psu);
    }

    /** The page as it would be for any request: without the tokens that change on every request. */
    public static String withoutTokens(String html) {
        return html.replaceAll("\\s+selected(=\"[^\"]*\")?", "").replaceAll("(session_code|execution|tab_id|client_data|kc_locale)=[^\"&]*", "$1=")
                .replaceAll("nonce=\"[^\"]*\"", "nonce=\"\"")
                .replaceAll("challenge=\"[^\"]*\"", "challenge=\"\""); // "I'm not a robot": new every time
    }
}
