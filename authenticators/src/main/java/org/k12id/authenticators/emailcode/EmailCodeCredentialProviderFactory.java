package org.k12id.authenticators.emailcode;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** The {@value EmailCode#TYPE} credential type. */
public final class EmailCodeCredentialProviderFactory implements CredentialProviderFactory<EmailCodeCredentialProvider> {

    @Override
    public String getId() {
        return EmailCode.TYPE;
    }

    @Override
    public CredentialProvider<CredentialModel> create(KeycloakSession session) {
        return new EmailCodeCredentialProvider(session);
    }
}
