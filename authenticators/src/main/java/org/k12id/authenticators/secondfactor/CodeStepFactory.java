package org.k12id.authenticators.secondfactor;

import java.util.List;
import java.util.Set;

import org.k12id.authenticators.AuthenticatorFactorySupport;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The factory of a step that sends a code ({@link CodeStep}): REQUIRED or an ALTERNATIVE beside the other second
 * factors, set up by the person, with the code settings and the amr reference on its gear.
 */
public abstract class CodeStepFactory extends AuthenticatorFactorySupport {

    /** The method's credential type, which is also the step's id. */
    protected abstract String credentialType();

    @Override
    public String getId() {
        return credentialType();
    }

    /**
     * "otp": Keycloak's brute-force protection counts failures of passwords, one-time codes and recovery codes only,
     * and a wrong code sent to the person must count like a wrong app code. The credential's own type is an optional
     * category, so the account console offers it wherever a flow uses this step.
     */
    @Override
    public String getReferenceCategory() {
        return OTPCredentialModel.TYPE;
    }

    @Override
    public Set<String> getOptionalReferenceCategories(KeycloakSession session) {
        return Set.of(credentialType());
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
}
