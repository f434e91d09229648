package org.k12id.authenticators;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The base of the pack's credential types that the account console shows and that the pack's own code makes (hashed
 * or sealed before they get here): stored as they are given, removed by id; a type says only what it is and how the
 * account console offers it.
 */
public abstract class StoredCredentialProvider implements CredentialProvider<CredentialModel> {

    protected final KeycloakSession session;

    protected StoredCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, CredentialModel credential) {
        return user.credentialManager().createStoredCredential(credential);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public CredentialModel getCredentialFromModel(CredentialModel model) {
        return model;
    }

    /**
     * How the account console's "Signing in" shows a second factor of this type: named and explained by message keys,
     * with "Set up" ({@code createAction}) and "Update" ({@code updateAction}) where not null, and removable.
     */
    protected CredentialTypeMetadata twoFactorMetadata(String displayNameKey, String helpTextKey, String createAction,
                                                       String updateAction) {
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName(displayNameKey)
                .helpText(helpTextKey)
                .iconCssClass("kcAuthenticatorDefaultClass")
                .createAction(createAction)
                .updateAction(updateAction)
                .removeable(true)
                .build(session);
    }
}
