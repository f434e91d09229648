package org.k12id.authenticators.secondfactor;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.k12id.authenticators.Settings;
import org.keycloak.models.Constants;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The settings of a one-time code sent to the person (by email, by text message): how long a code is good for, how long
 * to wait before asking for another, and how many may be sent to one account in an hour. A value that cannot be read
 * allows nothing (see {@link Settings#bounded}): a code that expires at once, no resend, no send.
 */
public record CodeSettings(int expirySeconds, int resendCooldownSeconds, int sendsPerHour) {

    public static final String EXPIRY = "k12.code.expirySeconds";
    public static final String COOLDOWN = "k12.code.resendCooldownSeconds";
    public static final String SENDS_PER_HOUR = "k12.code.sendsPerHour";
    public static final int DEFAULT_EXPIRY = 300;
    public static final int DEFAULT_COOLDOWN = 30;
    public static final int DEFAULT_SENDS_PER_HOUR = 5;
    static final int MAX_EXPIRY = 3_600;
    static final int MAX_COOLDOWN = 3_600;
    static final int MAX_SENDS_PER_HOUR = 100;

    public static final CodeSettings DEFAULT = new CodeSettings(DEFAULT_EXPIRY, DEFAULT_COOLDOWN, DEFAULT_SENDS_PER_HOUR);

    /** The three settings for an authenticator's or a required action's config page. */
    public static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(EXPIRY).label("Code expiry (seconds)")
            .helpText("How long a code is good for after it is sent (1 to " + MAX_EXPIRY + " seconds). A code works "
                    + "once; an expired one is refused like a wrong one.")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(DEFAULT_EXPIRY)).add()
            .property().name(COOLDOWN).label("Resend cooldown (seconds)")
            .helpText("How long the person waits after a code was sent before \"Resend code\" sends another (1 to "
                    + MAX_COOLDOWN + " seconds).")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(DEFAULT_COOLDOWN)).add()
            .property().name(SENDS_PER_HOUR).label("Codes per hour per account")
            .helpText("How many codes may be sent to one account in a clock hour, counting every sign-in and set-up "
                    + "(1 to " + MAX_SENDS_PER_HOUR + "). Past it, the page says when to try again and nothing is sent.")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(DEFAULT_SENDS_PER_HOUR)).add()
            .build();

    /**
     * The settings of a code step's gear: the three above, and what Keycloak's "Authentication Method Reference"
     * mapper puts in {@code amr} when the step was used (for instance {@code email}), and for how long after it.
     */
    public static final List<ProviderConfigProperty> STEP_PROPERTIES = Stream.concat(PROPERTIES.stream(), ProviderConfigurationBuilder.create()
            .property().name(Constants.AUTHENTICATION_EXECUTION_REFERENCE_VALUE).label("Authentication reference (amr)")
            .helpText("The value apps receive in the amr claim of their tokens when this step was used (the pack's "
                    + "flows say email or sms). Empty: the step adds nothing to amr.")
            .type(ProviderConfigProperty.STRING_TYPE).add()
            .property().name(Constants.AUTHENTICATION_EXECUTION_REFERENCE_MAX_AGE).label("Authentication reference max age (seconds)")
            .helpText("How long after the step the reference stays in amr for the session's tokens (the pack's flows: "
                    + "43200, a school day).")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue("43200").add()
            .build().stream()).toList();

    /** The settings of a config map (the admin console's), defaults where unset. */
    public static CodeSettings of(Map<String, String> config) {
        Map<String, String> values = config == null ? Map.of() : config;
        return new CodeSettings(Settings.bounded(values.get(EXPIRY), DEFAULT_EXPIRY, MAX_EXPIRY),
                Settings.bounded(values.get(COOLDOWN), DEFAULT_COOLDOWN, MAX_COOLDOWN),
                Settings.bounded(values.get(SENDS_PER_HOUR), DEFAULT_SENDS_PER_HOUR, MAX_SENDS_PER_HOUR));
    }
}
