package org.k12id.requiredactions.secondfactor;

import org.k12id.authenticators.secondfactor.SecondFactors;
import org.k12id.requiredactions.RequiredActionFactorySupport;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;

/** "Set Up a Second Factor" ({@link SecondFactorSetup}). */
public final class SecondFactorSetupFactory extends RequiredActionFactorySupport {

    public static final String ID = SecondFactors.SETUP_ACTION;
    private static final SecondFactorSetup SINGLETON = new SecondFactorSetup();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return "Set Up a Second Factor";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return SINGLETON;
    }
}
