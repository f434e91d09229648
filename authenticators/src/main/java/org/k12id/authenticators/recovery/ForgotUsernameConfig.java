package org.k12id.authenticators.recovery;

import java.util.List;
import java.util.Map;

import org.k12id.authenticators.Settings;
import org.k12id.authenticators.captcha.CaptchaConfig;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The settings of "Forgot my username" on the username step ("Username, Student Badge or Claim"): whether it is
 * offered, how many username emails one address may be sent in an hour, how many requests one network address may make
 * in 10 minutes, and how hard its "I'm not a robot" is (the claim's settings, under the "I'm Not a Robot" step's keys).
 * A config saved before these settings existed reads as the defaults.
 */
public record ForgotUsernameConfig(boolean offered, int emailsPerHour, int networkLimit, CaptchaConfig captcha) {

    public static final String OFFERED = "k12.forgotUsername.offered";
    public static final String EMAILS_PER_HOUR = "k12.forgotUsername.emailsPerHour";
    static final int DEFAULT_EMAILS_PER_HOUR = 3;
    static final int MAX_EMAILS_PER_HOUR = 100;
    public static final String NETWORK_LIMIT = "k12.forgotUsername.networkLimit";
    static final int DEFAULT_NETWORK_LIMIT = 30;
    static final int MAX_NETWORK_LIMIT = 1000;

    public static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(OFFERED).label("Offer \"Forgot my username\"")
            .helpText("Shows \"Forgot my username\" on the username page: the person types an email address and passes "
                    + "\"I'm not a robot\", and every enabled account with that address is emailed its username. The page "
                    + "says the same whether or not the address belongs to an account. Needs the realm's email settings "
                    + "(Realm settings, Email): without a mail server it is not shown.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true").add()
            .property().name(EMAILS_PER_HOUR).label("Username emails per address per hour")
            .helpText("At most this many \"Forgot my username\" requests for one email address are answered with an "
                    + "email in an hour, counted cluster-wide whether or not the address belongs to an account (1 to "
                    + MAX_EMAILS_PER_HOUR + "); further requests get the same page and send nothing.")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(DEFAULT_EMAILS_PER_HOUR)).add()
            .property().name(NETWORK_LIMIT).label("Username requests per network address in 10 minutes")
            .helpText("At most this many \"Forgot my username\" requests from one network address are answered in a "
                    + "10-minute window (1 to " + MAX_NETWORK_LIMIT + "); further requests get the same page and send "
                    + "nothing until the window ends.")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(DEFAULT_NETWORK_LIMIT)).add()
            .build();

    public static ForgotUsernameConfig of(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        String offered = config.get(OFFERED);
        return new ForgotUsernameConfig(offered == null || Boolean.parseBoolean(offered),
                Settings.bounded(config.get(EMAILS_PER_HOUR), DEFAULT_EMAILS_PER_HOUR, MAX_EMAILS_PER_HOUR),
                Settings.bounded(config.get(NETWORK_LIMIT), DEFAULT_NETWORK_LIMIT, MAX_NETWORK_LIMIT),
                CaptchaConfig.of(model));
    }
}
