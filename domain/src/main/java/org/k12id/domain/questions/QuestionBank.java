package org.k12id.domain.questions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A realm's challenge questions. Written one per line as {@code id | English | Spanish}; blank lines and lines starting
 * with {@code #} are skipped. An id is 1 to 40 lower-case letters, digits and hyphens (it is kept with a person's
 * answers, so renaming it makes those answers unusable); each text is 1 to 200 characters. The pack's default bank
 * (18 questions) is {@link #DEFAULT}.
 */
public record QuestionBank(List<Question> questions) {

    public static final int MAX_QUESTIONS = 100;
    static final int MAX_TEXT = 200;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public static final QuestionBank DEFAULT = load("default-bank.txt");

    public QuestionBank {
        questions = List.copyOf(questions);
    }

    /**
     * The bank written in {@code text}.
     *
     * @throws IllegalArgumentException naming the first bad line and what is wrong with it
     */
    public static QuestionBank parse(String text) {
        List<Question> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\|", -1);
            String where = "line " + (i + 1) + ": ";
            if (parts.length != 3) {
                throw new IllegalArgumentException(where + "write id | English | Spanish");
            }
            String id = parts[0].strip();
            String english = parts[1].strip();
            String spanish = parts[2].strip();
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException(where + "the id must be 1 to 40 lower-case letters, digits and hyphens");
            }
            if (!ids.add(id)) {
                throw new IllegalArgumentException(where + "the id " + id + " is used twice");
            }
            if (english.isEmpty() || spanish.isEmpty() || english.length() > MAX_TEXT || spanish.length() > MAX_TEXT) {
                throw new IllegalArgumentException(where + "each text must be 1 to " + MAX_TEXT + " characters");
            }
            questions.add(new Question(id, english, spanish));
        }
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("the bank has no questions");
        }
        if (questions.size() > MAX_QUESTIONS) {
            throw new IllegalArgumentException("the bank has more than " + MAX_QUESTIONS + " questions");
        }
        return new QuestionBank(questions);
    }

    /** The bank written as {@link #parse} reads it. */
    public String format() {
        return questions.stream().map(q -> q.id() + " | " + q.english() + " | " + q.spanish())
                .collect(Collectors.joining("\n"));
    }

    public Optional<Question> find(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    public List<String> ids() {
        return questions.stream().map(Question::id).toList();
    }

    public int size() {
        return questions.size();
    }

    private static QuestionBank load(String resource) {
        try (InputStream in = QuestionBank.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
