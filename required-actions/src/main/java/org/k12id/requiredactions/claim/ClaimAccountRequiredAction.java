package org.k12id.requiredactions.claim;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.k12id.authenticators.AuthNotes;
import org.k12id.authenticators.questions.ChallengeQuestions;
import org.k12id.domain.K12Attributes;
import org.k12id.domain.K12Roles;
import org.k12id.domain.claim.Claiming;
import org.k12id.requiredactions.expiry.PasswordExpiryByRoleRequiredActionFactory;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.authentication.requiredactions.TermsAndConditions;
import org.keycloak.authentication.requiredactions.UpdatePassword;
import org.keycloak.common.util.Time;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.messages.Messages;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Finishes claiming an account, in order: the district's terms of use (Keycloak's terms page; the text is the message
 * {@code termsText}, set per realm and language under Realm settings, Localization), then a password (Keycloak's
 * update-password page with the live checklist, the realm's policy), then the account is marked claimed with the date
 * and, where the realm has "Set Up Challenge Questions" enabled and the person has none, that comes next.
 * It runs after "Claim My Account", and for an unclaimed person who signs in another way (a default password, an
 * administrator's temporary one): students of grades 6 to 12, employees and guardians whose {@code claimed} is
 * {@code false}. A badge sign-in is never interrupted.
 */
final class ClaimAccountRequiredAction implements RequiredActionProvider {

    /** Auth note: the step reached ({@code password} once the terms are accepted). */
    static final String STEP = "k12.claim.step";
    static final String PASSWORD_STEP = "password";
    static final String CHOOSE_PASSWORD = "k12.claim.choosePassword";

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.NOT_SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        UserModel user = context.getUser();
        if ("true".equals(authSession.getAuthNote(AuthNotes.BADGE))
                || !Claiming.isUnclaimed(user.getFirstAttribute(K12Attributes.CLAIMED))
                || !claimsOwnAccount(context.getRealm(), user)) {
            return;
        }
        authSession.addRequiredAction(ClaimAccountRequiredActionFactory.ID);
    }

    /** Students of grades 6 to 12, employees and guardians claim their own account. */
    static boolean claimsOwnAccount(RealmModel realm, UserModel user) {
        return has(realm, user, K12Roles.EMPLOYEE) || has(realm, user, K12Roles.GUARDIAN)
                || has(realm, user, K12Roles.STUDENT) && Claiming.studentClaims(user.getFirstAttribute(K12Attributes.GRADE_LEVEL));
    }

    private static boolean enabled(RealmModel realm, String action) {
        var model = realm.getRequiredActionProviderByAlias(action);
        return model != null && model.isEnabled();
    }

    private static boolean has(RealmModel realm, UserModel user, String roleName) {
        RoleModel role = realm.getRole(roleName);
        return role != null && user.hasRole(role);
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(PASSWORD_STEP.equals(context.getAuthenticationSession().getAuthNote(STEP))
                ? passwordPage(context) : termsPage(context));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (!PASSWORD_STEP.equals(authSession.getAuthNote(STEP))) {
            if (form.containsKey("cancel")) {
                context.getEvent().detail(Claiming.EVENT_OUTCOME, "terms_declined");
                context.failure(Messages.TERMS_AND_CONDITIONS_DECLINED);
            } else if (form.containsKey("accept")) {
                authSession.setAuthNote(STEP, PASSWORD_STEP);
                context.challenge(passwordPage(context));
            } else {
                context.challenge(termsPage(context));
            }
            return;
        }
        // Keycloak's own handling of the update-password form: blank, not matching, the realm's policy, its events
        new UpdatePassword().processAction(context);
        if (context.getStatus() != RequiredActionContext.Status.SUCCESS) {
            return;
        }
        UserModel user = context.getUser();
        user.setSingleAttribute(K12Attributes.CLAIMED, "true");
        user.setSingleAttribute(Claiming.CLAIMED_AT, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        user.setSingleAttribute(TermsAndConditions.USER_ATTRIBUTE, Integer.toString(Time.currentTime()));
        // the password was just chosen: nothing else asks for one in this sign-in
        for (String action : new String[] {UserModel.RequiredAction.UPDATE_PASSWORD.name(),
                PasswordExpiryByRoleRequiredActionFactory.ID}) {
            user.removeRequiredAction(action);
            authSession.removeRequiredAction(action);
        }
        authSession.removeAuthNote(STEP);
        // next: challenge questions, where the realm has them (kept on the account: asked again if this sign-in stops)
        if (ChallengeQuestions.of(user).isEmpty() && enabled(context.getRealm(), ChallengeQuestions.SET_ACTION)) {
            user.addRequiredAction(ChallengeQuestions.SET_ACTION);
        }
        context.getEvent().detail(Claiming.EVENT_OUTCOME, "claimed");
    }

    private static Response termsPage(RequiredActionContext context) {
        return context.form().setAttribute("user", context.getUser()).createForm("terms.ftl");
    }

    private static Response passwordPage(RequiredActionContext context) {
        return context.form().setAttribute("username", context.getUser().getUsername()).setInfo(CHOOSE_PASSWORD)
                .createResponse(UserModel.RequiredAction.UPDATE_PASSWORD);
    }

    @Override
    public void close() {
    }
}
