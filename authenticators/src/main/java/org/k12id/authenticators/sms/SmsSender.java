package org.k12id.authenticators.sms;

import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.Provider;

/** Sends one text message; a provider of the SPI {@value SmsSenderSpi#NAME}. */
public interface SmsSender extends Provider {

    /**
     * Sends {@code message} to {@code e164Number} (as {@link PhoneNumbers#normalise} gives it), or throws with a
     * short reason that names neither the number, nor the text, nor any credential.
     */
    void send(String e164Number, String message) throws SmsSendException;

    /** Whether messages can be sent at all (a gateway is configured); when not, a text-message method is not offered. */
    boolean configured();

    /** The session's sender when text messages can be sent, else null (no provider, or none configured). */
    static SmsSender ofSession(KeycloakSession session) {
        SmsSender sender = session.getProvider(SmsSender.class);
        return sender != null && sender.configured() ? sender : null;
    }

    @Override
    default void close() {
    }
}
