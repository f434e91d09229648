package org.k12id.authenticators.badge;

import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.k12id.authenticators.sealing.SealedSecrets;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * A student's badge over its life: issued (a new secret, the next version, the old badge voided in the same
 * transaction), printed again (the same secret, opened with the realm's AES key), or voided.
 */
public final class BadgeIssuer {

    /** What the printer needs. The payload holds the secret: hand it only to the caller who may print it. */
    public record Issued(String payload, int version, long issuedAt) {
    }

    private BadgeIssuer() {
    }

    public static Issued issue(KeycloakSession session, RealmModel realm, UserModel student) {
        UUID id = uuid(student);
        BadgeCredentialModel previous = current(student);
        int version = previous == null ? 1 : previous.data().version() + 1;
        byte[] secret = BadgeSecrets.newSecret();
        long now = Time.currentTimeMillis();
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.ENC, Algorithm.AES);
        String kid = key == null || key.getSecretKey() == null ? null : key.getKid();
        String sealed = kid == null ? null : SealedSecrets.seal(key.getSecretKey(), secret, binding(student.getId(), version));
        provider(session).createCredential(realm, student, BadgeCredentialModel.create(secret, version, now, kid, sealed));
        return new Issued(new BadgePayload(id, secret).encode(), version, now);
    }

    /**
     * The student's current badge again, for printing: empty when there is none, or it cannot be opened (issued before
     * badges were sealed, or the realm's AES key it was sealed with is gone), or the login would refuse it because the
     * password changed since it was issued and the badge step voids badges then.
     */
    public static Optional<Issued> reprint(KeycloakSession session, RealmModel realm, UserModel student, BadgeConfig config) {
        BadgeCredentialModel badge = current(student);
        if (badge == null || badge.sealKid() == null
                || (config.voidOnPasswordChange() && passwordChangedSince(student, badge))) {
            return Optional.empty();
        }
        KeyWrapper key = session.keys().getKey(realm, badge.sealKid(), KeyUse.ENC, Algorithm.AES);
        SecretKey secretKey = key == null ? null : key.getSecretKey();
        return SealedSecrets.open(secretKey, badge.sealedSecret(), binding(student.getId(), badge.data().version()))
                .filter(badge::matches)
                .map(secret -> new Issued(new BadgePayload(uuid(student), secret).encode(),
                        badge.data().version(), badge.data().issuedAt()));
    }

    /** Voids the student's badge; true when there was one. */
    public static boolean voidBadge(KeycloakSession session, RealmModel realm, UserModel student) {
        BadgeCredentialModel badge = current(student);
        return badge != null && provider(session).deleteCredential(realm, student, badge.getId());
    }

    /** The student's current badge, or null. */
    public static BadgeCredentialModel current(UserModel student) {
        return student.credentialManager().getStoredCredentialsByTypeStream(BadgeCredentialModel.TYPE)
                .findFirst().map(BadgeCredentialModel::from).orElse(null);
    }

    /** Whether the student's password was set after the badge was issued. */
    static boolean passwordChangedSince(UserModel student, BadgeCredentialModel badge) {
        CredentialModel password = student.credentialManager()
                .getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE).findFirst().orElse(null);
        return password != null && password.getCreatedDate() != null
                && password.getCreatedDate() > badge.data().issuedAt();
    }

    private static BadgeCredentialProvider provider(KeycloakSession session) {
        return (BadgeCredentialProvider) session.getProvider(CredentialProvider.class, BadgeCredentialProviderFactory.ID);
    }

    private static UUID uuid(UserModel student) {
        try {
            return UUID.fromString(student.getId());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("badges need an account stored in Keycloak itself", e);
        }
    }

    /** What a badge's sealed secret is bound to: the student and the badge version. */
    static String binding(String userId, int version) {
        return "k12-badge:" + userId + ":" + version;
    }
}
