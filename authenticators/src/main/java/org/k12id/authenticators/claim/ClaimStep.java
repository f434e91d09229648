package org.k12id.authenticators.claim;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.k12id.authenticators.AuthNotes;
import org.k12id.authenticators.LoginMethod;
import org.k12id.authenticators.captcha.Captcha;
import org.k12id.domain.K12Attributes;
import org.k12id.domain.K12Roles;
import org.k12id.domain.claim.Birthdate;
import org.k12id.domain.claim.ClaimCheck;
import org.k12id.domain.claim.ClaimCode;
import org.k12id.domain.claim.ClaimField;
import org.k12id.domain.claim.ClaimPolicy;
import org.k12id.domain.claim.Claiming;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * "Claim My Account" inside the username step: the person chooses a claim policy, types its details and passes "I'm
 * not a robot" ({@link Captcha}, checked before any account is looked at), and an unclaimed
 * account they prove is signed in with the required action {@value Claiming#REQUIRED_ACTION} to finish (terms of use,
 * a password). Wrong details, an unknown UID, a grade outside 6 to 12, a disabled or locked account and an address
 * over its limit all get the same page and words; only a person who proves an account that is already claimed is told
 * so. A failure counts toward the brute-force lock-out of the account it names, and toward its address's limit.
 */
public final class ClaimStep {

    /** The form field that says which page of the claim was sent: {@code start}, {@code policy}, {@code details}, {@code cancel}. */
    public static final String STEP = "k12_claim_step";
    static final String POLICY = "k12_claim_policy";
    static final String FIELD_PREFIX = "k12_claim_";
    static final String TEMPLATE = "k12-claim.ftl";
    /** Page attribute: what the person typed, shown again after a refusal. */
    static final String TYPED = "k12ClaimTyped";
    static final String NOT_VERIFIED = "k12.claim.notVerified";
    static final String ALREADY_CLAIMED = "k12.claim.alreadyClaimed";
    static final String UNAVAILABLE = "k12.claim.unavailable";

    /** The policies offered, in order. */
    static final List<ClaimPolicy> OFFERED = List.of(ClaimPolicy.STUDENT, ClaimPolicy.EMPLOYEE, ClaimPolicy.GUARDIAN);

    private ClaimStep() {
    }

    /** True when the request belongs to the claim: its form says so, and the claim is offered. */
    public static boolean handles(AuthenticationFlowContext context, MultivaluedMap<String, String> form) {
        return form.containsKey(STEP) && offered(context);
    }

    /** Whether the username page shows "Claim My Account": offered in the step's settings, and finishable. */
    public static boolean offered(AuthenticationFlowContext context) {
        return ClaimConfig.of(context.getAuthenticatorConfig()).offered() && finishable(context.getRealm());
    }

    /** Handles one post of the claim pages; {@code usernamePage} draws the username page for "Back to sign in". */
    public static void action(AuthenticationFlowContext context, MultivaluedMap<String, String> form,
                              Supplier<Response> usernamePage) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.removeAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
        context.clearUser();
        String step = form.getFirst(STEP);
        if ("policy".equals(step)) {
            Optional<ClaimPolicy> policy = ClaimPolicy.byId(form.getFirst(POLICY)).filter(OFFERED::contains);
            if (policy.isEmpty()) {
                context.challenge(policyPage(context).addError(new FormMessage(POLICY, "k12.claim.choosePolicy"))
                        .createForm(TEMPLATE));
                return;
            }
            authSession.setAuthNote(AuthNotes.CLAIM_POLICY, policy.get().id());
            context.challenge(detailsPage(context, policy.get()).createForm(TEMPLATE));
        } else if ("details".equals(step)) {
            Optional<ClaimPolicy> policy = ClaimPolicy.byId(authSession.getAuthNote(AuthNotes.CLAIM_POLICY));
            if (policy.isEmpty()) {
                context.challenge(policyPage(context).createForm(TEMPLATE));
                return;
            }
            verify(context, policy.get(), form);
        } else if ("cancel".equals(step)) {
            authSession.removeAuthNote(AuthNotes.CLAIM_POLICY);
            context.challenge(usernamePage.get());
        } else {
            authSession.removeAuthNote(AuthNotes.CLAIM_POLICY);
            context.challenge(policyPage(context).createForm(TEMPLATE));
        }
    }

    private static void verify(AuthenticationFlowContext context, ClaimPolicy policy, MultivaluedMap<String, String> form) {
        Map<ClaimField, String> typed = new EnumMap<>(ClaimField.class);
        List<FormMessage> missing = new ArrayList<>();
        for (ClaimField field : policy.fields()) {
            String value = form.getFirst(FIELD_PREFIX + field.fieldName());
            if (value == null || value.isBlank()) {
                missing.add(new FormMessage(FIELD_PREFIX + field.fieldName(), "k12.claim.required." + field.fieldName()));
            } else if (field == ClaimField.BIRTHDATE && Birthdate.parse(value).isEmpty()) {
                missing.add(new FormMessage(FIELD_PREFIX + field.fieldName(), "k12.claim.birthdateForm"));
            } else if (field == ClaimField.CODE && ClaimCode.parse(value).isEmpty()) {
                missing.add(new FormMessage(FIELD_PREFIX + field.fieldName(), "k12.claim.codeForm"));
            }
            typed.put(field, value == null ? "" : value);
        }
        context.getEvent().detail(Claiming.EVENT_POLICY, policy.id());
        if (missing.isEmpty() && !Captcha.verified(context.getSession(), context.getRealm(), form.getFirst(Captcha.FIELD))) {
            // "I'm not a robot" not done (or its answer used, expired, forged): about the form, not the account
            missing.add(new FormMessage(Captcha.FIELD, "k12.claim.captcha"));
        }
        if (!missing.isEmpty()) {
            // how the form was filled, not whether an account exists: said field by field, counted nowhere
            LoginFormsProvider page = detailsPage(context, policy).setAttribute(TYPED, echo(form, policy));
            missing.forEach(page::addError);
            context.challenge(page.createForm(TEMPLATE));
            return;
        }
        RealmModel realm = context.getRealm();
        ClaimConfig config = ClaimConfig.of(context.getAuthenticatorConfig());
        ClaimThrottle throttle = new ClaimThrottle(context.getSession(), realm, context.getConnection().getRemoteAddr());
        boolean addressExhausted = throttle.exhausted(config.addressLimit());

        UserModel account;
        boolean proved;
        if (policy == ClaimPolicy.GUARDIAN) {
            account = GuardianCodes.guardianByEmail(context.getSession(), realm, typed.get(ClaimField.EMAIL)).orElse(null);
            proved = GuardianCodes.matches(context.getSession(), realm, account, typed.get(ClaimField.CODE));
        } else {
            account = account(context, policy, typed.get(ClaimField.UID));
            proved = ClaimCheck.proves(policy, typed, details(account));
        }
        boolean locked = account != null && AuthenticatorUtils.getDisabledByBruteForceEventError(context, account) != null;
        boolean usable = account != null && account.isEnabled() && !locked && !addressExhausted;

        if (proved && usable) {
            context.getEvent().user(account);
            if (!Claiming.isUnclaimed(account.getFirstAttribute(K12Attributes.CLAIMED))) {
                context.getEvent().detail(Claiming.EVENT_OUTCOME, "already_claimed").error(Errors.INVALID_USER_CREDENTIALS);
                context.challenge(detailsPage(context, policy).setError(ALREADY_CLAIMED).createForm(TEMPLATE));
                return;
            }
            if (policy == ClaimPolicy.GUARDIAN) {
                GuardianCodes.remove(account); // a code works once
            }
            AuthenticationSessionModel authSession = context.getAuthenticationSession();
            authSession.removeAuthNote(AuthNotes.CLAIM_POLICY);
            authSession.setAuthNote(AuthNotes.CLAIM, "true");
            authSession.setUserSessionNote(LoginMethod.NOTE, LoginMethod.CLAIM);
            authSession.addRequiredAction(Claiming.REQUIRED_ACTION);
            context.getEvent().detail(Claiming.EVENT_OUTCOME, "verified");
            context.setUser(account);
            context.success();
            return;
        }
        context.getEvent().detail(Claiming.EVENT_OUTCOME, "refused");
        if (!addressExhausted) {
            throttle.recordFailure(config.addressLimit());
        }
        context.clearUser();
        // drawn first: the page must not name the account (Keycloak shows an attempted username on its pages)
        Response page = detailsPage(context, policy).setAttribute(TYPED, echo(form, policy)).setError(NOT_VERIFIED)
                .createForm(TEMPLATE);
        // counted toward the brute-force lock-out of the account the details name, and no other; the note that
        // names it for Keycloak's protector goes again with the next post of the claim pages
        if (account != null && !locked && !addressExhausted) {
            context.getEvent().user(account);
            context.getAuthenticationSession().setAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME,
                    account.getUsername());
        }
        context.getEvent().error(locked ? Errors.USER_TEMPORARILY_DISABLED : Errors.INVALID_USER_CREDENTIALS);
        if (account != null && !locked && !addressExhausted) {
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page);
        } else {
            context.challenge(page);
        }
    }

    /** The one account the UID names under the policy, holding the policy's role; none when none or several. */
    private static UserModel account(AuthenticationFlowContext context, ClaimPolicy policy, String typedUid) {
        String uid = ClaimCheck.normalise(typedUid);
        if (uid.isEmpty() || uid.length() > ClaimField.UID.maxLength()) {
            return null;
        }
        RealmModel realm = context.getRealm();
        String attribute = policy == ClaimPolicy.STUDENT ? K12Attributes.STUDENT_NUMBER : K12Attributes.STAFF_ID;
        List<UserModel> found = context.getSession().users()
                .searchForUserByUserAttributeStream(realm, attribute, uid).limit(2).toList();
        if (found.size() != 1) {
            return null;
        }
        RoleModel role = realm.getRole(policy == ClaimPolicy.STUDENT ? K12Roles.STUDENT : K12Roles.EMPLOYEE);
        return role != null && found.get(0).hasRole(role) ? found.get(0) : null;
    }

    /** The account's details as the check compares them; for no account, details that match nothing typed. */
    private static ClaimCheck.Account details(UserModel account) {
        if (account == null) {
            return new ClaimCheck.Account("", null, null, List.of());
        }
        return new ClaimCheck.Account(
                Optional.ofNullable(account.getFirstAttribute(K12Attributes.STUDENT_NUMBER))
                        .orElse(account.getFirstAttribute(K12Attributes.STAFF_ID)),
                account.getFirstAttribute(K12Attributes.GRADE_LEVEL),
                account.getFirstAttribute(K12Attributes.BIRTHDATE),
                account.getAttributeStream(K12Attributes.PSU_CODE).toList());
    }

    /**
     * The typed details shown again after a refusal, by field name: the UID, the PSU code and the email address, never
     * the birthdate or the claim code.
     */
    private static Map<String, String> echo(MultivaluedMap<String, String> form, ClaimPolicy policy) {
        Map<String, String> kept = new java.util.HashMap<>();
        for (ClaimField field : policy.fields()) {
            String value = form.getFirst(FIELD_PREFIX + field.fieldName());
            if (field != ClaimField.BIRTHDATE && field != ClaimField.CODE && value != null && value.length() <= field.maxLength()) {
                kept.put(FIELD_PREFIX + field.fieldName(), value);
            }
        }
        return kept;
    }

    private static LoginFormsProvider policyPage(AuthenticationFlowContext context) {
        return context.form().setAttribute("k12ClaimPolicies", OFFERED.stream().map(ClaimPolicy::id).toList());
    }

    private static LoginFormsProvider detailsPage(AuthenticationFlowContext context, ClaimPolicy policy) {
        return context.form().setAttribute("k12ClaimPolicy", policy.id())
                .setAttribute("k12Captcha", Captcha.challenge(context.getSession(), context.getRealm(),
                        ClaimConfig.of(context.getAuthenticatorConfig()).captcha()))
                .setAttribute("k12ClaimFields", policy.fields().stream().map(ClaimField::fieldName).toList())
                .setAttribute("k12ClaimGrades", List.of("6", "7", "8", "9", "10", "11", "12"));
    }

    /** A claim can be finished only where the required action that finishes it is enabled. */
    private static boolean finishable(RealmModel realm) {
        RequiredActionProviderModel action = realm.getRequiredActionProviderByAlias(Claiming.REQUIRED_ACTION);
        return action != null && action.isEnabled();
    }
}
