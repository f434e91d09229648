package org.k12id.authenticators.sms;

import org.keycloak.provider.ProviderFactory;

/** Makes the {@link SmsSender}s of the SPI {@value SmsSenderSpi#NAME}. */
public interface SmsSenderFactory extends ProviderFactory<SmsSender> {
}
