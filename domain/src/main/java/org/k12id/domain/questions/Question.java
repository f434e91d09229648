package org.k12id.domain.questions;

/** One challenge question of a realm's bank: its id (kept with the person's answers) and its text in English and Spanish. */
public record Question(String id, String english, String spanish) {

    /** The text in {@code language} (a language tag such as {@code es} or {@code es-MX}); English for any other. */
    public String text(String language) {
        return language != null && (language.equals("es") || language.startsWith("es-")) ? spanish : english;
    }
}
