package org.k12id.authenticators.captcha;

import java.util.HexFormat;
import java.util.Objects;

import javax.crypto.SecretKey;

import org.k12id.authenticators.hashing.RealmKeys;
import org.keycloak.common.util.Time;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * "I'm not a robot" for any step of the pack: {@link #challenge} gives the page a new challenge (put it in the
 * {@code captcha.ftl} macro {@code widget}), {@link #verified} checks what the page posted in {@link #FIELD}.
 *
 * <p>The HMAC key is derived from the realm's HS512 signing key (Keycloak's "hmac-generated-hs512" key provider), so
 * every server of a cluster makes and checks the same challenges and no new secret is stored; a solution is accepted
 * once, remembered in the cluster's single-use store until its challenge expires.
 */
public final class Captcha {

    /** The form field the widget posts its solution in. */
    public static final String FIELD = "k12_captcha";

    private static final String DERIVATION_LABEL = "k12-captcha-altcha-v1";

    private Captcha() {
    }

    /** A new challenge for the page, as the JSON the widget reads. */
    public static String challenge(KeycloakSession session, RealmModel realm, CaptchaConfig config) {
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
        if (key == null || key.getSecretKey() == null) {
            throw new IllegalStateException("realm " + realm.getName() + " has no active HS512 key for the captcha");
        }
        return CaptchaChallenges.create(hmacKey(key.getSecretKey()), config.maxNumber(), config.expirySeconds(),
                Time.currentTime());
    }

    /**
     * Whether {@code formValue} (what the page posted in {@link #FIELD}) solves a challenge of this realm that has not
     * expired and was not used before; false for anything else, never an exception. The key may have been rotated
     * since the page was shown: every enabled HS512 key of the realm is tried.
     */
    public static boolean verified(KeycloakSession session, RealmModel realm, String formValue) {
        if (formValue == null || formValue.isBlank() || formValue.length() > CaptchaChallenges.MAX_PAYLOAD_CHARS) {
            return false;
        }
        long now = Time.currentTime();
        return session.keys().getKeysStream(realm, KeyUse.SIG, Algorithm.HS512)
                .filter(key -> key.getStatus() == null || key.getStatus().isEnabled())
                .map(KeyWrapper::getSecretKey)
                .filter(Objects::nonNull)
                .anyMatch(key -> CaptchaChallenges.verify(hmacKey(key), formValue, now,
                        (used, lifespan) -> session.singleUseObjects().putIfAbsent(used, lifespan)));
    }

    /** HMAC-SHA256 of a fixed label under the realm's key: the ALTCHA key, never the realm's key itself. */
    static String hmacKey(SecretKey realmKey) {
        return HexFormat.of().formatHex(RealmKeys.derive(realmKey, DERIVATION_LABEL));
    }
}
