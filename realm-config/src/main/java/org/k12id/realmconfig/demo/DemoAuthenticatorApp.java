package org.k12id.realmconfig.demo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The demo's authenticator app: the one key the demo realm's LEA administrators and data auditors (and a generated
 * district's) have set up as their second factor, so that the demo, the tests and the benchmarks can sign them in. Demo
 * data only, published on purpose: never give a real account a known key. Codes are TOTP (RFC 6238) as Keycloak's
 * default policy makes them: HMAC-SHA1, 6 digits, 30 seconds.
 */
public final class DemoAuthenticatorApp {

    /** The secret as Keycloak keeps it (an OTP credential's {@code value}; the key is its UTF-8 bytes). */
    public static final String SECRET = "k12-demo-authenticator-2026";
    /** What to type into an authenticator app: the secret's bytes in Base32, as Keycloak shows it. */
    public static final String APP_KEY = "NMYTELLEMVWW6LLBOV2GQZLOORUWGYLUN5ZC2MRQGI3A";
    static final int PERIOD = 30;
    static final int DIGITS = 6;

    private DemoAuthenticatorApp() {
    }

    /** The demo key's code at {@code epochSeconds}. */
    public static String code(long epochSeconds) {
        return code(SECRET.getBytes(StandardCharsets.UTF_8), epochSeconds);
    }

    /** The code of the key {@code key} (its raw bytes) at {@code epochSeconds}: RFC 6238 with HMAC-SHA1, 6 digits. */
    public static String code(byte[] key, long epochSeconds) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(epochSeconds / PERIOD).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%0" + DIGITS + "d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing", e);
        }
    }

    /** The OTP credential of a realm import or partial import that gives an account the demo key. */
    public static Map<String, Object> credential() {
        return Map.of("type", "otp", "userLabel", "Demo authenticator app",
                "secretData", "{\"value\":\"" + SECRET + "\"}",
                "credentialData", "{\"subType\":\"totp\",\"digits\":" + DIGITS + ",\"counter\":0,\"period\":" + PERIOD
                        + ",\"algorithm\":\"HmacSHA1\"}");
    }
}
