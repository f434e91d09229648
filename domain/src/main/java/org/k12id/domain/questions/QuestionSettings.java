package org.k12id.domain.questions;

import java.util.Map;

/**
 * How a realm uses challenge questions: its bank, how many questions a person sets (default 5) and how many of them
 * "Forgot my password" asks (default 3). Read from the settings of the required action "Set Up Challenge Questions".
 */
public record QuestionSettings(QuestionBank bank, int toSet, int toAsk) {

    public static final String BANK = "k12.questions.bank";
    public static final String TO_SET = "k12.questions.toSet";
    public static final String TO_ASK = "k12.questions.toAsk";
    public static final int DEFAULT_TO_SET = 5;
    public static final int DEFAULT_TO_ASK = 3;
    public static final int MAX_TO_SET = 10;

    public static final QuestionSettings DEFAULT = new QuestionSettings(QuestionBank.DEFAULT, DEFAULT_TO_SET, DEFAULT_TO_ASK);

    /**
     * The settings in {@code config} (null or empty values: the defaults).
     *
     * @throws IllegalArgumentException naming the setting that is wrong: a bank that does not parse, numbers that are
     *     no numbers or out of range (1 to {@value #MAX_TO_SET} to set, at most the bank's size; 1 to that to ask)
     */
    public static QuestionSettings of(Map<String, String> config) {
        Map<String, String> values = config == null ? Map.of() : config;
        String bankText = values.get(BANK);
        QuestionBank bank;
        try {
            bank = bankText == null || bankText.isBlank() ? QuestionBank.DEFAULT : QuestionBank.parse(bankText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Questions: " + e.getMessage());
        }
        int toSet = number(values.get(TO_SET), DEFAULT_TO_SET, "Questions to set");
        int toAsk = number(values.get(TO_ASK), DEFAULT_TO_ASK, "Questions to ask");
        if (toSet < 1 || toSet > Math.min(MAX_TO_SET, bank.size())) {
            throw new IllegalArgumentException("Questions to set: 1 to " + Math.min(MAX_TO_SET, bank.size()));
        }
        if (toAsk < 1 || toAsk > toSet) {
            throw new IllegalArgumentException("Questions to ask: 1 to " + toSet + " (the questions to set)");
        }
        return new QuestionSettings(bank, toSet, toAsk);
    }

    /** As {@link #of}, but the defaults when the settings are wrong (a page must still work). */
    public static QuestionSettings orDefault(Map<String, String> config) {
        try {
            return of(config);
        } catch (IllegalArgumentException e) {
            return DEFAULT;
        }
    }

    private static int number(String value, int fallback, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": a whole number");
        }
    }
}
