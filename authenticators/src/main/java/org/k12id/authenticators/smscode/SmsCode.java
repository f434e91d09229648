package org.k12id.authenticators.smscode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import javax.crypto.SecretKey;

import org.k12id.authenticators.sealing.SealedSecrets;
import org.k12id.authenticators.secondfactor.CodeExchange;
import org.k12id.authenticators.secondfactor.SecondFactors;
import org.k12id.authenticators.sms.PhoneNumbers;
import org.k12id.authenticators.sms.SmsSender;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.JsonSerialization;

/**
 * The {@value #TYPE} credential: the person's mobile number, proven by a code texted to it. The number must be read back
 * to text each code, so it is kept sealed ({@link SealedSecrets}: AES-GCM under the realm's AES key, bound to the
 * account), never in clear; what the account console shows (the credential's label) is the masked number. One per
 * person; setting it up again replaces it. Offered only while the server can send text messages ({@link SmsSender}).
 */
public final class SmsCode {

    public static final String TYPE = SecondFactors.SMS_CODE;
    public static final String SETUP_ACTION = "k12-sms-code-setup";
    /** The message on the page when the gateway failed. */
    public static final String SEND_FAILED = "k12.smsCode.sendFailed";
    private static final String NUMBER = "number";
    private static final String KEY_ID = "kid";

    /** A number sealed under one of the realm's AES keys ({@code kid}). */
    public record Sealed(String kid, String sealed) {
    }

    private SmsCode() {
    }

    /** Whether {@code user} can be sent a code now: the server sends text messages and a number is set up. */
    public static boolean configured(KeycloakSession session, RealmModel realm, UserModel user) {
        return SmsSender.ofSession(session) != null && number(session, realm, user).isPresent();
    }

    /** The person's proven number (E.164), if one is set up and opens under the realm's keys. */
    public static Optional<String> number(KeycloakSession session, RealmModel realm, UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(TYPE).findFirst()
                .flatMap(credential -> read(credential.getSecretData()))
                .flatMap(sealed -> open(session, realm, sealed, binding(user)));
    }

    /** Records {@code e164} as the person's proven number, in place of any earlier one. */
    public static void store(KeycloakSession session, RealmModel realm, UserModel user, String e164) {
        if (!PhoneNumbers.isE164(e164)) {
            throw new IllegalArgumentException("not an E.164 number");
        }
        Sealed sealed = seal(session, realm, e164, binding(user));
        user.credentialManager().getStoredCredentialsByTypeStream(TYPE).map(CredentialModel::getId).toList()
                .forEach(id -> user.credentialManager().removeStoredCredentialById(id));
        CredentialModel credential = new CredentialModel();
        credential.setType(TYPE);
        credential.setUserLabel(PhoneNumbers.mask(e164));
        credential.setCreatedDate(Time.currentTimeMillis());
        credential.setCredentialData("{}");
        credential.setSecretData(write(Map.of(NUMBER, sealed.sealed(), KEY_ID, sealed.kid())));
        user.credentialManager().createStoredCredential(credential);
    }

    /**
     * A code texted to {@code e164} and typed back on the code page, with the words of {@code prefix} and the settings
     * of {@code config}; with no gateway configured, the send fails (and the page says so).
     */
    public static CodeExchange exchange(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession,
                                        UserModel user, Map<String, String> config, String e164, String prefix) {
        return new CodeExchange(session, realm, authSession, user, config, "sms",
                new SmsCodeTexter(session, realm, user, SmsSender.ofSession(session), e164), PhoneNumbers.mask(e164),
                prefix, SEND_FAILED);
    }

    /** {@code e164} sealed under the realm's active AES key, bound to {@code boundTo}. */
    public static Sealed seal(KeycloakSession session, RealmModel realm, String e164, String boundTo) {
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.ENC, Algorithm.AES);
        if (key == null || key.getSecretKey() == null) {
            throw new IllegalStateException("realm " + realm.getName() + " has no active AES key");
        }
        return new Sealed(key.getKid(), SealedSecrets.seal(key.getSecretKey(), e164.getBytes(StandardCharsets.UTF_8), boundTo));
    }

    /** The number {@link #seal} sealed, if it opens under the realm's key it names and {@code boundTo}. */
    public static Optional<String> open(KeycloakSession session, RealmModel realm, Sealed sealed, String boundTo) {
        if (sealed == null || sealed.kid() == null) {
            return Optional.empty();
        }
        KeyWrapper key = session.keys().getKey(realm, sealed.kid(), KeyUse.ENC, Algorithm.AES);
        SecretKey secretKey = key == null ? null : key.getSecretKey();
        return SealedSecrets.open(secretKey, sealed.sealed(), boundTo)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .filter(PhoneNumbers::isE164);
    }

    private static String binding(UserModel user) {
        return TYPE + ":" + user.getId();
    }

    private static Optional<Sealed> read(String json) {
        try {
            Map<?, ?> fields = JsonSerialization.readValue(json, Map.class);
            return fields.get(NUMBER) instanceof String number && fields.get(KEY_ID) instanceof String kid
                    ? Optional.of(new Sealed(kid, number)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String write(Map<String, String> fields) {
        try {
            return JsonSerialization.writeValueAsString(fields);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
