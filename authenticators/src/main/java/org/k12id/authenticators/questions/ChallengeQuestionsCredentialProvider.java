package org.k12id.authenticators.questions;

import org.k12id.authenticators.StoredCredentialProvider;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The {@value ChallengeQuestions#TYPE} credential type: shown in the account console under "Signing in" ("Set up"
 * while the person has none, then "Update", both through the required action {@value ChallengeQuestions#SET_ACTION}) wherever a flow asks the questions.
 * People set their questions only through that required action, which checks and hashes them; a person cannot remove
 * theirs (an LEA administrator can clear them).
 */
final class ChallengeQuestionsCredentialProvider extends StoredCredentialProvider {

    ChallengeQuestionsCredentialProvider(KeycloakSession session) {
        super(session);
    }

    @Override
    public String getType() {
        return ChallengeQuestions.TYPE;
    }

    /** Keeps a credential already made (hashed) elsewhere, in place of the person's earlier questions. */
    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, CredentialModel credential) {
        ChallengeQuestions.clear(user);
        return super.createCredential(realm, user, credential);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext metadataContext) {
        // one set of questions per person: "Set up" while they have none, then "Update" on the set they have. Keycloak
        // refuses metadata with both actions (an IllegalStateException that the account REST API, serialising lazily,
        // answers as 400 "Cannot parse the JSON", and the account console as "Something went wrong")
        boolean hasThem = metadataContext.getUser() != null && ChallengeQuestions.of(metadataContext.getUser()).isPresent();
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.BASIC_AUTHENTICATION)
                .displayName("k12.questions.credential")
                .helpText("k12.questions.credentialHelp")
                .iconCssClass("kcAuthenticatorDefaultClass")
                .createAction(hasThem ? null : ChallengeQuestions.SET_ACTION)
                .updateAction(hasThem ? ChallengeQuestions.SET_ACTION : null)
                .removeable(false)
                .build(session);
    }
}
