package org.k12id.authenticators.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.authenticators.captcha.CaptchaConfig;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;

@DisplayName("The settings of Forgot my username")
class ForgotUsernameConfigTest {

    @Test
    @DisplayName("no settings, or a config saved before they existed: offered, 3 emails per address an hour, 30 requests per network address")
    void defaults() {
        ForgotUsernameConfig expected = new ForgotUsernameConfig(true, 3, 30, CaptchaConfig.DEFAULT);
        assertEquals(expected, ForgotUsernameConfig.of(null));
        AuthenticatorConfigModel old = new AuthenticatorConfigModel();
        old.setConfig(Map.of("k12.claim.offered", "true", "k12.claim.addressLimit", "100"));
        assertEquals(expected, ForgotUsernameConfig.of(old));
    }

    @Test
    @DisplayName("read from the step's config; a bad limit fails closed (nothing sent)")
    void read() {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(Map.of(ForgotUsernameConfig.OFFERED, "false", ForgotUsernameConfig.EMAILS_PER_HOUR, "5",
                ForgotUsernameConfig.NETWORK_LIMIT, "many", CaptchaConfig.MAX_NUMBER, "2500"));
        assertEquals(new ForgotUsernameConfig(false, 5, 0, new CaptchaConfig(2500, CaptchaConfig.DEFAULT_EXPIRY)),
                ForgotUsernameConfig.of(model));
        model.setConfig(Map.of(ForgotUsernameConfig.EMAILS_PER_HOUR, "0"));
        assertEquals(0, ForgotUsernameConfig.of(model).emailsPerHour());
        model.setConfig(Map.of(ForgotUsernameConfig.EMAILS_PER_HOUR, "101"));
        assertEquals(0, ForgotUsernameConfig.of(model).emailsPerHour());
    }

    @Test
    @DisplayName("every setting has a label, help text and a default; the I'm not a robot ones are the claim's, not repeated")
    void properties() {
        assertEquals(3, ForgotUsernameConfig.PROPERTIES.size());
        for (ProviderConfigProperty property : ForgotUsernameConfig.PROPERTIES) {
            assertNotNull(property.getLabel());
            assertNotNull(property.getHelpText());
            assertNotNull(property.getDefaultValue());
            assertFalse(property.getName().startsWith("k12.captcha."));
        }
    }
}
