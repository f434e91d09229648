package org.k12id.authenticators.badge;

import java.util.List;
import java.util.stream.Stream;

import org.k12id.authenticators.AuthenticatorFactorySupport;
import org.k12id.authenticators.claim.ClaimConfig;
import org.k12id.authenticators.recovery.ForgotUsernameConfig;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

/** "Username or Student Badge": the identifier-first username step, with badge (QR code) login for young students. */
public final class UsernameOrBadgeFormFactory extends AuthenticatorFactorySupport {

    public static final String ID = "k12-username-badge-form";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Username, Student Badge or Claim";
    }

    @Override
    public String getHelpText() {
        return "Asks for the username, or signs a student in with their badge (QR code) from the camera or a scanner, "
                + "or lets a person claim their account (\"Claim My Account\") or have their username emailed (\"Forgot my "
                + "username\"). Put it where Keycloak's Username Form "
                + "would be, followed by a conditional password step that uses 'Condition - Not a Badge Login or Claim'.";
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
        return Stream.of(BadgeConfig.PROPERTIES, ClaimConfig.PROPERTIES, ForgotUsernameConfig.PROPERTIES)
                .flatMap(List::stream).toList();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new UsernameOrBadgeForm(session);
    }
}
