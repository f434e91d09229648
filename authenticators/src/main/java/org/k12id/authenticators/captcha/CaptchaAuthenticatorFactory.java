package org.k12id.authenticators.captcha;

import java.util.List;

import org.k12id.authenticators.AuthenticatorFactorySupport;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/** "I'm Not a Robot (proof of work)": the self-hosted ALTCHA step, usable in any flow. */
public final class CaptchaAuthenticatorFactory extends AuthenticatorFactorySupport {

    public static final String ID = "k12-captcha";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "I'm Not a Robot (proof of work)";
    }

    @Override
    public String getHelpText() {
        return "Shows an \"I'm not a robot\" checkbox: once checked, the browser solves a small proof of work (ALTCHA, "
                + "served by the realm itself: no third party sees the person) and the step is passed when the server "
                + "has checked the solution. Each solution works once and expires. Needs the k12 login theme.";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CaptchaConfig.PROPERTIES;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new CaptchaAuthenticator();
    }
}
