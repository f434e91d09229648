package org.k12id.benchmarks.claims;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.k12id.benchmarks.logins.AppSession;
import org.k12id.benchmarks.logins.LoginClient;

/**
 * One person's "Claim My Account" from the app's sign-in to being signed in at the app, over HTTP as a browser does
 * it: the username page, "Claim My Account", the policy, the details with "I'm not a robot" (the verification step),
 * the terms of use, a new password, five challenge questions answered, the redirect with the code and the app's token
 * request. Throws when a page is not
 * the one a successful claim shows next.
 */
final class ClaimFlow {

    private static final Pattern CHALLENGE = Pattern.compile("<altcha-widget[^>]*\\schallenge=\"([^\"]+)\"");
    private static final Pattern FIRST_FORM = Pattern.compile("<form[^>]*\\saction=\"([^\"]+)\"");
    private static final Pattern FIELD_ERROR = Pattern.compile("id=\"input-error-(k12_[a-z_0-9]+)\"[^>]*>\\s*<span[^>]*>([^<]+)");
    /** Five questions of the pack's default bank and their answers, as "Set Up Challenge Questions" posts them. */
    private static final Map<String, String> QUESTIONS = Map.of(
            "k12_question_0", "first-pet", "k12_answer_0", "Biscuit the cat",
            "k12_question_1", "favorite-food", "k12_answer_1", "pupusas",
            "k12_question_2", "favorite-book", "k12_answer_2", "Hatchet",
            "k12_question_3", "favorite-movie", "k12_answer_3", "Moana",
            "k12_question_4", "favorite-animal", "k12_answer_4", "axolotl");

    /** What one claim took: the verification step's time and the whole claim's, and the proof of work's CPU. */
    record Timing(long verifyNanos, long totalNanos, long proofCpuNanos) {
    }

    private final LoginClient app;

    ClaimFlow(LoginClient app) {
        this.app = app;
    }

    Timing claim(Claimant person, String password) throws Exception {
        long start = System.nanoTime();
        AppSession s = app.session();
        String claimStart = AppSession.formAction(s.open(), "k12-claim-start");
        String policyAction = AppSession.formAction(s.post(claimStart, Map.of("k12_claim_step", "start")), "k12-claim-form");
        HttpResponse<String> details = s.post(policyAction, Map.of("k12_claim_step", "policy", "k12_claim_policy", person.policy()));
        String detailsAction = AppSession.formAction(details, "k12-claim-form");
        Matcher challenge = CHALLENGE.matcher(details.body());
        if (!challenge.find()) {
            throw new IOException("the details page has no I'm not a robot");
        }
        long cpu0 = ClaimBenchmark.THREADS.getCurrentThreadCpuTime();
        String answer = ProofOfWork.answer(unescape(challenge.group(1)));
        long proofCpu = ClaimBenchmark.THREADS.getCurrentThreadCpuTime() - cpu0;

        Map<String, String> fields = new HashMap<>(person.fields());
        fields.put("k12_captcha", answer);
        long verify0 = System.nanoTime();
        HttpResponse<String> terms = s.followed(s.post(detailsAction, fields));
        long verify = System.nanoTime() - verify0;
        if (terms.statusCode() != 200 || !terms.body().contains("id=\"kc-accept\"")) {
            throw new IOException("the details of " + person.policy() + " were not verified (HTTP " + terms.statusCode() + ")");
        }
        HttpResponse<String> passwordPage = s.followed(s.post(firstFormAction(terms), Map.of("accept", "")));
        String passwordAction = AppSession.formAction(passwordPage, "kc-passwd-update-form");
        HttpResponse<String> questions = s.followed(s.post(passwordAction, Map.of("password-new", password, "password-confirm", password)));
        String questionsAction = AppSession.formAction(questions, "k12-questions-form");
        HttpResponse<String> done = s.followed(s.post(questionsAction, QUESTIONS));
        if (done.statusCode() == 200) {
            throw new IOException("the questions were refused: " + fieldErrors(done.body()));
        }
        s.finish(done);
        return new Timing(verify, System.nanoTime() - start, proofCpu);
    }

    /** What a refused form says at its fields: field and words, for the failure's message. */
    private static String fieldErrors(String page) {
        Matcher m = FIELD_ERROR.matcher(page);
        StringBuilder errors = new StringBuilder();
        while (m.find()) {
            errors.append(m.group(1)).append(": ").append(m.group(2).strip()).append("; ");
        }
        return errors.length() == 0 ? "(no field said why)" : errors.toString();
    }

    private static String firstFormAction(HttpResponse<String> page) throws IOException {
        Matcher m = FIRST_FORM.matcher(page.body());
        if (!m.find()) {
            throw new IOException("no form on the terms page");
        }
        return m.group(1).replace("&amp;", "&");
    }

    /** The attribute's value as the browser reads it (FreeMarker escaped the JSON for HTML). */
    private static String unescape(String attribute) {
        return attribute.replace("&quot;", "\"").replace("&#34;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }
}
