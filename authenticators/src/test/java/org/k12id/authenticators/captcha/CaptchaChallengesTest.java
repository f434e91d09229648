package org.k12id.authenticators.captcha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.json.JSONObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ALTCHA challenges of \"I'm not a robot\"")
class CaptchaChallengesTest {

    static final String KEY = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    static final long NOW = 1_800_000_000L;
    static final long MAX = 2_000;

    /** The single-use store of one server, in memory. */
    static final class Store implements CaptchaChallenges.FirstUse {
        final Map<String, Long> used = new HashMap<>();

        @Override
        public boolean firstUse(String key, long lifespanSeconds) {
            return used.putIfAbsent(key, lifespanSeconds) == null;
        }
    }

    /** What the widget does: finds n with SHA-256(salt + n) = challenge, posts the payload as base64 JSON. */
    static JSONObject solve(String challengeJson) throws Exception {
        JSONObject challenge = new JSONObject(challengeJson);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (long n = 0; n <= challenge.getLong("maxnumber"); n++) {
            String hash = HexFormat.of().formatHex(sha.digest((challenge.getString("salt") + n).getBytes(StandardCharsets.UTF_8)));
            if (hash.equals(challenge.getString("challenge"))) {
                return new JSONObject().put("algorithm", challenge.getString("algorithm"))
                        .put("challenge", challenge.getString("challenge")).put("number", n)
                        .put("salt", challenge.getString("salt")).put("signature", challenge.getString("signature"))
                        .put("took", 12);
            }
        }
        throw new AssertionError("no solution below maxnumber");
    }

    static String encode(JSONObject payload) {
        return Base64.getEncoder().encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
    }

    static JSONObject solved() throws Exception {
        return solve(CaptchaChallenges.create(KEY, MAX, 300, NOW));
    }

    @Test
    @DisplayName("a challenge is the widget's v1 format: SHA-256, the largest number, a salt with its expiry, signed")
    void challengeFormat() throws Exception {
        JSONObject challenge = new JSONObject(CaptchaChallenges.create(KEY, MAX, 300, NOW));
        assertEquals("SHA-256", challenge.getString("algorithm"));
        assertEquals(MAX, challenge.getLong("maxnumber"));
        assertTrue(challenge.getString("salt").contains("?expires=" + (NOW + 300) + "&"), challenge::toString);
        assertEquals(64, challenge.getString("challenge").length());
        assertEquals(64, challenge.getString("signature").length());
    }

    @Test
    @DisplayName("a right solution verifies once; the same solution again is refused (replay)")
    void rightOnceThenReplayRefused() throws Exception {
        Store store = new Store();
        String payload = encode(solved());
        assertTrue(org.altcha.altcha.Altcha.verifySolution(payload, KEY, false), "the library agrees");
        assertTrue(CaptchaChallenges.verify(KEY, payload, NOW + 10, store));
        assertFalse(CaptchaChallenges.verify(KEY, payload, NOW + 11, store), "replayed");
        assertEquals(1, store.used.size());
        long lifespan = store.used.values().iterator().next();
        assertTrue(lifespan >= 290 && lifespan <= 360, "remembered until the challenge has expired: " + lifespan);
    }

    @Test
    @DisplayName("after its expiry, a right solution is refused")
    void expired() throws Exception {
        String payload = encode(solved());
        assertFalse(CaptchaChallenges.verify(KEY, payload, NOW + 300, new Store()));
        assertFalse(CaptchaChallenges.verify(KEY, payload, NOW + 3_000, new Store()));
        assertTrue(CaptchaChallenges.verify(KEY, payload, NOW + 299, new Store()));
    }

    @Test
    @DisplayName("a right solution checked with another key is refused")
    void wrongKey() throws Exception {
        assertFalse(CaptchaChallenges.verify("another-key", encode(solved()), NOW, new Store()));
    }

    @Nested
    @DisplayName("Given a tampered solution")
    class Tampered {

        @Test
        @DisplayName("a wrong number is refused, and does not use up the challenge")
        void wrongNumber() throws Exception {
            Store store = new Store();
            JSONObject payload = solved();
            JSONObject wrong = new JSONObject(payload.toString()).put("number", payload.getLong("number") + 1);
            assertFalse(CaptchaChallenges.verify(KEY, encode(wrong), NOW, store));
            assertTrue(store.used.isEmpty());
            assertTrue(CaptchaChallenges.verify(KEY, encode(payload), NOW, store));
        }

        @Test
        @DisplayName("a later expiry written into the salt is refused (the signature covers it)")
        void longerExpiry() throws Exception {
            JSONObject payload = solved();
            payload.put("salt", payload.getString("salt").replace("expires=" + (NOW + 300), "expires=" + (NOW + 99_999)));
            assertFalse(CaptchaChallenges.verify(KEY, encode(payload), NOW + 400, new Store()));
        }

        @Test
        @DisplayName("a challenge made up by the browser, with its own hash, is refused")
        void selfMadeChallenge() throws Exception {
            JSONObject payload = solved();
            String salt = "abc?expires=" + (NOW + 300) + "&";
            payload.put("salt", salt).put("number", 1)
                    .put("challenge", CaptchaChallenges.sha256(salt + 1));
            assertFalse(CaptchaChallenges.verify(KEY, encode(payload), NOW, new Store()));
        }

        @Test
        @DisplayName("another algorithm is refused")
        void otherAlgorithm() throws Exception {
            assertFalse(CaptchaChallenges.verify(KEY, encode(solved().put("algorithm", "SHA-1")), NOW, new Store()));
            assertFalse(CaptchaChallenges.verify(KEY, encode(solved().put("algorithm", "MD5")), NOW, new Store()));
        }

        @Test
        @DisplayName("a signed challenge with no expiry in its salt is refused")
        void noExpiry() throws Exception {
            org.altcha.altcha.Altcha.Challenge forever = org.altcha.altcha.Altcha.createChallenge(
                    new org.altcha.altcha.Altcha.ChallengeOptions().setHmacKey(KEY).setMaxNumber(MAX));
            JSONObject challenge = new JSONObject().put("algorithm", forever.algorithm).put("challenge", forever.challenge)
                    .put("maxnumber", forever.maxnumber).put("salt", forever.salt).put("signature", forever.signature);
            assertFalse(CaptchaChallenges.verify(KEY, encode(solve(challenge.toString())), NOW, new Store()));
            assertEquals(0, CaptchaChallenges.expires("0123abcd?expires=soon&"));
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "not base64 !!", "bm90IGpzb24=", "e30=", "W10=", "bnVsbA==",
            "eyJhbGdvcml0aG0iOiJTSEEtMjU2In0=", // {"algorithm":"SHA-256"}
            "eyJhbGdvcml0aG0iOiJTSEEtMjU2IiwiY2hhbGxlbmdlIjoxLCJudW1iZXIiOiJ4Iiwic2FsdCI6W10sInNpZ25hdHVyZSI6bnVsbH0="})
    @DisplayName("malformed payloads are simply not verified")
    void malformed(String payload) {
        assertFalse(CaptchaChallenges.verify(KEY, payload, NOW, new Store()));
    }

    @Test
    @DisplayName("hostile payloads (huge, deeply nested, numbers out of range) are simply not verified")
    void hostile() throws Exception {
        assertFalse(CaptchaChallenges.verify(KEY, "A".repeat(1_000_000), NOW, new Store()));
        String nested = "[".repeat(1_400);
        assertFalse(CaptchaChallenges.verify(KEY, Base64.getEncoder().encodeToString(nested.getBytes(StandardCharsets.UTF_8)), NOW, new Store()));
        assertFalse(CaptchaChallenges.verify(KEY, encode(solved().put("number", -1)), NOW, new Store()));
        assertFalse(CaptchaChallenges.verify(KEY, encode(solved().put("number", 1e300)), NOW, new Store()));
        assertFalse(CaptchaChallenges.verify(KEY, encode(solved().put("number", "12")), NOW, new Store()));
        assertFalse(CaptchaChallenges.verify(null, encode(solved()), NOW, new Store()));
        assertFalse(CaptchaChallenges.verify(KEY, null, NOW, new Store()));
    }
}
