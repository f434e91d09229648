package org.k12id.benchmarks.claims;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * "I'm not a robot" answered as the ALTCHA widget answers it in a person's browser: the number n with SHA-256(salt + n)
 * equal to the challenge, posted as base64 of the widget's JSON. On a person's device, not the server: the benchmark
 * counts the CPU it takes on its own.
 */
public final class ProofOfWork {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProofOfWork() {
    }

    /** The form value for the challenge the page carries (its {@code challenge} attribute, unescaped). */
    public static String answer(String challengeJson) throws Exception {
        JsonNode challenge = JSON.readTree(challengeJson);
        String salt = challenge.get("salt").asText();
        byte[] saltBytes = salt.getBytes(StandardCharsets.UTF_8);
        byte[] target = HexFormat.of().parseHex(challenge.get("challenge").asText());
        long max = challenge.get("maxnumber").asLong();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (long n = 0; n <= max; n++) {
            sha.update(saltBytes);
            if (MessageDigest.isEqual(sha.digest(Long.toString(n).getBytes(StandardCharsets.US_ASCII)), target)) {
                ObjectNode payload = JSON.createObjectNode();
                payload.put("algorithm", challenge.get("algorithm").asText());
                payload.put("challenge", challenge.get("challenge").asText());
                payload.put("number", n);
                payload.put("salt", salt);
                payload.put("signature", challenge.get("signature").asText());
                payload.put("took", 1);
                return Base64.getEncoder().encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        throw new IllegalStateException("no answer up to maxnumber " + max);
    }
}
