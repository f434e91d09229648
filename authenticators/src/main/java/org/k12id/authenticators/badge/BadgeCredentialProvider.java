package org.k12id.authenticators.badge;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Stores badges; creating one replaces the student's previous badge, which stops working at once. */
public final class BadgeCredentialProvider implements CredentialProvider<BadgeCredentialModel> {

    private final KeycloakSession session;

    BadgeCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return BadgeCredentialModel.TYPE;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, BadgeCredentialModel badge) {
        user.credentialManager().getStoredCredentialsByTypeStream(getType()).toList()
                .forEach(old -> user.credentialManager().removeStoredCredentialById(old.getId()));
        return user.credentialManager().createStoredCredential(badge);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public BadgeCredentialModel getCredentialFromModel(CredentialModel model) {
        return BadgeCredentialModel.from(model);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext metadataContext) {
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.PASSWORDLESS)
                .displayName("k12.badge.credential")
                .helpText("k12.badge.credentialHelp")
                .iconCssClass("kcAuthenticatorDefaultClass")
                .removeable(false)
                .build(session);
    }
}
