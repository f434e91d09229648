package org.k12id.authenticators.hashing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Keys the pack derives from the realm's HS512 signing key (Keycloak's "hmac-generated-hs512" key provider): the same on
 * every server of a cluster, nothing new stored, and never the realm's key itself: HMAC-SHA256 of a label of the
 * feature under it.
 */
public final class RealmKeys {

    private RealmKeys() {
    }

    /** The key for {@code label} under the realm's active HS512 key, if the realm has one. */
    public static Optional<byte[]> active(KeycloakSession session, RealmModel realm, String label) {
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
        return key == null || key.getSecretKey() == null ? Optional.empty() : Optional.of(derive(key.getSecretKey(), label));
    }

    /** HMAC-SHA256 of {@code label} under {@code realmKey}. */
    public static byte[] derive(SecretKey realmKey, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(realmKey.getEncoded(), "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive a key", e);
        }
    }
}
