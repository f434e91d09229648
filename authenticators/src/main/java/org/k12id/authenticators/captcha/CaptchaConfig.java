package org.k12id.authenticators.captcha;

import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The settings of "I'm Not a Robot": how hard the proof of work is (the challenge's largest number: the browser tries
 * on average half of them) and how long a challenge may be answered.
 */
public record CaptchaConfig(long maxNumber, long expirySeconds) {

    public static final String MAX_NUMBER = "k12.captcha.maxNumber";
    public static final String EXPIRY = "k12.captcha.expirySeconds";
    /** About 50,000 SHA-256 hashes on average: about half a second in headless Chromium on a 2-core server. */
    public static final long DEFAULT_MAX_NUMBER = 100_000;
    public static final long DEFAULT_EXPIRY = 300;
    static final long MIN_MAX_NUMBER = 1_000;
    static final long MAX_MAX_NUMBER = 10_000_000;
    static final long MIN_EXPIRY = 5;
    static final long MAX_EXPIRY = 3_600;

    public static final CaptchaConfig DEFAULT = new CaptchaConfig(DEFAULT_MAX_NUMBER, DEFAULT_EXPIRY);

    public static final List<ProviderConfigProperty> PROPERTIES = properties("");

    /**
     * The two settings for a step's config page, each label after {@code labelPrefix} (for a step where "I'm not a
     * robot" is one part of several, such as the claim's).
     */
    public static List<ProviderConfigProperty> properties(String labelPrefix) {
        return ProviderConfigurationBuilder.create()
                .property().name(MAX_NUMBER).label(labelPrefix + "Difficulty (largest number)")
                .helpText("The proof of work's largest number (" + MIN_MAX_NUMBER + " to " + MAX_MAX_NUMBER + "): the "
                        + "browser tries on average half as many SHA-256 hashes. " + DEFAULT_MAX_NUMBER + " took about half a "
                        + "second in headless Chromium on a 2-core server; ten times more takes about ten times longer. "
                        + "The server's work is the same at any difficulty: one hash and one signature to check.")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(DEFAULT_MAX_NUMBER)).add()
                .property().name(EXPIRY).label(labelPrefix + "Expiry (seconds)")
                .helpText("How long a challenge may be answered after the page is shown (" + MIN_EXPIRY + " to "
                        + MAX_EXPIRY + " seconds). An expired one is refused and the page shows a new one.")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(DEFAULT_EXPIRY)).add()
                .build();
    }

    public static CaptchaConfig of(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        return new CaptchaConfig(number(config.get(MAX_NUMBER), DEFAULT_MAX_NUMBER, MIN_MAX_NUMBER, MAX_MAX_NUMBER),
                number(config.get(EXPIRY), DEFAULT_EXPIRY, MIN_EXPIRY, MAX_EXPIRY));
    }

    /** A configured number, or the default when unset or unreadable; out of range, the nearest bound. */
    private static long number(String value, long fallback, long min, long max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Math.max(min, Math.min(max, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
