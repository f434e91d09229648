package org.k12id.passwordpolicies.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChecklistTest {

    private static Properties messages(String locale) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ChecklistTest.class.getResourceAsStream("/theme-resources/messages/messages_" + locale + ".properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    private static final Map<String, Object> CONFIG = Map.of("length", 8, "maxLength", 16, "upperCase", 1, "digits", 2,
            "k12-not-begin-or-end-with", "!", "hashAlgorithm", "argon2", "k12-expiry-by-role", "employee:90",
            "passwordHistory", 3);

    @Test
    @DisplayName("rules in reading order, silent policies left out, history judged on submit, texts formatted")
    void rulesInReadingOrderSilentOnesLeftOutHistoryJudgedOnSubmit() throws IOException {
        Checklist.Result result = Checklist.evaluate(CONFIG.keySet(), CONFIG::get, id -> !id.equals("digits"),
                messages("en"), id -> "Display " + id, Locale.ENGLISH);
        assertEquals(List.of("length", "maxLength", "upperCase", "digits", "k12-not-begin-or-end-with", "passwordHistory"),
                result.rules().stream().map(Checklist.Item::policy).toList());
        assertEquals("At least 8 characters", result.rules().get(0).text());
        assertEquals("At least one upper-case letter (A-Z)", result.rules().get(2).text());
        assertEquals("At least 2 digits (0-9)", result.rules().get(3).text());
        assertEquals("Does not begin or end with !", result.rules().get(4).text());
        assertNull(result.rules().get(5).met());
        assertFalse(result.met());
        assertEquals("Password Does Not Meet Requirements", result.summary());
    }

    @Test
    @DisplayName("all met: Password Meets Requirements, in Spanish too")
    void allMet() throws IOException {
        assertEquals("Password Meets Requirements", Checklist.evaluate(Set.of("length"), CONFIG::get, id -> true,
                messages("en"), id -> id, Locale.ENGLISH).summary());
        Checklist.Result es = Checklist.evaluate(Set.of("length"), CONFIG::get, id -> true, messages("es"), id -> id,
                new Locale("es"));
        assertTrue(es.met());
        assertEquals("La contraseña cumple los requisitos", es.summary());
        assertEquals("Al menos 8 caracteres", es.rules().get(0).text());
    }

    @Test
    @DisplayName("a policy of another extension shows its display name")
    void unknownPolicy() throws IOException {
        Checklist.Result result = Checklist.evaluate(Set.of("acme-policy"), id -> null, id -> true, messages("en"),
                id -> "Acme Rule", Locale.ENGLISH);
        assertEquals("Acme Rule", result.rules().get(0).text());
    }

    @Test
    @DisplayName("a broken message pattern (a realm's own override) shows as written, never as an error")
    void brokenPattern() {
        Properties broken = new Properties();
        broken.setProperty("k12.rule.length", "At least {0,choice,oops characters");
        assertEquals("At least {0,choice,oops characters", Checklist.evaluate(Set.of("length"), CONFIG::get,
                id -> true, broken, id -> id, Locale.ENGLISH).rules().get(0).text());
    }

    @Test
    @DisplayName("every English message has a Spanish one")
    void spanishComplete() throws IOException {
        assertEquals(messages("en").keySet(), messages("es").keySet());
    }
}
