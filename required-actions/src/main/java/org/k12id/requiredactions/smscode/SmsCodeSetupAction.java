package org.k12id.requiredactions.smscode;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.k12id.authenticators.secondfactor.CodeChallenge;
import org.k12id.authenticators.secondfactor.CodeExchange;
import org.k12id.authenticators.secondfactor.CodePage;
import org.k12id.authenticators.sms.PhoneNumbers;
import org.k12id.authenticators.sms.SmsSender;
import org.k12id.authenticators.smscode.SmsCode;
import org.k12id.requiredactions.AskedSetupAction;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * "Set Up Text Message Code": the person types their mobile number ({@link PhoneNumbers}: refused with the reason, in
 * their language, when it is not one), a code is texted to it, and the code page asks for it; the right code makes
 * the credential ({@link SmsCode#store}). Until then the number is kept only in the authentication session, sealed.
 * A gateway that fails gets a plain message on the number page and nothing is kept; with no gateway configured, the
 * page says text messages cannot be sent and nothing can be set up. Sends have the same cooldown and hourly cap as
 * signing in (the action's own settings), so one sign-in cannot text many numbers.
 */
final class SmsCodeSetupAction extends AskedSetupAction {

    static final String TEMPLATE = "k12-sms-number.ftl";
    static final String PREFIX = "k12.smsCodeSetup";
    /** The number field of the number page. */
    static final String NUMBER = "k12_phone";
    /** "Use another number" on the code page. */
    static final String OTHER_NUMBER = "k12_phone_other";
    static final String UNAVAILABLE = "k12.smsCodeSetup.unavailable";
    static final String EVENT = "k12_sms_code";
    /** The number being proven, sealed: {@code <kid>:<sealed>}. */
    private static final String PENDING = "k12.smsCodeSetup.number";

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (SmsSender.ofSession(context.getSession()) == null) {
            context.challenge(unavailable(context));
            return;
        }
        Optional<String> pending = pending(context);
        context.challenge(pending.isPresent()
                ? CodePage.page(codePage(exchange(context, pending.get()).page(context.form(), null)))
                : numberPage(context, null, null));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (SmsSender.ofSession(context.getSession()) == null) {
            forget(context);
            context.challenge(unavailable(context));
            return;
        }
        MultivaluedMap<String, String> posted = context.getHttpRequest().getDecodedFormParameters();
        if (posted.containsKey(NUMBER)) {
            numberTyped(context, posted.getFirst(NUMBER));
            return;
        }
        Optional<String> pending = pending(context);
        if (pending.isEmpty() || posted.containsKey(OTHER_NUMBER)) {
            forget(context);
            context.challenge(numberPage(context, null, null));
            return;
        }
        CodeExchange exchange = exchange(context, pending.get());
        if (CodePage.resendAsked(posted)) {
            context.challenge(CodePage.page(codePage(exchange.resend(context.form()))));
            return;
        }
        if (!exchange.verify(CodePage.typed(posted))) {
            context.getEvent().detail(EVENT, "refused").error(Errors.INVALID_CODE);
            context.challenge(CodePage.page(codePage(exchange.refused(context.form()))));
            return;
        }
        SmsCode.store(context.getSession(), context.getRealm(), context.getUser(), pending.get());
        exchange.clear();
        forget(context);
        context.getEvent().detail(EVENT, "set");
        context.success();
    }

    /** A number was typed: refused with the reason, or a code texted to it and the code page shown. */
    private void numberTyped(RequiredActionContext context, String typed) {
        forget(context);
        PhoneNumbers.Reading reading = PhoneNumbers.normalise(typed);
        if (!reading.valid()) {
            context.challenge(numberPage(context, typed, new FormMessage(NUMBER, reading.problem().messageKey())));
            return;
        }
        CodeExchange exchange = exchange(context, reading.number());
        CodeChallenge.SendResult result = exchange.send();
        if (result.outcome() != CodeChallenge.Sent.SENT) {
            // nothing was sent: the number page again, saying why (the gateway failed, wait, too many codes)
            LoginFormsProvider form = exchange.page(context.form(), result);
            context.challenge(numberPage(form, typed));
            return;
        }
        keep(context, reading.number());
        context.challenge(CodePage.page(codePage(exchange.page(context.form(), result))));
    }

    private static CodeExchange exchange(RequiredActionContext context, String number) {
        return SmsCode.exchange(context.getSession(), context.getRealm(), context.getAuthenticationSession(),
                context.getUser(), context.getConfig() == null ? null : context.getConfig().getConfig(), number, PREFIX);
    }

    private static LoginFormsProvider codePage(LoginFormsProvider form) {
        return form.setAttribute("k12CodeOtherNumber", OTHER_NUMBER);
    }

    private static Response numberPage(RequiredActionContext context, String typed, FormMessage error) {
        LoginFormsProvider form = context.form();
        if (error != null) {
            form.addError(error);
        }
        return numberPage(form, typed);
    }

    private static Response numberPage(LoginFormsProvider form, String typed) {
        return form.setAttribute("k12SmsNumberTyped", typed == null ? "" : typed).createForm(TEMPLATE);
    }

    private static Response unavailable(RequiredActionContext context) {
        return context.form().setAttribute("k12SmsUnavailable", true).setError(UNAVAILABLE).createForm(TEMPLATE);
    }

    private static Optional<String> pending(RequiredActionContext context) {
        String note = context.getAuthenticationSession().getAuthNote(PENDING);
        int colon = note == null ? -1 : note.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return SmsCode.open(context.getSession(), context.getRealm(),
                new SmsCode.Sealed(note.substring(0, colon), note.substring(colon + 1)), binding(context));
    }

    private static void keep(RequiredActionContext context, String number) {
        SmsCode.Sealed sealed = SmsCode.seal(context.getSession(), context.getRealm(), number, binding(context));
        context.getAuthenticationSession().setAuthNote(PENDING, sealed.kid() + ":" + sealed.sealed());
    }

    private static void forget(RequiredActionContext context) {
        context.getAuthenticationSession().removeAuthNote(PENDING);
    }

    private static String binding(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        UserModel user = context.getUser();
        return PENDING + ":" + user.getId() + ":" + authSession.getTabId();
    }
}
