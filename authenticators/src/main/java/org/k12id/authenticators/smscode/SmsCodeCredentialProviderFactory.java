package org.k12id.authenticators.smscode;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** The {@value SmsCode#TYPE} credential type. */
public final class SmsCodeCredentialProviderFactory implements CredentialProviderFactory<SmsCodeCredentialProvider> {

    @Override
    public String getId() {
        return SmsCode.TYPE;
    }

    @Override
    public CredentialProvider<CredentialModel> create(KeycloakSession session) {
        return new SmsCodeCredentialProvider(session);
    }
}
