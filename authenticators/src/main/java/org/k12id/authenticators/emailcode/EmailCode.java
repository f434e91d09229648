package org.k12id.authenticators.emailcode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.k12id.authenticators.hashing.RealmKeys;
import org.k12id.authenticators.secondfactor.CodeExchange;
import org.k12id.authenticators.secondfactor.SecondFactors;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.JsonSerialization;

/**
 * The {@value #TYPE} credential: the person's email address proven by a code sent to it. It keeps no secret and not the
 * address: only an HMAC of the address it was proven for (under a key derived from the realm's, label
 * {@value #ADDRESS_LABEL}), so that when the account's address changes the method is no longer set up until a code to
 * the new address is typed. One per person; setting it up again replaces it.
 */
public final class EmailCode {

    public static final String TYPE = SecondFactors.EMAIL_CODE;
    public static final String SETUP_ACTION = "k12-email-code-setup";
    static final String ADDRESS_LABEL = "k12-email-code-address";
    private static final String ADDRESS = "address";
    /** The message on the page when the mail server could not be reached or refused the email. */
    public static final String SEND_FAILED = "k12.emailCode.sendFailed";

    private EmailCode() {
    }

    /** Whether {@code user} has proven their current address. */
    public static boolean configured(KeycloakSession session, RealmModel realm, UserModel user) {
        String seal = seal(session, realm, user.getEmail());
        if (seal == null) {
            return false;
        }
        byte[] wanted = seal.getBytes(StandardCharsets.US_ASCII);
        return user.credentialManager().getStoredCredentialsByTypeStream(TYPE)
                .map(EmailCode::provenSeal)
                .anyMatch(proven -> proven != null && MessageDigest.isEqual(wanted, proven.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * A code emailed to the account's address and typed back on the code page, with the words of {@code prefix} and
     * the settings of {@code config}.
     */
    public static CodeExchange exchange(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession,
                                        UserModel user, Map<String, String> config, String prefix) {
        return new CodeExchange(session, realm, authSession, user, config, "email",
                new EmailCodeMailer(session, realm, authSession, user), MaskedAddress.mask(user.getEmail()), prefix,
                SEND_FAILED);
    }

    /** Records that {@code user} proved their current address, in place of any earlier one. */
    public static void store(KeycloakSession session, RealmModel realm, UserModel user) {
        String seal = seal(session, realm, user.getEmail());
        if (seal == null) {
            throw new IllegalStateException("the account has no email address");
        }
        user.credentialManager().getStoredCredentialsByTypeStream(TYPE).map(CredentialModel::getId).toList()
                .forEach(id -> user.credentialManager().removeStoredCredentialById(id));
        CredentialModel credential = new CredentialModel();
        credential.setType(TYPE);
        credential.setUserLabel(MaskedAddress.mask(user.getEmail()));
        credential.setCreatedDate(Time.currentTimeMillis());
        try {
            credential.setCredentialData(JsonSerialization.writeValueAsString(Map.of(ADDRESS, seal)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        credential.setSecretData("{}");
        user.credentialManager().createStoredCredential(credential);
    }

    private static String provenSeal(CredentialModel credential) {
        try {
            Object value = JsonSerialization.readValue(credential.getCredentialData(), Map.class).get(ADDRESS);
            return value instanceof String text ? text : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** The HMAC of the normalised address under the realm's derived key, in hex; null for no address. */
    static String seal(KeycloakSession session, RealmModel realm, String address) {
        String normalised = MaskedAddress.normalise(address);
        if (normalised == null) {
            return null;
        }
        byte[] key = RealmKeys.active(session, realm, ADDRESS_LABEL)
                .orElseThrow(() -> new IllegalStateException("realm " + realm.getName() + " has no active HS512 key"));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal an address", e);
        }
    }
}
