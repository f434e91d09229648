package org.k12id.requiredactions.secondfactor;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.k12id.authenticators.secondfactor.SecondFactors;
import org.k12id.authenticators.sms.SmsSender;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/**
 * "Set Up a Second Factor": the person chooses how they will prove it is them after their password (an authenticator
 * app, an email code or a text message code: {@link SetupChoices}), and the chosen method's own set-up follows at once.
 * Asked by the step "K12 Second Factor Required" of people who must use one and have none; done as soon as the person
 * has one. Cannot be skipped: when no method can be offered, the page says to ask the district, and the sign-in stops.
 */
final class SecondFactorSetup implements RequiredActionProvider {

    static final String TEMPLATE = "k12-second-factor-setup.ftl";
    static final String FIELD = "k12_method";
    static final String EVENT = "k12_second_factor";

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.NOT_SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        // asked for by the step "K12 Second Factor Required", never on its own
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (SecondFactors.hasAny(context.getUser())) {
            context.success();
            return;
        }
        List<SetupChoices.Choice> choices = SetupChoices.available(context.getRealm(), context.getUser(),
                SmsSender.ofSession(context.getSession()) != null);
        if (choices.isEmpty()) {
            context.getEvent().detail(EVENT, "no_method").error(Errors.INVALID_USER_CREDENTIALS);
            context.challenge(context.form().setError("k12.secondFactor.noMethod").createErrorPage(Response.Status.FORBIDDEN));
            return;
        }
        context.challenge(page(context, choices, null));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (SecondFactors.hasAny(context.getUser())) {
            context.success();
            return;
        }
        List<SetupChoices.Choice> choices = SetupChoices.available(context.getRealm(), context.getUser(),
                SmsSender.ofSession(context.getSession()) != null);
        String posted = context.getHttpRequest().getDecodedFormParameters().getFirst(FIELD);
        SetupChoices.find(choices, posted == null ? "" : posted).ifPresentOrElse(choice -> {
            context.getAuthenticationSession().addRequiredAction(choice.action());
            context.getEvent().detail(EVENT, "chose_" + choice.key());
            context.success();
        }, () -> {
            if (choices.isEmpty()) {
                requiredActionChallenge(context);
            } else {
                context.challenge(page(context, choices, new FormMessage(FIELD, "k12.secondFactor.chooseOne")));
            }
        });
    }

    private static Response page(RequiredActionContext context, List<SetupChoices.Choice> choices, FormMessage error) {
        List<Map<String, String>> rows = choices.stream().map(choice -> Map.of("key", choice.key(),
                "label", choice.labelKey(), "help", choice.helpKey())).toList();
        LoginFormsProvider form = context.form().setAttribute("k12SecondFactorChoices", rows);
        if (error != null) {
            form.addError(error);
        }
        return form.createForm(TEMPLATE);
    }

    @Override
    public void close() {
    }
}
