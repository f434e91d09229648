package org.k12id.authenticators.sms;

import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * The pack's {@link SmsSender}, id {@value #ID}: posts each message to an HTTP SMS gateway (Twilio's Messages API or a
 * plain JSON webhook), configured by the server options {@code --spi-k12-sms-sender--http--*} ({@link HttpSmsConfig}),
 * read once at start. The server's info shows whether it is configured, the preset, the gateway's host and the
 * timeout, never a credential.
 */
public final class HttpSmsSenderFactory implements SmsSenderFactory, ServerInfoAwareProviderFactory {

    public static final String ID = "http";
    private static final Logger LOG = Logger.getLogger(HttpSmsSenderFactory.class);

    /** Set once by {@link #init}, before the first session; never changed after. */
    private HttpSmsConfig config = HttpSmsConfig.NONE;
    private HttpClient client;

    @Override
    public String getId() {
        return ID;
    }

    /**
     * Above 0, so it is the SPI's default provider ({@code session.getProvider(SmsSender.class)}) even beside another
     * provider without an order; a district's own provider is chosen with {@code --spi-k12-sms-sender--provider=<id>}.
     */
    @Override
    public int order() {
        return 1;
    }

    @Override
    public SmsSender create(KeycloakSession session) {
        return new HttpSmsSender(config, client);
    }

    @Override
    public void init(Config.Scope scope) {
        config = HttpSmsConfig.read(scope::get);
        client = config.configured() ? HttpSmsSender.client(config) : null;
        if (config.configured()) {
            LOG.infof("k12 SMS: text messages go to %s (%s preset, %d ms timeout)", config.gateway(),
                    config.preset().id(), config.timeoutMillis());
        } else {
            LOG.info("k12 SMS: no gateway configured (--spi-k12-sms-sender--http--url): text messages are not offered");
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("configured", String.valueOf(config.configured()));
        if (config.configured()) {
            info.put("gateway", config.gateway());
            info.put(HttpSmsConfig.PRESET, config.preset().id());
            info.put(HttpSmsConfig.TIMEOUT, String.valueOf(config.timeoutMillis()));
            info.put("auth", config.username() != null ? "basic" : config.token() != null ? "bearer" : "none");
        }
        return info;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(HttpSmsConfig.URL).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("The gateway's address the messages are posted to (https; http only to a loopback address). "
                        + "Twilio: https://api.twilio.com/2010-04-01/Accounts/<Account SID>/Messages.json. "
                        + "Unset: no text messages are sent or offered.").add()
                .property().name(HttpSmsConfig.PRESET).type(ProviderConfigProperty.LIST_TYPE)
                .options(HttpSmsConfig.Preset.TWILIO.id(), HttpSmsConfig.Preset.JSON.id())
                .helpText("The request's shape: twilio (form-encoded To, From, Body, basic auth) or json "
                        + "({\"to\", \"from\", \"message\"}, an optional bearer token).")
                .defaultValue(HttpSmsConfig.Preset.JSON.id()).add()
                .property().name(HttpSmsConfig.USERNAME).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Basic auth user (Twilio: the Account SID).").add()
                .property().name(HttpSmsConfig.PASSWORD).type(ProviderConfigProperty.PASSWORD).secret(true)
                .helpText("Basic auth password (Twilio: the auth token).").add()
                .property().name(HttpSmsConfig.TOKEN).type(ProviderConfigProperty.PASSWORD).secret(true)
                .helpText("Bearer token sent to a json gateway.").add()
                .property().name(HttpSmsConfig.FROM).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("The sending number (E.164) or sender id; needed by twilio.").add()
                .property().name(HttpSmsConfig.TIMEOUT).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Milliseconds to wait for the gateway to connect and to answer (" + HttpSmsConfig.MIN_TIMEOUT
                        + " to " + HttpSmsConfig.MAX_TIMEOUT + ").")
                .defaultValue(String.valueOf(HttpSmsConfig.DEFAULT_TIMEOUT)).add()
                .build();
    }
}
