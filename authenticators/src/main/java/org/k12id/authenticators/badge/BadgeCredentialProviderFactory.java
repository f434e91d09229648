package org.k12id.authenticators.badge;

import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** The {@code k12-badge} credential type. */
public final class BadgeCredentialProviderFactory implements CredentialProviderFactory<BadgeCredentialProvider> {

    public static final String ID = "k12-badge";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public CredentialProvider<BadgeCredentialModel> create(KeycloakSession session) {
        return new BadgeCredentialProvider(session);
    }
}
