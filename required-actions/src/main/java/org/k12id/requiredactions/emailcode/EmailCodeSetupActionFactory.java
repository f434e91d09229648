package org.k12id.requiredactions.emailcode;

import java.util.List;

import org.k12id.authenticators.emailcode.EmailCode;
import org.k12id.authenticators.secondfactor.CodeSettings;
import org.k12id.requiredactions.RequiredActionFactorySupport;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * "Set Up Email Code". Its settings (Authentication, Required actions, the gear) are those of the codes it sends while
 * setting up: expiry, resend cooldown, codes per hour.
 */
public final class EmailCodeSetupActionFactory extends RequiredActionFactorySupport {

    public static final String ID = EmailCode.SETUP_ACTION;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return "Set Up Email Code";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new EmailCodeSetupAction();
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return CodeSettings.PROPERTIES;
    }
}
