package org.k12id.authenticators.questions;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.k12id.authenticators.PageStep;
import org.k12id.authenticators.hashing.RealmKeys;
import org.k12id.domain.questions.Question;
import org.k12id.domain.questions.QuestionBank;
import org.k12id.domain.questions.QuestionPicks;
import org.k12id.domain.questions.QuestionSettings;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * "Challenge Questions" in "Forgot my password": asks some of the person's questions and passes when every answer is
 * right. Whoever the name belongs to, the page looks the same: a name with no usable account (unknown, disabled, no
 * questions set) is asked stand-in questions (see {@link QuestionPicks}) that no answer passes, and checking them hashes
 * as many times as checking real answers. Wrong answers count toward Keycloak's brute-force lock-out of the account; a
 * locked account is refused with the same words, its answers still hashed. The questions asked are chosen once per
 * attempt (kept in the authentication session), so reloading does not offer others.
 */
final class ChallengeAnswersAuthenticator extends PageStep {

    static final String ASKED = "k12.questions.asked";
    static final String FIELD_PREFIX = "k12_answer_";
    static final String TEMPLATE = "k12-challenge-answers.ftl";
    static final String WRONG = "k12.questions.wrong";
    static final String EVENT = "k12_questions";
    private static final String STAND_IN_LABEL = "k12-questions-stand-ins-v1";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(page(context, asked(context), null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        List<String> asked = asked(context);
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        Map<String, String> answers = new HashMap<>();
        for (int i = 0; i < asked.size(); i++) {
            answers.put(asked.get(i), form.getFirst(FIELD_PREFIX + i));
        }
        UserModel user = context.getUser();
        boolean usable = usable(user);
        boolean locked = usable && AuthenticatorUtils.getDisabledByBruteForceEventError(context, user) != null;
        boolean right = ChallengeQuestions.verify(context.getSession(), context.getRealm(), usable ? user : null, asked, answers);
        if (right && !locked) {
            context.getEvent().detail(EVENT, "answered");
            context.success();
            return;
        }
        context.getEvent().detail(EVENT, "refused").error(locked ? Errors.USER_TEMPORARILY_DISABLED : Errors.INVALID_USER_CREDENTIALS);
        if (locked) {
            context.forceChallenge(page(context, asked, WRONG));
        } else {
            // counted toward the lock-out of the account the name belongs to (none for a name without one)
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page(context, asked, WRONG));
        }
    }

    /** The questions of this attempt: chosen on the first showing, then kept. */
    private static List<String> asked(AuthenticationFlowContext context) {
        String kept = context.getAuthenticationSession().getAuthNote(ASKED);
        if (kept != null && !kept.isEmpty()) {
            return List.of(kept.split(","));
        }
        RealmModel realm = context.getRealm();
        QuestionSettings settings = ChallengeQuestions.settings(realm);
        UserModel user = context.getUser();
        List<String> set = usable(user)
                ? ChallengeQuestions.questionIds(user).stream().filter(id -> settings.bank().find(id).isPresent()).toList()
                : List.of();
        if (set.isEmpty()) {
            String name = context.getAuthenticationSession().getAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
            byte[] key = RealmKeys.active(context.getSession(), realm, STAND_IN_LABEL)
                    .orElseThrow(() -> new IllegalStateException("realm " + realm.getName() + " has no active HS512 key"));
            set = QuestionPicks.standIns(key, name == null ? "" : name, settings.bank().ids(), settings.toSet());
        }
        List<String> asked = QuestionPicks.ask(set, settings.toAsk(), RANDOM);
        context.getAuthenticationSession().setAuthNote(ASKED, String.join(",", asked));
        return asked;
    }

    /** An enabled account with questions set: the only kind whose answers can pass. */
    private static boolean usable(UserModel user) {
        return user != null && user.isEnabled() && ChallengeQuestions.of(user).isPresent();
    }

    private static Response page(AuthenticationFlowContext context, List<String> asked, String error) {
        showTypedName(context);
        KeycloakSession session = context.getSession();
        String language = session.getContext().resolveLocale(context.getUser()).toLanguageTag();
        QuestionBank bank = ChallengeQuestions.settings(context.getRealm()).bank();
        List<Map<String, String>> questions = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            Map<String, String> question = new LinkedHashMap<>();
            question.put("field", FIELD_PREFIX + i);
            question.put("text", bank.find(asked.get(i)).map(q -> q.text(language)).orElse(""));
            questions.add(question);
        }
        var form = context.form().setAttribute("k12Questions", questions);
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(TEMPLATE);
    }
}
