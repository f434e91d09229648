package org.k12id.authenticators.hashing;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Secrets a person types other than the password (guardians' claim codes, challenge answers), hashed as the realm hashes
 * passwords: the hash provider its password policy names, else Keycloak's default (Argon2id), with the policy's
 * iterations. A hash is kept as the two strings of a password credential: its data (algorithm and parameters) and its
 * secret data (the hash and salt).
 */
public final class SecretHashes {

    /** One kept hash. */
    public record Hash(String data, String secret) {
    }

    private final PasswordHashProvider provider;
    private final int iterations;
    private final KeycloakSession session;

    private SecretHashes(KeycloakSession session, PasswordHashProvider provider, int iterations) {
        this.session = session;
        this.provider = provider;
        this.iterations = iterations;
    }

    /** The realm's hashing. */
    public static SecretHashes of(KeycloakSession session, RealmModel realm) {
        String algorithm = realm.getPasswordPolicy().getHashAlgorithm();
        PasswordHashProvider provider = algorithm == null ? null : session.getProvider(PasswordHashProvider.class, algorithm);
        return new SecretHashes(session, provider != null ? provider : session.getProvider(PasswordHashProvider.class),
                realm.getPasswordPolicy().getHashIterations());
    }

    public Hash hash(String secret) {
        PasswordCredentialModel hashed = provider.encodedCredential(secret, iterations);
        return new Hash(hashed.getCredentialData(), hashed.getSecretData());
    }

    /** Whether {@code typed} is the secret {@code kept} is the hash of; false for a hash that cannot be read. */
    public boolean matches(String typed, Hash kept) {
        PasswordCredentialModel model;
        try {
            CredentialModel credential = new CredentialModel();
            credential.setType(PasswordCredentialModel.TYPE);
            credential.setCredentialData(kept.data());
            credential.setSecretData(kept.secret());
            model = PasswordCredentialModel.createFromCredentialModel(credential);
        } catch (RuntimeException e) {
            waste(typed);
            return false;
        }
        PasswordHashProvider kind = session.getProvider(PasswordHashProvider.class,
                model.getPasswordCredentialData().getAlgorithm());
        if (kind == null) {
            waste(typed);
            return false;
        }
        return kind.verify(typed, model);
    }

    /** Hashes once and forgets it: a refusal that takes as long as a check. */
    public void waste(String typed) {
        provider.encodedCredential(typed == null ? "" : typed, iterations);
    }
}
