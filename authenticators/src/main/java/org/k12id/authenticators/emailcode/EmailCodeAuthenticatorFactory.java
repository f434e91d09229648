package org.k12id.authenticators.emailcode;

import java.util.List;
import java.util.Set;

import org.k12id.authenticators.AuthenticatorFactorySupport;
import org.k12id.authenticators.secondfactor.CodeSettings;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

/** "K12 Email Code": a second factor, a code sent to the address the person proved. */
public final class EmailCodeAuthenticatorFactory extends AuthenticatorFactorySupport {

    public static final String ID = EmailCode.TYPE;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "K12 Email Code";
    }

    @Override
    public String getHelpText() {
        return "A second factor: sends a 6-digit code to the email address the person proved (set up through the "
                + "required action \"Set Up Email Code\" or the account console) through the realm's email settings, "
                + "and asks for it. Codes work once and expire; wrong codes count toward the brute-force lock-out; "
                + "\"Resend code\" has a cooldown and an hourly cap per account. Needs the k12 login and email themes.";
    }

    /**
     * "otp": Keycloak's brute-force protection counts failures of passwords, one-time codes and recovery codes only,
     * and a wrong emailed code must count like a wrong app code. The credential's own type is an optional category, so
     * the account console offers it wherever a flow uses this step.
     */
    @Override
    public String getReferenceCategory() {
        return OTPCredentialModel.TYPE;
    }

    @Override
    public Set<String> getOptionalReferenceCategories(KeycloakSession session) {
        return Set.of(EmailCode.TYPE);
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return true;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CodeSettings.STEP_PROPERTIES;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new EmailCodeAuthenticator();
    }
}
