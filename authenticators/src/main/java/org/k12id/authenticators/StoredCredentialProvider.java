package org.k12id.authenticators;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
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
}
