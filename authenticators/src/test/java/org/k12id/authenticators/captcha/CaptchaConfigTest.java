package org.k12id.authenticators.captcha;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.models.AuthenticatorConfigModel;

@DisplayName("The settings of I'm Not a Robot")
class CaptchaConfigTest {

    @ParameterizedTest(name = "maxNumber \"{0}\", expiry \"{1}\" -> {2}, {3}")
    @CsvSource(nullValues = "null", value = {
            "null,    null,  100000,   300",
            "'',      ' ',   100000,   300",
            "50000,   120,   50000,    120",
            "' 2000 ', 60,   2000,     60",
            "5,       1,     1000,     5",
            "99999999999, 99999, 10000000, 3600",
            "many,    soon,  100000,   300"})
    void read(String maxNumber, String expiry, long expectedMax, long expectedExpiry) {
        Map<String, String> values = new HashMap<>();
        values.put(CaptchaConfig.MAX_NUMBER, maxNumber);
        values.put(CaptchaConfig.EXPIRY, expiry);
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(values);
        assertEquals(new CaptchaConfig(expectedMax, expectedExpiry), CaptchaConfig.of(model));
    }

    @org.junit.jupiter.api.Test
    @DisplayName("no settings at all: the defaults")
    void none() {
        assertEquals(CaptchaConfig.DEFAULT, CaptchaConfig.of(null));
    }
}
