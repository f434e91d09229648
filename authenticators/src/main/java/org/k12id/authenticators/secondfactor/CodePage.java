package org.k12id.authenticators.secondfactor;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.forms.login.LoginFormsProvider;

/**
 * The code page ({@value #TEMPLATE} of the k12 login theme), shared by every method that sends a code: the code field,
 * where the code went (masked), "Resend code", and one message at the top. Its words come from the method's message
 * keys: {@code <prefix>.title}, {@code <prefix>.intro} (where, for how many minutes), {@code <prefix>.noCode} (when no
 * code could be sent).
 */
public final class CodePage {

    public static final String TEMPLATE = "k12-code.ftl";
    /** The code field. */
    public static final String FIELD = "k12_code";
    /** The "Resend code" button's field. */
    public static final String RESEND = "k12_code_resend";
    public static final String WRONG = "k12.code.wrong";
    public static final String COOLDOWN = "k12.code.wait";
    public static final String CAPPED = "k12.code.capped";
    public static final String RESENT = "k12.code.resent";

    private CodePage() {
    }

    /** Whether the posted form asks for another code (rather than carrying a code). */
    public static boolean resendAsked(MultivaluedMap<String, String> form) {
        return form.containsKey(RESEND);
    }

    /** The typed code, as posted. */
    public static String typed(MultivaluedMap<String, String> form) {
        return form.getFirst(FIELD);
    }

    /**
     * Sets the page's attributes on {@code form} and the message of {@code result} (none for a code just sent at the
     * first showing, "a new code was sent" after "Resend code"); {@code failedKey} names the method's own words for a
     * code that could not be sent.
     */
    public static LoginFormsProvider form(LoginFormsProvider form, String prefix, String destination, CodeSettings settings,
                                          CodeChallenge.SendResult result, boolean resent, String failedKey) {
        form.setAttribute("k12CodePrefix", prefix)
                .setAttribute("k12CodeDestination", destination)
                .setAttribute("k12CodeMinutes", String.valueOf(Math.max(1, (settings.expirySeconds() + 59) / 60)));
        if (result != null) {
            switch (result.outcome()) {
                case COOLDOWN -> form.setError(COOLDOWN, String.valueOf(result.waitSeconds()));
                case CAPPED -> form.setError(CAPPED, String.valueOf(result.waitMinutes()));
                case FAILED -> form.setError(failedKey);
                case SENT -> {
                    if (resent) {
                        form.setSuccess(RESENT);
                    }
                }
            }
        }
        return form;
    }

    public static Response page(LoginFormsProvider form) {
        return form.createForm(TEMPLATE);
    }
}
