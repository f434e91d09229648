package org.k12id.authenticators.emailcode;

import org.k12id.authenticators.StoredCredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * The {@value EmailCode#TYPE} credential type in the account console's "Signing in": "Set up" (the required action
 * {@value EmailCode#SETUP_ACTION}) while the person has not proven their current address, and removable. It is made
 * only by that required action, once a code sent to the address was typed.
 */
final class EmailCodeCredentialProvider extends StoredCredentialProvider {

    EmailCodeCredentialProvider(KeycloakSession session) {
        super(session);
    }

    @Override
    public String getType() {
        return EmailCode.TYPE;
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext metadataContext) {
        // "Set up" unless the current address is proven (after an address change, set up again); never "Update"
        UserModel user = metadataContext.getUser();
        boolean proven = user != null && EmailCode.configured(session, session.getContext().getRealm(), user);
        return twoFactorMetadata("k12.emailCode.credential", "k12.emailCode.credentialHelp",
                proven ? null : EmailCode.SETUP_ACTION, null);
    }
}
