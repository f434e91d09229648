package org.k12id.authenticators.recovery;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.k12id.authenticators.WindowThrottle;
import org.k12id.authenticators.captcha.Captcha;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.FormMessage;

/**
 * "Forgot my username" inside the username step: the person types an email address and passes "I'm not a robot"
 * ({@link Captcha}, checked before anything else), and always gets the same page ("If that address belongs to an
 * account, we have sent its username"). Only after the answer, in the background ({@link UsernameMailer}), are the
 * accounts with that address looked up and emailed their usernames; so the page, its bytes and its time, are the same
 * for an address of an account, an unknown one, and one over its limits. An empty or malformed address, or "I'm not a
 * robot" not done, is said at its field: that is about the form, not an account.
 *
 * <p>Limits, counted in Keycloak's single-use store (shared by every node of a cluster): requests per typed address
 * per hour ({@link ForgotUsernameConfig#emailsPerHour()}, by the address's hash), and per network address per 10
 * minutes. The event carries {@value #EVENT_OUTCOME}, never the address or a username.
 */
public final class ForgotUsernameStep {

    /** The form field that says which page was sent: {@code start}, {@code send}, {@code cancel}. */
    public static final String STEP = "k12_forgot_username_step";
    static final String EMAIL = "k12_forgot_username_email";
    static final String TEMPLATE = "k12-forgot-username.ftl";
    /** Page attributes: what was typed (shown again after a field's error); the request was answered. */
    static final String TYPED = "k12ForgotUsernameTyped";
    static final String SENT = "k12ForgotUsernameSent";
    /** Event detail: {@code username_requested}, {@code throttled}, {@code network_limited}. */
    static final String EVENT_OUTCOME = "k12_recovery";
    /** The error of the event (a LOGIN_ERROR: the request signs nobody in). */
    static final String EVENT_ERROR = "k12_username_recovery";
    static final int ADDRESS_WINDOW_SECONDS = 3600;
    static final int NETWORK_WINDOW_SECONDS = 600;

    private ForgotUsernameStep() {
    }

    /** True when the request belongs to "Forgot my username": its form says so, and it is offered. */
    public static boolean handles(AuthenticationFlowContext context, MultivaluedMap<String, String> form) {
        return form.containsKey(STEP) && offered(context);
    }

    /** Whether the username page shows "Forgot my username": offered in the step's settings, and the realm can email. */
    public static boolean offered(AuthenticationFlowContext context) {
        return ForgotUsernameConfig.of(context.getAuthenticatorConfig()).offered() && canEmail(context.getRealm());
    }

    /** Handles one post of the page; {@code usernamePage} draws the username page for "Back to sign in". */
    public static void action(AuthenticationFlowContext context, MultivaluedMap<String, String> form,
                              Supplier<Response> usernamePage) {
        context.getAuthenticationSession().removeAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
        context.clearUser();
        String step = form.getFirst(STEP);
        if ("send".equals(step)) {
            send(context, form);
        } else if ("cancel".equals(step)) {
            context.challenge(usernamePage.get());
        } else {
            context.challenge(askPage(context).createForm(TEMPLATE));
        }
    }

    private static void send(AuthenticationFlowContext context, MultivaluedMap<String, String> form) {
        String typed = form.getFirst(EMAIL);
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        FormMessage problem = switch (RecoveryAddress.check(typed)) {
            case EMPTY -> new FormMessage(EMAIL, "k12.forgotUsername.required");
            case MALFORMED -> new FormMessage(EMAIL, "k12.forgotUsername.emailForm");
            case OK -> Captcha.verified(session, realm, form.getFirst(Captcha.FIELD)) ? null
                    // "I'm not a robot" not done (or its answer used, expired, forged): checked before anything else
                    : new FormMessage(Captcha.FIELD, "k12.forgotUsername.captcha");
        };
        if (problem != null) {
            LoginFormsProvider page = askPage(context);
            if (typed != null && typed.length() <= RecoveryAddress.MAX_LENGTH) {
                page.setAttribute(TYPED, Map.of(EMAIL, typed));
            }
            context.challenge(page.addError(problem).createForm(TEMPLATE));
            return;
        }
        ForgotUsernameConfig config = ForgotUsernameConfig.of(context.getAuthenticatorConfig());
        WindowThrottle network = new WindowThrottle(session, "k12.forgotUsername.network." + realm.getId() + "."
                + context.getConnection().getRemoteAddr(), NETWORK_WINDOW_SECONDS);
        WindowThrottle address = new WindowThrottle(session, "k12.forgotUsername.address." + realm.getId() + "."
                + RecoveryAddress.hash(typed), ADDRESS_WINDOW_SECONDS);
        String outcome;
        if (!network.take(config.networkLimit())) {
            outcome = "network_limited";
        } else if (!address.take(config.emailsPerHour())) {
            outcome = "throttled";
        } else {
            UsernameMailer.sendAfterCommit(session, realm, RecoveryAddress.normalise(typed),
                    session.getContext().resolveLocale(null));
            outcome = "username_requested";
        }
        context.getEvent().clone().detail(EVENT_OUTCOME, outcome).error(EVENT_ERROR);
        // the same page for every outcome: nothing on it depends on the address or on any account
        context.challenge(context.form().setAttribute(SENT, Boolean.TRUE).createForm(TEMPLATE));
    }

    private static LoginFormsProvider askPage(AuthenticationFlowContext context) {
        return context.form().setAttribute("k12Captcha", Captcha.challenge(context.getSession(), context.getRealm(),
                ForgotUsernameConfig.of(context.getAuthenticatorConfig()).captcha()));
    }

    /** The realm has a mail server to send with (Realm settings, Email). */
    private static boolean canEmail(RealmModel realm) {
        Map<String, String> smtp = realm.getSmtpConfig();
        return smtp != null && smtp.get("host") != null && !smtp.get("host").isBlank();
    }
}
