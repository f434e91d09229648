package org.k12id.requiredactions.expiry;

import java.util.List;

import org.k12id.requiredactions.RequiredActionFactorySupport;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * "Update Expired Password (by role)": with the "Expiry By Role" password policy set, sends people whose password is
 * older than their role allows to Keycloak's update-password page, saying their password has expired. Enable it in
 * Authentication, Required actions (the demo realm has it enabled).
 */
public final class PasswordExpiryByRoleRequiredActionFactory extends RequiredActionFactorySupport {

    public static final String ID = "k12-password-expiry-by-role";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return "Update Expired Password (by role)";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new PasswordExpiryByRoleRequiredAction();
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return List.of(); // the lifetimes are the "Expiry By Role" password policy's config
    }
}
