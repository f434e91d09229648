package org.k12id.authenticators.badge;


import org.k12id.authenticators.AuthenticatorFactorySupport;

import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;

/** "Condition - Not a Badge Login or Claim". */
public final class NotBadgeLoginConditionFactory extends AuthenticatorFactorySupport implements ConditionalAuthenticatorFactory {

    public static final String ID = "k12-condition-not-badge";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Condition - Not a Badge Login or Claim";
    }

    @Override
    public String getHelpText() {
        return "True unless the student signed in with a badge, or the person claimed their account, in this login. Put "
                + "the password step in a conditional sub-flow behind it, so a badge login skips the password, and a "
                + "claim goes on to the required action 'Claim Account', which has the person choose one.";
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {AuthenticationExecutionModel.Requirement.REQUIRED,
                AuthenticationExecutionModel.Requirement.DISABLED};
    }

    @Override
    public ConditionalAuthenticator getSingleton() {
        return NotBadgeLoginCondition.INSTANCE;
    }
}
