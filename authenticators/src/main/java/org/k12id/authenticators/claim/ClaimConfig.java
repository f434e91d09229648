package org.k12id.authenticators.claim;

import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The settings of "Claim My Account" on the username step ("Username or Student Badge"): whether it is offered, and how
 * many failed claims one address may make in 10 minutes.
 */
public record ClaimConfig(boolean offered, int addressLimit) {

    public static final String OFFERED = "k12.claim.offered";
    public static final String ADDRESS_LIMIT = "k12.claim.addressLimit";
    static final int DEFAULT_ADDRESS_LIMIT = 20;
    static final int MAX_ADDRESS_LIMIT = 1000;

    public static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
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
            .build();

    public static ClaimConfig of(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        String offered = config.get(OFFERED);
        return new ClaimConfig(offered == null || Boolean.parseBoolean(offered), limit(config.get(ADDRESS_LIMIT)));
    }

    /** A configured limit, or the default when unset; an unreadable or out-of-range one allows no claim (fails closed). */
    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_ADDRESS_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            return limit >= 1 && limit <= MAX_ADDRESS_LIMIT ? limit : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
