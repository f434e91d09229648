package org.k12id.authenticators.claim;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import org.k12id.authenticators.hashing.SecretHashes;
import org.k12id.domain.K12Attributes;
import org.k12id.domain.K12Roles;
import org.k12id.domain.claim.ClaimCode;
import org.k12id.domain.claim.Claiming;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.util.JsonSerialization;

/**
 * Guardians' claim codes: one per guardian at a time, kept only as a hash (the realm's password hash, Argon2 by default)
 * in a stored credential of type {@value #TYPE} with its expiry; issuing a new one removes the old; a code is removed
 * when used. Checking an address that names no guardian hashes too, so the time taken does not tell.
 */
public final class GuardianCodes {

    /** The stored credential that holds a guardian's current claim code. */
    public static final String TYPE = "k12-claim-code";

    /** What the credential keeps besides the hash: when the code expires, and the hash's own parameters. */
    public record Stored(long expiresAt, String hashData) {
    }

    private GuardianCodes() {
    }

    /** A new random code, to be sent and then {@link #store stored}. */
    public static String newCode() {
        return ClaimCode.generate(new SecureRandom());
    }

    /**
     * Makes {@code code} the guardian's claim code, valid for {@code days}; any earlier code stops working. Only its
     * hash is kept.
     */
    public static void store(KeycloakSession session, RealmModel realm, UserModel guardian, String code, int days) {
        SecretHashes.Hash hashed = SecretHashes.of(session, realm).hash(code);
        remove(guardian);
        CredentialModel credential = new CredentialModel();
        credential.setType(TYPE);
        credential.setCreatedDate(Time.currentTimeMillis());
        credential.setSecretData(hashed.secret());
        try {
            credential.setCredentialData(JsonSerialization.writeValueAsString(
                    new Stored(Time.currentTimeMillis() + days * 86_400_000L, hashed.data())));
        } catch (IOException e) {
            throw new IllegalStateException("claim code data", e);
        }
        guardian.credentialManager().createStoredCredential(credential);
    }

    /** The unclaimed-or-not guardian an email address names, if exactly one account with the guardian role has it. */
    public static Optional<UserModel> guardianByEmail(KeycloakSession session, RealmModel realm, String email) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return Optional.empty();
        }
        UserModel user;
        try {
            user = session.users().getUserByEmail(realm, email.strip());
        } catch (ModelDuplicateException e) {
            return Optional.empty();
        }
        RoleModel guardian = realm.getRole(K12Roles.GUARDIAN);
        return Optional.ofNullable(user).filter(u -> guardian != null && u.hasRole(guardian));
    }

    /**
     * Whether {@code typed} is the guardian's current, unexpired code. Hashes exactly once whatever the case (no
     * guardian, no code, an unreadable code), so that every refusal takes the same time.
     */
    public static boolean matches(KeycloakSession session, RealmModel realm, UserModel guardian, String typed) {
        Optional<String> code = ClaimCode.parse(typed);
        Optional<CredentialModel> stored = guardian == null ? Optional.empty() : current(guardian);
        Optional<Stored> data = stored.flatMap(GuardianCodes::read);
        SecretHashes hashes = SecretHashes.of(session, realm);
        if (code.isEmpty() || data.isEmpty()) {
            hashes.waste(code.orElse(ClaimCode.ALPHABET.substring(0, ClaimCode.LENGTH)));
            return false;
        }
        boolean right = hashes.matches(code.get(), new SecretHashes.Hash(data.get().hashData(), stored.get().getSecretData()));
        return right && data.get().expiresAt() > Time.currentTimeMillis();
    }

    /** Removes the guardian's code: used, or replaced. */
    public static void remove(UserModel guardian) {
        List<String> ids = guardian.credentialManager().getStoredCredentialsByTypeStream(TYPE).map(CredentialModel::getId).toList();
        ids.forEach(id -> guardian.credentialManager().removeStoredCredentialById(id));
    }

    /** When the guardian's current code was issued and expires, if they have one. */
    public static Optional<long[]> issuedAndExpiry(UserModel guardian) {
        return current(guardian).flatMap(c -> read(c).map(d -> new long[] {c.getCreatedDate(), d.expiresAt()}));
    }

    /** Whether the guardian waits to claim: role guardian and claimed=false. */
    public static boolean unclaimedGuardian(RealmModel realm, UserModel user) {
        RoleModel guardian = realm.getRole(K12Roles.GUARDIAN);
        return guardian != null && user.hasRole(guardian)
                && Claiming.isUnclaimed(user.getFirstAttribute(K12Attributes.CLAIMED));
    }

    private static Optional<CredentialModel> current(UserModel guardian) {
        return guardian.credentialManager().getStoredCredentialsByTypeStream(TYPE).findFirst();
    }

    private static Optional<Stored> read(CredentialModel credential) {
        try {
            return Optional.ofNullable(JsonSerialization.readValue(credential.getCredentialData(), Stored.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
