package org.k12id.requiredactions.smscode;

import java.util.List;

import org.k12id.authenticators.secondfactor.CodeSettings;
import org.k12id.authenticators.smscode.SmsCode;
import org.k12id.requiredactions.RequiredActionFactorySupport;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * "Set Up Text Message Code". Its settings (Authentication, Required actions, the gear) are those of the codes it sends
 * while setting up: expiry, resend cooldown, codes per hour.
 */
public final class SmsCodeSetupActionFactory extends RequiredActionFactorySupport {

    public static final String ID = SmsCode.SETUP_ACTION;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return "Set Up Text Message Code";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new SmsCodeSetupAction();
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return CodeSettings.PROPERTIES;
    }
}
