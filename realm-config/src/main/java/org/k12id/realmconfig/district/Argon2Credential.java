package org.k12id.realmconfig.district;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * A password credential in Keycloak's stored form, hashed with Keycloak 26's default algorithm (Argon2id, version 1.3,
 * 32-byte hash, 7168 KiB, 5 iterations, parallelism 1), so an import carries the hash and the server never hashes on
 * import. The parameters mirror {@code org.keycloak.crypto.hash.Argon2PasswordHashProvider} (Keycloak 26.7.0).
 */
public final class Argon2Credential {

    static final int HASH_LENGTH = 32;
    static final int MEMORY_KIB = 7168;
    static final int ITERATIONS = 5;
    static final int PARALLELISM = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String secretData;
    private final String credentialData;

    private Argon2Credential(String secretData, String credentialData) {
        this.secretData = secretData;
        this.credentialData = credentialData;
    }

    public static Argon2Credential of(String password, byte[] salt) {
        if (salt.length < 16) {
            throw new IllegalArgumentException("salt must have at least 16 bytes");
        }
        byte[] hash = hash(password, salt);
        try {
            String secret = JSON.writeValueAsString(Map.of(
                    "value", Base64.getEncoder().encodeToString(hash),
                    "salt", Base64.getEncoder().encodeToString(salt),
                    "additionalParameters", Map.of()));
            String data = JSON.writeValueAsString(Map.of(
                    "hashIterations", ITERATIONS,
                    "algorithm", "argon2",
                    "additionalParameters", Map.of(
                            "type", List.of("id"),
                            "version", List.of("1.3"),
                            "hashLength", List.of(String.valueOf(HASH_LENGTH)),
                            "memory", List.of(String.valueOf(MEMORY_KIB)),
                            "parallelism", List.of(String.valueOf(PARALLELISM)))));
            return new Argon2Credential(secret, data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hash(String password, byte[] salt) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withParallelism(PARALLELISM)
                .withMemoryAsKB(MEMORY_KIB)
                .withIterations(ITERATIONS)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[HASH_LENGTH];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    /** The credential's {@code secretData} (hash and salt) as Keycloak's representation stores it. */
    public String secretData() {
        return secretData;
    }

    /** The credential's {@code credentialData} (algorithm and parameters). */
    public String credentialData() {
        return credentialData;
    }
}
