package org.k12id.authenticators.badge;

import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.k12id.authenticators.AuthNotes;
import org.k12id.authenticators.LoginMethod;
import org.k12id.authenticators.claim.ClaimStep;
import org.k12id.authenticators.recovery.ForgotUsernameStep;
import org.k12id.domain.K12Attributes;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.messages.Messages;

/**
 * The username screen with "Scan Student QR Code": a username goes on to the password step, as with Keycloak's
 * Username Form; a badge payload (from the camera, or typed by a keyboard-wedge scanner into the username field) signs
 * the student in. Every refusal of a badge, whatever the reason, says only "QR Code Authentication Failed"; a failed
 * badge of a known student counts toward brute-force lock-out like a wrong password, and a locked student's correct
 * badge is refused too.
 */
final class UsernameOrBadgeForm extends UsernamePasswordForm {

    static final String BADGE_FIELD = "k12_badge";
    static final String FAILED = "k12.badge.failed";
    /** Auth note set when the login used a badge; read by {@link NotBadgeLoginCondition}. */
    static final String EVENT_METHOD = "k12_login_method";
    /** Page attribute: the username page shows "Claim My Account". */
    static final String CLAIM_OFFERED = "k12Claim";
    /** Page attribute: the username page shows "Forgot my username". */
    static final String FORGOT_USERNAME_OFFERED = "k12ForgotUsername";

    UsernameOrBadgeForm(KeycloakSession session) {
        super(session);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (ClaimStep.handles(context, form)) {
            ClaimStep.action(context, form, () -> createLoginForm(offerBadge(context, context.form())));
            return;
        }
        if (ForgotUsernameStep.handles(context, form)) {
            ForgotUsernameStep.action(context, form, () -> createLoginForm(offerBadge(context, context.form())));
            return;
        }
        String camera = form.getFirst(BADGE_FIELD);
        Optional<String> badge = camera != null ? Optional.of(ScannedText.badgeAttempt(camera).orElse(camera))
                : ScannedText.badgeAttempt(form.getFirst("username"));
        if (badge.isPresent()) {
            context.getAuthenticationSession().removeAuthNote(AuthNotes.NO_ACCOUNT);
            badgeLogin(context, badge.get());
            return;
        }
        super.action(context);
    }

    private void badgeLogin(AuthenticationFlowContext context, String text) {
        context.getEvent().detail(EVENT_METHOD, "badge");
        // A failure counts toward brute force against the account this attempt names, and no other: Keycloak counts
        // it against the session's user or its attempted username, so whatever an earlier attempt left there goes.
        context.clearUser();
        context.getAuthenticationSession().removeAuthNote(ATTEMPTED_USERNAME);
        Optional<BadgePayload> payload = BadgePayload.parse(text);
        RealmModel realm = context.getRealm();
        UserModel student = payload.map(p -> context.getSession().users().getUserById(realm, p.userId().toString()))
                .orElse(null);
        if (student == null) {
            context.getEvent().error(Errors.INVALID_USER_CREDENTIALS);
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, badgeFailed(context));
            return;
        }
        context.getEvent().user(student);
        if (AuthenticatorUtils.getDisabledByBruteForceEventError(context, student) != null) {
            context.getEvent().error(Errors.USER_TEMPORARILY_DISABLED);
            context.forceChallenge(badgeFailed(context));
            return;
        }
        if (!valid(context, student, payload.get())) {
            // counted for brute force against this student, exactly like a wrong password
            context.getAuthenticationSession().setAuthNote(ATTEMPTED_USERNAME, student.getUsername());
            context.getEvent().error(Errors.INVALID_USER_CREDENTIALS);
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, badgeFailed(context));
            return;
        }
        context.setUser(student);
        context.getAuthenticationSession().setAuthNote(AuthNotes.BADGE, "true");
        context.getAuthenticationSession().setUserSessionNote(LoginMethod.NOTE, LoginMethod.BADGE);
        context.success(BadgeCredentialModel.TYPE);
    }

    private boolean valid(AuthenticationFlowContext context, UserModel student, BadgePayload payload) {
        BadgeConfig config = BadgeConfig.of(context.getAuthenticatorConfig());
        String psu = student.getFirstAttribute(K12Attributes.PSU_CODE);
        Set<Integer> optedOut = BadgeOptOuts.of(context.getRealm(), psu);
        boolean eligible = config.eligibility().allows(student.isEnabled(),
                student.getFirstAttribute(K12Attributes.GRADE_LEVEL), optedOut);
        BadgeCredentialModel badge = BadgeIssuer.current(student);
        boolean matches = badge != null && badge.matches(payload.secret());
        return eligible && matches && !(config.voidOnPasswordChange() && BadgeIssuer.passwordChangedSince(student, badge));
    }

    private Response badgeFailed(AuthenticationFlowContext context) {
        return offerBadge(context, context.form()).setError(FAILED).createLoginUsername();
    }

    /**
     * The username page's extras: "Scan Student QR Code", "Claim My Account" where the claim is offered, and "Forgot my
     * username" where it is offered.
     */
    private static LoginFormsProvider offerBadge(AuthenticationFlowContext context, LoginFormsProvider form) {
        if (ClaimStep.offered(context)) {
            form.setAttribute(CLAIM_OFFERED, Boolean.TRUE);
        }
        if (ForgotUsernameStep.offered(context)) {
            form.setAttribute(FORGOT_USERNAME_OFFERED, Boolean.TRUE);
        }
        return form.setAttribute("k12Badge", Boolean.TRUE);
    }


    // --- the username step, as Keycloak's own UsernameForm (final, so it cannot be extended) ---

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (context.getUser() != null) {
            context.success();
            return;
        }
        super.authenticate(context);
    }

    /**
     * Unlike Keycloak's Username Form, an unknown, disabled or locked-out account is not refused here, which would tell
     * anyone whether the account exists: the step goes on to the password page as for a real account, and the pack's
     * password step ({@code k12-password-form}) refuses it there with the same words as a wrong password.
     */
    @Override
    protected boolean validateForm(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        String username = formData.getFirst("username");
        if (username == null || username.isBlank()) {
            return validateUser(context, formData);
        }
        username = username.trim();
        UserModel user;
        try {
            user = KeycloakModelUtils.findUserByNameOrEmail(context.getSession(), context.getRealm(), username);
        } catch (ModelDuplicateException e) {
            user = null;
        }
        if (user != null && user.isEnabled() && AuthenticatorUtils.getDisabledByBruteForceEventError(context, user) == null) {
            context.getAuthenticationSession().removeAuthNote(AuthNotes.NO_ACCOUNT);
            context.getAuthenticationSession().removeAuthNote(USERNAME_HIDDEN);
            return validateUser(context, formData);
        }
        context.clearUser();
        context.getAuthenticationSession().setAuthNote(ATTEMPTED_USERNAME, username);
        context.getAuthenticationSession().setAuthNote(AuthNotes.NO_ACCOUNT, "true");
        // the password page then names the attempted username with "Start Over", as it does for a real account
        context.getAuthenticationSession().setAuthNote(USERNAME_HIDDEN, "true");
        return true;
    }

    @Override
    protected Response challenge(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        LoginFormsProvider forms = offerBadge(context, context.form());
        if (!formData.isEmpty()) {
            forms.setFormData(formData);
        }
        return forms.createLoginUsername();
    }

    @Override
    protected Response challenge(AuthenticationFlowContext context, String error, String field) {
        offerBadge(context, context.form());
        return super.challenge(context, error, field);
    }

    @Override
    protected Response createLoginForm(LoginFormsProvider form) {
        return form.setAttribute("k12Badge", Boolean.TRUE).createLoginUsername();
    }

    @Override
    protected String getDefaultChallengeMessage(AuthenticationFlowContext context) {
        return context.getRealm().isLoginWithEmailAllowed() ? Messages.INVALID_USERNAME_OR_EMAIL : Messages.INVALID_USERNAME;
    }
}
