package org.k12id.domain.questions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether a person's chosen questions and answers may be kept: every question chosen from the bank, none twice; every
 * answer {@value Answers#MIN_LENGTH} to {@value Answers#MAX_LENGTH} characters (as {@link Answers#normalise normalised}),
 * none the same as another, none containing the username or a part of the person's names of 3 letters or more.
 */
public final class QuestionRules {

    /** What is wrong with one row of the form; {@code key} is the message key said at that row's field. */
    public enum Problem {
        QUESTION_MISSING("k12.questions.chooseQuestion"),
        QUESTION_REPEATED("k12.questions.questionRepeated"),
        ANSWER_SHORT("k12.questions.answerShort"),
        ANSWER_LONG("k12.questions.answerLong"),
        ANSWER_REPEATED("k12.questions.answerRepeated"),
        ANSWER_NAME("k12.questions.answerName");

        public final String key;

        Problem(String key) {
            this.key = key;
        }

        public boolean aboutQuestion() {
            return this == QUESTION_MISSING || this == QUESTION_REPEATED;
        }
    }

    /** A problem at row {@code row} (0-based). */
    public record Finding(int row, Problem problem) {
    }

    private QuestionRules() {
    }

    /**
     * The problems of the rows ({@code questionIds} and {@code answers} of the same length), at most one about the
     * question and one about the answer of each row; empty when all may be kept.
     */
    public static List<Finding> check(List<String> questionIds, List<String> answers, QuestionBank bank, String username,
                                      String firstName, String lastName) {
        List<Finding> findings = new ArrayList<>();
        Set<String> seenQuestions = new HashSet<>();
        Set<String> seenAnswers = new HashSet<>();
        List<String> names = nameParts(username, firstName, lastName);
        for (int row = 0; row < questionIds.size(); row++) {
            String id = questionIds.get(row);
            if (id == null || bank.find(id).isEmpty()) {
                findings.add(new Finding(row, Problem.QUESTION_MISSING));
            } else if (!seenQuestions.add(id)) {
                findings.add(new Finding(row, Problem.QUESTION_REPEATED));
            }
            String typed = row < answers.size() ? answers.get(row) : null;
            String answer = Answers.normalise(typed);
            if (typed != null && typed.length() > Answers.MAX_LENGTH * 4 || answer.length() > Answers.MAX_LENGTH) {
                findings.add(new Finding(row, Problem.ANSWER_LONG));
            } else if (answer.length() < Answers.MIN_LENGTH) {
                findings.add(new Finding(row, Problem.ANSWER_SHORT));
            } else if (names.stream().anyMatch(answer::contains)) {
                findings.add(new Finding(row, Problem.ANSWER_NAME));
            } else if (!seenAnswers.add(answer)) {
                findings.add(new Finding(row, Problem.ANSWER_REPEATED));
            }
        }
        return findings;
    }

    /** The username, and each part of the names (split at spaces, hyphens and apostrophes) of 3 letters or more. */
    static List<String> nameParts(String username, String firstName, String lastName) {
        List<String> parts = new ArrayList<>();
        String user = Answers.normalise(username);
        if (user.length() >= Answers.MIN_LENGTH) {
            parts.add(user);
        }
        Stream.of(firstName, lastName).map(Answers::normalise)
                .flatMap(name -> Stream.of(name.split("[\\s\\-'’.]+")))
                .filter(part -> part.length() >= 3)
                .forEach(parts::add);
        return parts;
    }
}
