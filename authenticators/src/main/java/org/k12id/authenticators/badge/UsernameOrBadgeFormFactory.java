package org.k12id.authenticators.badge;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

/** "Username or Student Badge": the identifier-first username step, with badge (QR code) login for young students. */
public final class UsernameOrBadgeFormFactory implements AuthenticatorFactory {

    public static final String ID = "k12-username-badge-form";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Username or Student Badge";
    }

    @Override
    public String getHelpText() {
        return "Asks for the username, or signs a student in with their badge (QR code) from the camera or a scanner. "
                + "Put it where Keycloak's Username Form would be, followed by a conditional password step that uses "
                + "'Condition - Not a Badge Login'.";
    }

    @Override
    public String getReferenceCategory() {
        // A badge is a bearer secret: its failures must count toward brute-force lock-out like a password's,
        // and Keycloak's protector counts only the password, otp and recovery-code categories.
        return PasswordCredentialModel.TYPE;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return BadgeConfig.PROPERTIES;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {AuthenticationExecutionModel.Requirement.REQUIRED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new UsernameOrBadgeForm(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
