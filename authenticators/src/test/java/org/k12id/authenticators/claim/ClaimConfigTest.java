package org.k12id.authenticators.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.authenticators.captcha.CaptchaConfig;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;

@DisplayName("The settings of Claim My Account")
class ClaimConfigTest {

    @Test
    @DisplayName("no settings: offered, 20 failures per address, 14-day codes, the default I'm not a robot")
    void defaults() {
        assertEquals(new ClaimConfig(true, 20, 14, CaptchaConfig.DEFAULT), ClaimConfig.of(null));
    }

    @Test
    @DisplayName("the claim page's I'm not a robot reads the I'm Not a Robot step's keys; a bad limit fails closed")
    void read() {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(Map.of(ClaimConfig.OFFERED, "false", ClaimConfig.ADDRESS_LIMIT, "lots",
                ClaimConfig.GUARDIAN_CODE_DAYS, "7", CaptchaConfig.MAX_NUMBER, "2500", CaptchaConfig.EXPIRY, "90"));
        assertEquals(new ClaimConfig(false, 0, 7, new CaptchaConfig(2500, 90)), ClaimConfig.of(model));
    }

    @Test
    @DisplayName("the admin console shows every setting once, the I'm not a robot ones labelled as the claim's and Forgot my username's")
    void properties() {
        assertEquals(5, ClaimConfig.PROPERTIES.stream().map(ProviderConfigProperty::getName).distinct().count());
        assertTrue(ClaimConfig.PROPERTIES.stream().filter(p -> p.getName().startsWith("k12.captcha."))
                .allMatch(p -> p.getLabel().startsWith(ClaimConfig.CAPTCHA_LABEL)));
    }
}
