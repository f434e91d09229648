package org.k12id.authenticators.questions;

import java.util.Set;

import org.k12id.authenticators.AuthenticatorFactorySupport;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.PasswordCredentialModel;

/** "Challenge Questions": the step of "Forgot my password" that asks the person's questions. */
public final class ChallengeAnswersAuthenticatorFactory extends AuthenticatorFactorySupport {

    public static final String ID = "k12-challenge-answers";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Challenge Questions";
    }

    @Override
    public String getHelpText() {
        return "Asks some of the person's challenge questions (how many, and the question bank: the settings of the "
                + "required action 'Set Up Challenge Questions') and passes when every answer is right. For the "
                + "reset-credentials flow, after 'Choose User' and 'I'm Not a Robot', before 'Reset Password'. A name "
                + "without a usable account gets questions too, that no answer passes; wrong answers count toward the "
                + "realm's brute-force lock-out.";
    }

    /**
     * "password": Keycloak's brute-force protection counts only failures of passwords, one-time codes and recovery codes,
     * and a wrong answer must count like a wrong password. The questions' own type is an optional category, so the
     * account console offers them wherever a flow asks them.
     */
    @Override
    public String getReferenceCategory() {
        return PasswordCredentialModel.TYPE;
    }

    @Override
    public Set<String> getOptionalReferenceCategories(KeycloakSession session) {
        return Set.of(ChallengeQuestions.TYPE);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new ChallengeAnswersAuthenticator();
    }
}
