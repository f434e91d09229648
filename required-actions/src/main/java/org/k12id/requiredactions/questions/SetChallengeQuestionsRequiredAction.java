package org.k12id.requiredactions.questions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.k12id.authenticators.questions.ChallengeQuestions;
import org.k12id.domain.questions.QuestionRules;
import org.k12id.domain.questions.QuestionSettings;
import org.k12id.requiredactions.AskedSetupAction;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * "Set Up Challenge Questions": the person chooses their questions from the realm's bank and answers each (the rules:
 * {@link QuestionRules}). Runs after "Claim My Account" (the claim asks for it), after an LEA administrator cleared the
 * questions, and from the account console ("Signing in", Set up / Update). A refused form keeps the questions chosen
 * but never shows an answer again.
 */
final class SetChallengeQuestionsRequiredAction extends AskedSetupAction {

    static final String TEMPLATE = "k12-challenge-questions.ftl";
    static final String QUESTION_FIELD = "k12_question_";
    static final String ANSWER_FIELD = "k12_answer_";
    static final String EVENT = "k12_questions";

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(page(context, settings(context), List.of(), List.of()));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        QuestionSettings settings = settings(context);
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        List<String> ids = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < settings.toSet(); i++) {
            ids.add(form.getFirst(QUESTION_FIELD + i));
            answers.add(form.getFirst(ANSWER_FIELD + i));
        }
        UserModel user = context.getUser();
        List<QuestionRules.Finding> findings = QuestionRules.check(ids, answers, settings.bank(), user.getUsername(),
                user.getFirstName(), user.getLastName());
        if (!findings.isEmpty()) {
            context.challenge(page(context, settings, ids, findings));
            return;
        }
        ChallengeQuestions.store(context.getSession(), context.getRealm(), user, ids, answers);
        context.getEvent().detail(EVENT, "set");
        context.success();
    }

    private static QuestionSettings settings(RequiredActionContext context) {
        return QuestionSettings.orDefault(context.getConfig() == null ? null : context.getConfig().getConfig());
    }

    /** The form: a question list and an answer field per row; the rows' choices kept, findings said at their fields. */
    private static Response page(RequiredActionContext context, QuestionSettings settings, List<String> chosen,
                                 List<QuestionRules.Finding> findings) {
        String language = context.getSession().getContext().resolveLocale(context.getUser()).toLanguageTag();
        List<Map<String, String>> options = settings.bank().questions().stream()
                .map(q -> Map.of("id", q.id(), "text", q.text(language))).toList();
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < settings.toSet(); i++) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("number", String.valueOf(i + 1));
            row.put("questionField", QUESTION_FIELD + i);
            row.put("answerField", ANSWER_FIELD + i);
            String id = i < chosen.size() ? chosen.get(i) : null;
            row.put("chosen", id != null && settings.bank().find(id).isPresent() ? id : "");
            rows.add(row);
        }
        LoginFormsProvider form = context.form().setAttribute("k12QuestionOptions", options).setAttribute("k12QuestionRows", rows);
        for (QuestionRules.Finding finding : findings) {
            String field = (finding.problem().aboutQuestion() ? QUESTION_FIELD : ANSWER_FIELD) + finding.row();
            form.addError(new FormMessage(field, finding.problem().key));
        }
        return form.createForm(TEMPLATE);
    }
}
