package org.k12id.authenticators.claim;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.k12id.authenticators.Settings;
import org.k12id.authenticators.badge.BadgeConfig;
import org.k12id.authenticators.captcha.CaptchaConfig;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The settings of "Claim My Account" on the username step ("Username, Student Badge or Claim"): whether it is offered,
 * how many failed claims one address may make in 10 minutes, how long a guardian's code lasts, and how hard the claim
 * page's "I'm not a robot" is (the settings of the "I'm Not a Robot" step, under the same keys).
 */
public record ClaimConfig(boolean offered, int addressLimit, int guardianCodeDays, CaptchaConfig captcha) {

    public static final String OFFERED = "k12.claim.offered";
    public static final String ADDRESS_LIMIT = "k12.claim.addressLimit";
    static final int DEFAULT_ADDRESS_LIMIT = 20;
    static final int MAX_ADDRESS_LIMIT = 1000;
    public static final String GUARDIAN_CODE_DAYS = "k12.claim.guardianCodeDays";
    static final int DEFAULT_GUARDIAN_CODE_DAYS = 14;
    static final int MAX_GUARDIAN_CODE_DAYS = 90;

    /** The label of the two "I'm not a robot" settings, which the claim and "Forgot my username" share. */
    static final String CAPTCHA_LABEL = "Claim and Forgot my username: I'm not a robot: ";

    public static final List<ProviderConfigProperty> PROPERTIES = Stream.concat(ProviderConfigurationBuilder.create()
            .property().name(OFFERED).label("Offer \"Claim My Account\"")
            .helpText("Shows \"Claim My Account\" on the username page: students in grades 6 to 12 and employees whose "
                    + "account has claimed=false prove who they are, then the required action 'Claim Account' asks "
                    + "them to accept the terms of use and choose a password. Needs that required action enabled.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true").add()
            .property().name(ADDRESS_LIMIT).label("Failed claims per address in 10 minutes")
            .helpText("After this many failed claims from one network address in a 10-minute window, further claims "
                    + "from it are refused with the same words as wrong details until the window ends (1 to 1000). "
                    + "Each account's own failures also count toward the realm's brute-force lock-out.")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(DEFAULT_ADDRESS_LIMIT)).add()
            .property().name(GUARDIAN_CODE_DAYS).label("Guardian claim codes last (days)")
            .helpText("How long a claim code emailed to a parent or guardian works (1 to 90 days). Sending a new code "
                    + "voids the old one; a code works once.")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(DEFAULT_GUARDIAN_CODE_DAYS)).add()
            .build().stream(), CaptchaConfig.properties(CAPTCHA_LABEL).stream()).toList();

    public static ClaimConfig of(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        String offered = config.get(OFFERED);
        return new ClaimConfig(offered == null || Boolean.parseBoolean(offered),
                bounded(config.get(ADDRESS_LIMIT), DEFAULT_ADDRESS_LIMIT, MAX_ADDRESS_LIMIT),
                bounded(config.get(GUARDIAN_CODE_DAYS), DEFAULT_GUARDIAN_CODE_DAYS, MAX_GUARDIAN_CODE_DAYS),
                CaptchaConfig.of(model));
    }

    /**
     * The settings of the realm's claim: those of the "Username, Student Badge or Claim" step of the realm's browser
     * flow (its sub-flows included), or the defaults when the flow has none.
     */
    public static ClaimConfig forRealm(RealmModel realm) {
        return of(BadgeConfig.stepConfig(realm));
    }

    /** See {@link Settings#bounded}: a bad value allows nothing (no claim from any address, no code that works). */
    private static int bounded(String value, int defaultValue, int max) {
        return Settings.bounded(value, defaultValue, max);
    }
}
