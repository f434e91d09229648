package org.k12id.requiredactions.claim;

import java.util.List;

import org.k12id.domain.claim.Claiming;
import org.k12id.requiredactions.RequiredActionFactorySupport;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * "Claim Account (terms of use, password)": finishes "Claim My Account" and catches an unclaimed person signing in
 * another way. Enable it in Authentication, Required actions, above "Update Password" (the demo realm and the
 * district setup do). The terms' text is the message {@code termsText} (Realm settings, Localization).
 */
public final class ClaimAccountRequiredActionFactory extends RequiredActionFactorySupport {

    public static final String ID = Claiming.REQUIRED_ACTION;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return "Claim Account (terms of use, password)";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new ClaimAccountRequiredAction();
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return List.of(); // the terms' text is a realm message; who claims is the account's claimed attribute
    }
}
