package org.k12id.authenticators.smscode;

import org.k12id.authenticators.StoredCredentialProvider;
import org.k12id.authenticators.sms.SmsSender;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * The {@value SmsCode#TYPE} credential type in the account console's "Signing in": "Set up" (the required action
 * {@value SmsCode#SETUP_ACTION}) while the person has no number set up, "Update" (a new number, proven the same way)
 * when they have, and removable; neither while the server has no SMS gateway. It is made only by that required action,
 * once a code texted to the number was typed.
 */
final class SmsCodeCredentialProvider extends StoredCredentialProvider {

    SmsCodeCredentialProvider(KeycloakSession session) {
        super(session);
    }

    @Override
    public String getType() {
        return SmsCode.TYPE;
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext metadataContext) {
        UserModel user = metadataContext.getUser();
        boolean texts = SmsSender.ofSession(session) != null;
        boolean has = user != null && user.credentialManager().getStoredCredentialsByTypeStream(getType()).findAny().isPresent();
        return twoFactorMetadata("k12.smsCode.credential", "k12.smsCode.credentialHelp",
                texts && !has ? SmsCode.SETUP_ACTION : null, texts && has ? SmsCode.SETUP_ACTION : null);
    }
}
