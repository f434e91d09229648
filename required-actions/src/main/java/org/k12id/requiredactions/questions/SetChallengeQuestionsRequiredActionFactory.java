package org.k12id.requiredactions.questions;

import java.util.List;

import org.k12id.authenticators.questions.ChallengeQuestions;
import org.k12id.domain.questions.QuestionBank;
import org.k12id.domain.questions.QuestionSettings;
import org.k12id.requiredactions.RequiredActionFactorySupport;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelValidationException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * "Set Up Challenge Questions". Its settings (Authentication, Required actions, the gear) are the realm's questions
 * settings, which "Forgot my password" reads too: the question bank, how many to set, how many to ask.
 */
public final class SetChallengeQuestionsRequiredActionFactory extends RequiredActionFactorySupport {

    public static final String ID = ChallengeQuestions.SET_ACTION;

    private static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(QuestionSettings.BANK).label("Questions")
            .helpText("The questions people choose from, one per line: id | English | Spanish (the id: lower-case "
                    + "letters, digits and hyphens, up to 40; it is kept with people's answers, so changing or removing "
                    + "it makes their answers to it unusable). Empty: the pack's 18 questions, shown here.")
            .type(ProviderConfigProperty.TEXT_TYPE).defaultValue(QuestionBank.DEFAULT.format()).add()
            .property().name(QuestionSettings.TO_SET).label("Questions to set")
            .helpText("How many questions each person chooses and answers (1 to " + QuestionSettings.MAX_TO_SET
                    + ", at most the number of questions).")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(QuestionSettings.DEFAULT_TO_SET)).add()
            .property().name(QuestionSettings.TO_ASK).label("Questions to ask")
            .helpText("How many of a person's questions \"Forgot my password\" asks, chosen at random each time (1 to "
                    + "the questions to set).")
            .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(QuestionSettings.DEFAULT_TO_ASK)).add()
            .build();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return "Set Up Challenge Questions";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new SetChallengeQuestionsRequiredAction();
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return PROPERTIES;
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, RequiredActionConfigModel model) {
        try {
            QuestionSettings.of(model.getConfig());
        } catch (IllegalArgumentException e) {
            throw new ModelValidationException(e.getMessage());
        }
    }
}
