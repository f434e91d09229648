package org.k12id.it.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.k12id.it.support.Browser;
import org.k12id.it.support.Captchas;
import org.k12id.it.support.ChallengeAnswers;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.Oidc;

/** "Forgot my password" and challenge questions over HTTP, as a browser goes through them. */
public final class Questions {

    static final String WRONG = "We could not verify those answers.";

    private Questions() {
    }

    public static Oidc app(String realmUrl) {
        return new Oidc(realmUrl, DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
    }

    /** From the app's username page: "Forgot my password", the username: the "I'm not a robot" page. */
    public static Browser.Page captchaPage(Browser browser, String realmUrl, String username, String language) throws Exception {
        Browser.Page login = browser.get(app(realmUrl).authorizationUrl() + ("en".equals(language) ? "" : "&ui_locales=" + language));
        Element forgot = login.document().selectFirst("#k12-forgot-password");
        assertNotNull(forgot, () -> "no Forgot my password on the username page:\n" + login.body());
        Browser.Page reset = browser.get(forgot.absUrl("href"));
        Browser.Page captcha = browser.submit(reset, "#kc-reset-password-form", Map.of("username", username));
        assertNotNull(captcha.document().selectFirst("#k12-captcha-form"), () -> "expected I'm not a robot:\n" + captcha.body());
        return captcha;
    }

    /** From the app's username page: "Forgot my password", the username, "I'm not a robot": the answers page. */
    public static Browser.Page answersPage(Browser browser, String realmUrl, String username, String language) throws Exception {
        Browser.Page captcha = captchaPage(browser, realmUrl, username, language);
        Browser.Page answers = browser.submit(captcha, "#k12-captcha-form",
                Map.of(Captchas.FIELD, Captchas.answer(captcha.form("#k12-captcha-form"))));
        assertEquals(200, answers.status(), answers::body);
        assertNotNull(answers.document().selectFirst("#k12-answers-form"), () -> "expected the questions:\n" + answers.body());
        return answers;
    }

    /** The question texts the answers page asks, in order. */
    public static List<String> asked(Browser.Page answers) {
        List<String> texts = new ArrayList<>();
        for (Element label : answers.document().select("#k12-answers-form label")) {
            texts.add(label.text().replace("*", "").strip());
        }
        return texts;
    }

    /** Answers the page's questions: right ones from {@link ChallengeAnswers#ANSWERS} by the English text, or {@code wrong} for all. */
    public static Browser.Page answer(Browser browser, Browser.Page answers, String wrong) throws Exception {
        Map<String, String> fields = new HashMap<>();
        List<String> texts = asked(answers);
        for (int i = 0; i < texts.size(); i++) {
            fields.put("k12_answer_" + i, wrong != null ? wrong : ChallengeAnswers.ANSWERS.get(idOf(texts.get(i))));
        }
        return browser.submit(answers, "#k12-answers-form", fields);
    }

    /** The default bank's id of a question text in English or Spanish (the tests' questions are the first five of the bank). */
    static String idOf(String text) {
        return switch (text) {
            case "What was the name of your first pet?", "¿Cómo se llamaba tu primera mascota?" -> "first-pet";
            case "What is your favorite food?", "¿Cuál es tu comida favorita?" -> "favorite-food";
            case "What is the title of your favorite book?", "¿Cuál es el título de tu libro favorito?" -> "favorite-book";
            case "What is your favorite movie?", "¿Cuál es tu película favorita?" -> "favorite-movie";
            case "What is your favorite animal?", "¿Cuál es tu animal favorito?" -> "favorite-animal";
            default -> throw new AssertionError("not one of the tests' questions: " + text);
        };
    }

    /**
     * The page as any request would draw it: without per-request tokens, question texts, the captcha's challenge, or
     * the name typed (shown, with "Start Over", whether or not it names an account).
     */
    static String withoutTokens(String html) {
        return html.replaceAll("challenge=\"[^\"]*\"", "challenge=\"\"")
                .replaceAll("(id=\"kc-attempted-username\" value=\")[^\"]*", "$1")
                .replaceAll("(session_code|execution|tab_id|client_data|kc_locale)=[^\"&]*", "$1=")
                .replaceAll("nonce=\"[^\"]*\"", "nonce=\"\"")
                .replaceAll("(<label for=\"k12_answer_\\d\"[^>]*>\\s*<span[^>]*>)[^<]*", "$1");
    }
}
