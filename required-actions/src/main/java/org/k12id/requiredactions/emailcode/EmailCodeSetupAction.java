package org.k12id.requiredactions.emailcode;

import jakarta.ws.rs.core.MultivaluedMap;

import org.k12id.authenticators.emailcode.EmailCode;
import org.k12id.authenticators.emailcode.MaskedAddress;
import org.k12id.authenticators.secondfactor.CodeExchange;
import org.k12id.authenticators.secondfactor.CodePage;
import org.k12id.requiredactions.AskedSetupAction;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.events.Errors;
import org.keycloak.models.UserModel;

/**
 * "Set Up Email Code": a code goes to the account's address and the person types it; then the address is proven
 * ({@link EmailCode#store}). An account without an address gets a plain message (ask the district to add one) and
 * nothing is made. Sends have the same cooldown and hourly cap as signing in (the action's own settings); the sign-in
 * step asks for this action when a flow lets people set the email code up, and the account console's "Set up" does.
 */
final class EmailCodeSetupAction extends AskedSetupAction {

    static final String PREFIX = "k12.emailCodeSetup";
    static final String NO_ADDRESS = "k12.emailCodeSetup.noAddress";
    static final String EVENT = "k12_email_code";

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (MaskedAddress.normalise(context.getUser().getEmail()) == null) {
            context.challenge(CodePage.page(context.form().setAttribute("k12CodeNoAddress", true).setError(NO_ADDRESS)));
            return;
        }
        context.challenge(CodePage.page(exchange(context).firstShowing(context.form())));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        UserModel user = context.getUser();
        if (MaskedAddress.normalise(user.getEmail()) == null) {
            requiredActionChallenge(context);
            return;
        }
        CodeExchange exchange = exchange(context);
        MultivaluedMap<String, String> posted = context.getHttpRequest().getDecodedFormParameters();
        if (CodePage.resendAsked(posted)) {
            context.challenge(CodePage.page(exchange.resend(context.form())));
            return;
        }
        if (!exchange.verify(CodePage.typed(posted))) {
            context.getEvent().detail(EVENT, "refused").error(Errors.INVALID_CODE);
            context.challenge(CodePage.page(exchange.refused(context.form())));
            return;
        }
        EmailCode.store(context.getSession(), context.getRealm(), user);
        exchange.clear();
        context.getEvent().detail(EVENT, "set");
        context.success();
    }

    private static CodeExchange exchange(RequiredActionContext context) {
        return EmailCode.exchange(context.getSession(), context.getRealm(), context.getAuthenticationSession(),
                context.getUser(), context.getConfig() == null ? null : context.getConfig().getConfig(), PREFIX);
    }
}
