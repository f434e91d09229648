package org.k12id.domain.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Challenge questions")
class QuestionsTest {

    @Nested
    @DisplayName("the bank")
    class Bank {

        @Test
        @DisplayName("the default has at least 15 questions, each in English and Spanish, ids unique")
        void defaultBank() {
            QuestionBank bank = QuestionBank.DEFAULT;
            assertTrue(bank.size() >= 15, "size " + bank.size());
            assertEquals(bank.size(), new HashSet<>(bank.ids()).size());
            bank.questions().forEach(q -> assertNotEquals(q.english(), q.spanish(), q.id()));
            assertEquals(bank, QuestionBank.parse(bank.format()), "format and parse agree");
        }

        @Test
        @DisplayName("a written bank: comments and blank lines skipped; Spanish for es and es-MX, English otherwise")
        void parse() {
            QuestionBank bank = QuestionBank.parse("# mine\n\n pet | Your pet? | ¿Tu mascota? \r\nschool-1|First school?|¿Primera escuela?");
            assertEquals(List.of("pet", "school-1"), bank.ids());
            Question pet = bank.find("pet").orElseThrow();
            assertEquals("¿Tu mascota?", pet.text("es-MX"));
            assertEquals("Your pet?", pet.text("fr"));
            assertEquals("Your pet?", pet.text(null));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = ';', value = {
                "'pet | only English';line 1: write id | English | Spanish",
                "'Pet | A | B';line 1: the id must be",
                "'a | A | B\nb | | B';line 2: each text must be",
                "'a | A | B\na | C | D';line 2: the id a is used twice",
                "'# nothing';the bank has no questions"})
        @DisplayName("a bad bank is refused, naming the line")
        void bad(String text, String message) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QuestionBank.parse(text));
            assertTrue(e.getMessage().startsWith(message), e.getMessage());
        }
    }

    @Nested
    @DisplayName("the settings")
    class Settings {

        @Test
        @DisplayName("none: the default bank, 5 to set, 3 to ask")
        void defaults() {
            assertEquals(QuestionSettings.DEFAULT, QuestionSettings.of(null));
            assertEquals(QuestionSettings.DEFAULT, QuestionSettings.of(Map.of(QuestionSettings.TO_SET, " ")));
        }

        @ParameterizedTest(name = "to set {0}, to ask {1}: {2}")
        @CsvSource({"0, 1, Questions to set", "11, 3, Questions to set", "5, 6, Questions to ask", "five, 3, Questions to set",
                "5, 0, Questions to ask"})
        @DisplayName("numbers out of range are refused, naming the setting")
        void bad(String toSet, String toAsk, String name) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QuestionSettings.of(
                    Map.of(QuestionSettings.TO_SET, toSet, QuestionSettings.TO_ASK, toAsk)));
            assertTrue(e.getMessage().startsWith(name), e.getMessage());
            assertEquals(QuestionSettings.DEFAULT, QuestionSettings.orDefault(
                    Map.of(QuestionSettings.TO_SET, toSet, QuestionSettings.TO_ASK, toAsk)));
        }

        @Test
        @DisplayName("no more to set than the bank has")
        void smallBank() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QuestionSettings.of(Map.of(
                    QuestionSettings.BANK, "a | A | B\nb | C | D", QuestionSettings.TO_SET, "3", QuestionSettings.TO_ASK, "1")));
            assertEquals("Questions to set: 1 to 2", e.getMessage());
        }
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource({"'  Señor   Bigotes ', senor bigotes", "'PIZZA', pizza", "'Ünïcödé\tcafé', unicode cafe", "'', ''"})
    @DisplayName("answers are compared without case, accents or extra spaces")
    void normalise(String typed, String expected) {
        assertEquals(expected, Answers.normalise(typed));
    }

    @Nested
    @DisplayName("the rules for a set")
    class Rules {

        private List<QuestionRules.Finding> check(List<String> ids, List<String> answers) {
            return QuestionRules.check(ids, answers, QuestionBank.DEFAULT, "7100000701", "Rosa María", "Quintero-Díaz");
        }

        @Test
        @DisplayName("different questions from the bank with different answers of 3 or more letters are kept")
        void fine() {
            assertEquals(List.of(), check(List.of("first-pet", "favorite-food", "favorite-book"), List.of("Rex", "tacos", "Holes")));
        }

        @Test
        @DisplayName("each problem is found at its row")
        void problems() {
            List<QuestionRules.Finding> findings = check(
                    List.of("first-pet", "first-pet", "nope", "favorite-book", "favorite-song", "favorite-game", "favorite-toy"),
                    List.of("Rex", "  rex ", "ab", "mi abuela rosa", "x".repeat(101), "quintero", "my 7100000701"));
            assertEquals(List.of(
                    new QuestionRules.Finding(1, QuestionRules.Problem.QUESTION_REPEATED),
                    new QuestionRules.Finding(1, QuestionRules.Problem.ANSWER_REPEATED),
                    new QuestionRules.Finding(2, QuestionRules.Problem.QUESTION_MISSING),
                    new QuestionRules.Finding(2, QuestionRules.Problem.ANSWER_SHORT),
                    new QuestionRules.Finding(3, QuestionRules.Problem.ANSWER_NAME),
                    new QuestionRules.Finding(4, QuestionRules.Problem.ANSWER_LONG),
                    new QuestionRules.Finding(5, QuestionRules.Problem.ANSWER_NAME),
                    new QuestionRules.Finding(6, QuestionRules.Problem.ANSWER_NAME)), findings);
        }

        @Test
        @DisplayName("a missing answer is too short; short name parts (Al, Li) are not held against an answer")
        void missingAndShortNames() {
            assertEquals(List.of(new QuestionRules.Finding(0, QuestionRules.Problem.ANSWER_SHORT)),
                    QuestionRules.check(List.of("first-pet"), List.of(), QuestionBank.DEFAULT, "al", "Al", "Li"));
            assertEquals(List.of(), QuestionRules.check(List.of("first-pet"), List.of("always lions"), QuestionBank.DEFAULT,
                    "al", "Al", "Li"));
        }
    }

    @Nested
    @DisplayName("the questions asked")
    class Picks {

        private final byte[] key = "realm-key".getBytes(StandardCharsets.UTF_8);

        @Test
        @DisplayName("a name with no account always gets the same stand-in set, whatever its case and spaces")
        void standIns() {
            List<String> bank = QuestionBank.DEFAULT.ids();
            List<String> set = QuestionPicks.standIns(key, "NoSuchUser", bank, 5);
            assertEquals(5, new HashSet<>(set).size());
            assertTrue(bank.containsAll(set));
            assertEquals(set, QuestionPicks.standIns(key, "  nosuchuser ", bank, 5));
            assertNotEquals(set, QuestionPicks.standIns(key, "other.user", bank, 5));
            assertNotEquals(set, QuestionPicks.standIns("other-key".getBytes(StandardCharsets.UTF_8), "NoSuchUser", bank, 5));
        }

        @Test
        @DisplayName("the questions asked are some of the set, different ones over several tries")
        void ask() {
            List<String> set = List.of("a", "b", "c", "d", "e");
            Random random = new Random(7);
            HashSet<List<String>> seen = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                List<String> asked = QuestionPicks.ask(set, 3, random);
                assertEquals(3, new HashSet<>(asked).size());
                assertTrue(set.containsAll(asked));
                seen.add(asked);
            }
            assertTrue(seen.size() > 5, seen.toString());
        }
    }
}
