package org.k12id.authenticators.sms;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The pack's SPI {@value #NAME}: how text messages leave the server. The pack ships one provider, {@code http}
 * ({@link HttpSmsSenderFactory}); a district may add its own (a JAR with an {@link SmsSenderFactory} in providers/)
 * and choose it with {@code --spi-k12-sms-sender--provider=<id>}.
 */
public final class SmsSenderSpi implements Spi {

    public static final String NAME = "k12-sms-sender";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return SmsSender.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return SmsSenderFactory.class;
    }
}
