package org.k12id.authenticators.captcha;

import jakarta.ws.rs.core.Response;

import org.k12id.authenticators.PageStep;
import org.keycloak.authentication.AuthenticationFlowContext;

/**
 * "I'm Not a Robot": a page with the proof-of-work widget; the step is passed once the posted solution verifies. A
 * refusal shows the page again, with a new challenge and one plain message, and counts toward no one's lock-out (the
 * step may come before anyone is known).
 */
final class CaptchaAuthenticator extends PageStep {

    static final String TEMPLATE = "k12-captcha.ftl";
    /** The template's challenge JSON, for the {@code captcha.ftl} macro. */
    static final String CHALLENGE_ATTRIBUTE = "k12Captcha";
    static final String NOT_VERIFIED = "k12.captcha.notVerified";
    static final String REQUIRED = "k12.captcha.required";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(page(context, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        String posted = context.getHttpRequest().getDecodedFormParameters().getFirst(Captcha.FIELD);
        if (Captcha.verified(context.getSession(), context.getRealm(), posted)) {
            context.success();
            return;
        }
        context.challenge(page(context, posted == null || posted.isBlank() ? REQUIRED : NOT_VERIFIED));
    }

    private static Response page(AuthenticationFlowContext context, String error) {
        showTypedName(context);
        String challenge = Captcha.challenge(context.getSession(), context.getRealm(),
                CaptchaConfig.of(context.getAuthenticatorConfig()));
        var form = context.form().setAttribute(CHALLENGE_ATTRIBUTE, challenge);
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(TEMPLATE);
    }
}
