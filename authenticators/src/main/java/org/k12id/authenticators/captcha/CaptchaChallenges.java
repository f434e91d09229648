package org.k12id.authenticators.captcha;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import org.altcha.altcha.Altcha;
import org.json.JSONObject;

/**
 * ALTCHA proof-of-work challenges (the challenge format of the ALTCHA Java library 1.3.0, which the widget 3.x still
 * reads as its "v1" format): made and checked with one HMAC key, with no Keycloak session, so the rules are unit-tested.
 * A challenge is SHA-256(salt + n) for a secret n below the largest number, signed with the key; the salt carries its
 * expiry. A solution is the base64 JSON payload the widget posts: algorithm, challenge, number, salt, signature.
 */
public final class CaptchaChallenges {

    /** Longer than any real payload (about 300 characters): anything longer is not read at all. */
    static final int MAX_PAYLOAD_CHARS = 2_000;
    static final String ALGORITHM = "SHA-256";

    /** Where solutions already used are remembered (the cluster's single-use store on the server). */
    @FunctionalInterface
    public interface FirstUse {
        /** True the first time {@code key} is seen, false ever after (for at least {@code lifespanSeconds}). */
        boolean firstUse(String key, long lifespanSeconds);
    }

    private CaptchaChallenges() {
    }

    /** A new challenge as the JSON the widget reads (its {@code challengejson}). */
    public static String create(String hmacKey, long maxNumber, long expirySeconds, long nowEpochSeconds) {
        Altcha.ChallengeOptions options = new Altcha.ChallengeOptions()
                .setAlgorithm(Altcha.Algorithm.SHA256)
                .setMaxNumber(maxNumber)
                .setSecureRandomNumber(true)
                .setHmacKey(hmacKey)
                .setExpires(nowEpochSeconds + expirySeconds);
        try {
            Altcha.Challenge challenge = Altcha.createChallenge(options);
            return new JSONObject()
                    .put("algorithm", challenge.algorithm)
                    .put("challenge", challenge.challenge)
                    .put("maxnumber", challenge.maxnumber)
                    .put("salt", challenge.salt)
                    .put("signature", challenge.signature)
                    .toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot make an ALTCHA challenge", e);
        }
    }

    /**
     * Whether {@code payload} solves a challenge signed with {@code hmacKey} that has not expired and was not solved
     * before. Anything else (empty, huge, not base64, not JSON, another algorithm, no expiry, tampered) is simply false.
     */
    public static boolean verify(String hmacKey, String payload, long nowEpochSeconds, FirstUse store) {
        if (hmacKey == null || payload == null || payload.isBlank() || payload.length() > MAX_PAYLOAD_CHARS) {
            return false;
        }
        try {
            JSONObject json = new JSONObject(new String(Base64.getDecoder().decode(payload.strip()), StandardCharsets.UTF_8));
            if (!ALGORITHM.equals(json.optString("algorithm")) || !(json.opt("number") instanceof Number)) {
                return false;
            }
            Altcha.Payload solution = new Altcha.Payload();
            solution.algorithm = ALGORITHM;
            solution.challenge = json.getString("challenge");
            solution.number = json.getLong("number");
            solution.salt = json.getString("salt");
            solution.signature = json.getString("signature");
            long expires = expires(solution.salt);
            if (solution.number < 0 || expires <= nowEpochSeconds) {
                return false;
            }
            if (!solves(hmacKey, solution)) {
                return false;
            }
            return store.firstUse("k12-captcha:" + sha256(solution.challenge + "\n" + solution.salt),
                    Math.max(1, expires - nowEpochSeconds + 60));
        } catch (Exception | StackOverflowError e) {
            return false;
        }
    }

    /**
     * The library's own check (Altcha.verifySolution: the challenge made again from the salt and number, and its
     * signature), with the two results compared in constant time rather than with String.equals.
     */
    private static boolean solves(String hmacKey, Altcha.Payload solution) throws Exception {
        Altcha.Challenge expected = Altcha.createChallenge(new Altcha.ChallengeOptions()
                .setAlgorithm(Altcha.Algorithm.SHA256)
                .setHmacKey(hmacKey)
                .setNumber(solution.number)
                .setSalt(solution.salt));
        boolean challenge = MessageDigest.isEqual(bytes(expected.challenge), bytes(solution.challenge));
        boolean signature = MessageDigest.isEqual(bytes(expected.signature), bytes(solution.signature));
        return challenge & signature;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The expiry (epoch seconds) written in a challenge's salt, or 0 when it has none. */
    static long expires(String salt) throws Exception {
        Map<String, String> params = Altcha.extractParams(salt);
        String expires = params.get("expires");
        return expires == null || !expires.matches("\\d{1,12}") ? 0 : Long.parseLong(expires);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
