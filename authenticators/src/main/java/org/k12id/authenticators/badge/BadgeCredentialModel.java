package org.k12id.authenticators.badge;

import java.io.IOException;
import java.util.Base64;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;

/**
 * A student's badge as a Keycloak credential of type {@code k12-badge}: the secret's SHA-256 (secret data) and the
 * badge's version and issue time (credential data). One per student; issuing a new one removes the old.
 */
public final class BadgeCredentialModel extends CredentialModel {

    public static final String TYPE = "k12-badge";

    /** Credential data: which badge this is. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(int version, long issuedAt) {
    }

    /**
     * Secret data: the hash that logins check, and the secret sealed with the realm's AES key ({@code kid}) so that the
     * same badge can be printed again; both null-safe for badges issued without a key.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Secret(String hash, String kid, String sealed) {
    }

    private Data data;
    private Secret secret;

    private BadgeCredentialModel() {
    }

    public static BadgeCredentialModel create(byte[] secretValue, int version, long issuedAt, String kid, String sealed) {
        BadgeCredentialModel model = new BadgeCredentialModel();
        model.data = new Data(version, issuedAt);
        model.secret = new Secret(Base64.getEncoder().encodeToString(BadgeSecrets.hash(secretValue)), kid, sealed);
        model.setType(TYPE);
        model.setCreatedDate(issuedAt);
        model.setUserLabel("Badge v" + version);
        try {
            model.setCredentialData(JsonSerialization.writeValueAsString(model.data));
            model.setSecretData(JsonSerialization.writeValueAsString(model.secret));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return model;
    }

    public static BadgeCredentialModel from(CredentialModel stored) {
        try {
            BadgeCredentialModel model = new BadgeCredentialModel();
            model.data = JsonSerialization.readValue(stored.getCredentialData(), Data.class);
            model.secret = JsonSerialization.readValue(stored.getSecretData(), Secret.class);
            model.setId(stored.getId());
            model.setType(stored.getType());
            model.setCreatedDate(stored.getCreatedDate());
            model.setUserLabel(stored.getUserLabel());
            model.setCredentialData(stored.getCredentialData());
            model.setSecretData(stored.getSecretData());
            return model;
        } catch (IOException e) {
            throw new IllegalStateException("unreadable badge credential " + stored.getId(), e);
        }
    }

    public Data data() {
        return data;
    }

    /** The id of the realm AES key the secret is sealed with, or null. */
    public String sealKid() {
        return secret.kid();
    }

    /** The sealed secret, or null for a badge that cannot be printed again. */
    public String sealedSecret() {
        return secret.sealed();
    }

    /** Whether a presented secret is this badge's. */
    public boolean matches(byte[] presented) {
        return BadgeSecrets.matches(presented, Base64.getDecoder().decode(secret.hash()));
    }
}
