package org.k12id.authenticators.questions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.k12id.authenticators.hashing.SecretHashes;
import org.k12id.domain.questions.Answers;
import org.k12id.domain.questions.QuestionSettings;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.models.UserModel;
import org.keycloak.util.JsonSerialization;

/**
 * A person's challenge questions, kept as one stored credential of type {@value #TYPE}: for each question, its id and
 * the hash of its {@link Answers#normalise normalised} answer (the realm's password hash, Argon2 by default), all in the
 * credential's secret data, which Keycloak never puts in a representation. The credential's data says only how many
 * there are. Answers are never kept, logged or shown.
 */
public final class ChallengeQuestions {

    /** The credential type, and the reference category of the step that asks the questions. */
    public static final String TYPE = "k12-challenge-questions";
    /** The required action that sets them; its settings are the realm's questions settings. */
    public static final String SET_ACTION = "k12-set-challenge-questions";

    /** One kept question: its id and its answer's hash. */
    public record Kept(String question, String data, String secret) {
    }

    /** The secret data: the kept questions. */
    public record Secret(List<Kept> answers) {
    }

    /** The credential data: how many questions. */
    public record Data(int count) {
    }

    private ChallengeQuestions() {
    }

    /** The realm's questions settings: those of the required action {@value #SET_ACTION}, else the defaults. */
    public static QuestionSettings settings(RealmModel realm) {
        RequiredActionConfigModel config = realm.getRequiredActionConfigByAlias(SET_ACTION);
        return QuestionSettings.orDefault(config == null ? null : config.getConfig());
    }

    /** The person's kept questions, if they have set them. */
    public static Optional<List<Kept>> of(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(TYPE).findFirst().flatMap(ChallengeQuestions::read);
    }

    /** The ids of the person's questions, in the order they were set. */
    public static List<String> questionIds(UserModel user) {
        return of(user).map(kept -> kept.stream().map(Kept::question).toList()).orElse(List.of());
    }

    /**
     * Makes these the person's questions (ids and answers of the same length, already checked by the rules), in place
     * of any earlier ones. Each answer is hashed.
     */
    public static void store(KeycloakSession session, RealmModel realm, UserModel user, List<String> ids, List<String> answers) {
        SecretHashes hashes = SecretHashes.of(session, realm);
        List<Kept> kept = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            SecretHashes.Hash hash = hashes.hash(Answers.normalise(answers.get(i)));
            kept.add(new Kept(ids.get(i), hash.data(), hash.secret()));
        }
        CredentialModel credential = new CredentialModel();
        credential.setType(TYPE);
        credential.setCreatedDate(Time.currentTimeMillis());
        try {
            credential.setSecretData(JsonSerialization.writeValueAsString(new Secret(kept)));
            credential.setCredentialData(JsonSerialization.writeValueAsString(new Data(kept.size())));
        } catch (IOException e) {
            throw new IllegalStateException("challenge questions", e);
        }
        clear(user);
        user.credentialManager().createStoredCredential(credential);
    }

    /**
     * Whether {@code answers} (by question id) answer every one of {@code asked} for {@code user}. Hashes exactly once
     * per question asked whatever the case (no user, no such question kept, an empty answer), so every refusal takes
     * the time a check takes.
     */
    public static boolean verify(KeycloakSession session, RealmModel realm, UserModel user, List<String> asked,
                                 Map<String, String> answers) {
        SecretHashes hashes = SecretHashes.of(session, realm);
        List<Kept> kept = user == null ? List.of() : of(user).orElse(List.of());
        boolean all = !asked.isEmpty();
        for (String id : asked) {
            // a posted answer is cut at 4 times the longest allowed, so a huge one costs no more to hash than any other
            String raw = answers.get(id);
            String answer = Answers.normalise(raw == null || raw.length() <= 4 * Answers.MAX_LENGTH ? raw
                    : raw.substring(0, 4 * Answers.MAX_LENGTH));
            Optional<Kept> mine = kept.stream().filter(k -> k.question().equals(id)).findFirst();
            if (mine.isPresent()) {
                all &= hashes.matches(answer, new SecretHashes.Hash(mine.get().data(), mine.get().secret()));
            } else {
                hashes.waste(answer);
                all = false;
            }
        }
        return all;
    }

    /** Removes the person's questions (they set new ones). */
    public static void clear(UserModel user) {
        user.credentialManager().getStoredCredentialsByTypeStream(TYPE).map(CredentialModel::getId).toList()
                .forEach(id -> user.credentialManager().removeStoredCredentialById(id));
    }

    private static Optional<List<Kept>> read(CredentialModel credential) {
        try {
            Secret secret = JsonSerialization.readValue(credential.getSecretData(), Secret.class);
            return secret == null || secret.answers() == null ? Optional.empty() : Optional.of(List.copyOf(secret.answers()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
