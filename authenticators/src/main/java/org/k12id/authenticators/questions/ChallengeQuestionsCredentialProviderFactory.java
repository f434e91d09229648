package org.k12id.authenticators.questions;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** The {@value ChallengeQuestions#TYPE} credential type. */
public final class ChallengeQuestionsCredentialProviderFactory
        implements CredentialProviderFactory<ChallengeQuestionsCredentialProvider> {

    @Override
    public String getId() {
        return ChallengeQuestions.TYPE;
    }

    @Override
    public CredentialProvider<CredentialModel> create(KeycloakSession session) {
        return new ChallengeQuestionsCredentialProvider(session);
    }
}
