package org.k12id.authenticators.badge;

import java.util.UUID;

import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Issues a student's badge: a new secret, the next version, the old badge voided in the same transaction. */
public final class BadgeIssuer {

    /** What the printer needs. The payload holds the secret: hand it only to the caller who may print it. */
    public record Issued(String payload, int version, long issuedAt) {
    }

    private BadgeIssuer() {
    }

    public static Issued issue(KeycloakSession session, RealmModel realm, UserModel student) {
        UUID id;
        try {
            id = UUID.fromString(student.getId());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("badges need an account stored in Keycloak itself", e);
        }
        BadgeCredentialModel previous = current(student);
        int version = previous == null ? 1 : previous.data().version() + 1;
        byte[] secret = BadgeSecrets.newSecret();
        long now = Time.currentTimeMillis();
        BadgeCredentialProvider provider = (BadgeCredentialProvider) session.getProvider(CredentialProvider.class,
                BadgeCredentialProviderFactory.ID);
        provider.createCredential(realm, student, BadgeCredentialModel.create(secret, version, now));
        return new Issued(new BadgePayload(id, secret).encode(), version, now);
    }

    /** The student's current badge, or null. */
    public static BadgeCredentialModel current(UserModel student) {
        return student.credentialManager().getStoredCredentialsByTypeStream(BadgeCredentialModel.TYPE)
                .findFirst().map(BadgeCredentialModel::from).orElse(null);
    }
}
