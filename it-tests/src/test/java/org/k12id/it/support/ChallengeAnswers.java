package org.k12id.it.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Setting challenge questions in tests: the first five questions of the pack's default bank with an answer each, sent
 * over HTTP or typed in a browser ("Set Up Challenge Questions", after a claim or when asked).
 */
public final class ChallengeAnswers {

    /** Question id to answer, in the order of the form's rows. */
    public static final Map<String, String> ANSWERS = new LinkedHashMap<>();

    static {
        ANSWERS.put("first-pet", "Señor Bigotes");
        ANSWERS.put("favorite-food", "tacos al pastor");
        ANSWERS.put("favorite-book", "Holes");
        ANSWERS.put("favorite-movie", "Coco");
        ANSWERS.put("favorite-animal", "axolotl");
    }

    private ChallengeAnswers() {
    }

    /** Sends the set-up form of {@code page} with {@code answers} (question id to answer, one row each). */
    public static Browser.Page submit(Browser browser, Browser.Page page, Map<String, String> answers) throws Exception {
        Map<String, String> fields = new HashMap<>();
        int row = 0;
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            fields.put("k12_question_" + row, answer.getKey());
            fields.put("k12_answer_" + row, answer.getValue());
            row++;
        }
        return browser.submit(page, "#k12-questions-form", fields);
    }

    /** Sends the set-up form of {@code page} with {@link #ANSWERS}. */
    public static Browser.Page submit(Browser browser, Browser.Page page) throws Exception {
        return submit(browser, page, ANSWERS);
    }

    /** In a browser on the set-up page: chooses and answers {@link #ANSWERS}, then Save. */
    public static void inBrowser(WebDriver driver) {
        inBrowser(driver, ANSWERS);
    }

    /** In a browser on the set-up page: chooses and answers {@code answers} (question id to answer), then Save. */
    public static void inBrowser(WebDriver driver, Map<String, String> answers) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("k12-questions-form")));
        int row = 0;
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            new Select(driver.findElement(By.id("k12_question_" + row))).selectByValue(answer.getKey());
            driver.findElement(By.id("k12_answer_" + row)).sendKeys(answer.getValue());
            row++;
        }
        driver.findElement(By.id("k12-questions-submit")).click();
    }
}
