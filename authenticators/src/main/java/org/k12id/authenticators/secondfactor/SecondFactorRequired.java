package org.k12id.authenticators.secondfactor;

import jakarta.ws.rs.core.Response;

import org.k12id.authenticators.PlainStep;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Errors;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;

/**
 * "K12 Second Factor Required": a person who has no second factor ({@link SecondFactors}) must set one up before the
 * sign-in ends, with the required action "Set Up a Second Factor" ({@value SecondFactors#SETUP_ACTION}). Lets anyone
 * who has one go on (the steps that ask for it come after it). Placed in a conditional sub-flow, for example with
 * Keycloak's "Condition - user role". When that required action is not on in the realm the sign-in is refused, never
 * let through without a second factor.
 */
final class SecondFactorRequired extends PlainStep {

    static final String EVENT = "k12_second_factor";
    static final String NOT_AVAILABLE = "k12.secondFactor.notAvailable";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (SecondFactors.hasAny(user)) {
            context.success();
            return;
        }
        RequiredActionProviderModel setup = context.getRealm().getRequiredActionProviderByAlias(SecondFactors.SETUP_ACTION);
        if (setup == null || !setup.isEnabled()) {
            // refused, not let through; not a wrong secret, so not counted toward the lock-out either
            context.getEvent().user(user).detail(EVENT, "setup_unavailable").error(Errors.INVALID_USER_CREDENTIALS);
            context.challenge(context.form().setError(NOT_AVAILABLE).createErrorPage(Response.Status.FORBIDDEN));
            return;
        }
        context.getAuthenticationSession().addRequiredAction(SecondFactors.SETUP_ACTION);
        context.success();
    }

    @Override
    public boolean requiresUser() {
        return true;
    }
}
