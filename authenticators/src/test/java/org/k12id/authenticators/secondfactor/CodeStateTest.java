package org.k12id.authenticators.secondfactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The code of one sign-in")
class CodeStateTest {

    private final Map<String, String> notes = new HashMap<>();
    private final CodeState state = new CodeState(CodeState.Notes.of(notes::get, notes::put, notes::remove));

    @Test
    @DisplayName("is pending until it expires")
    void expires() {
        assertNull(state.pendingSeal(1_000));
        state.sent("seal", 1_000, 300);
        assertEquals("seal", state.pendingSeal(1_000));
        assertEquals("seal", state.pendingSeal(1_299));
        assertNull(state.pendingSeal(1_300), "expired at 5 minutes");
        assertFalse(state.pending(1_300));
    }

    @Test
    @DisplayName("is forgotten once used, and its send still counts for the cooldown")
    void usedOnce() {
        state.sent("seal", 1_000, 300);
        state.used();
        assertNull(state.pendingSeal(1_001));
        assertEquals(29, state.resendWait(1_001, 30));
    }

    @Test
    @DisplayName("may be sent again once the cooldown has passed")
    void cooldown() {
        assertEquals(0, state.resendWait(1_000, 30), "nothing sent yet");
        state.sent("seal", 1_000, 300);
        assertEquals(30, state.resendWait(1_000, 30));
        assertEquals(1, state.resendWait(1_029, 30));
        assertEquals(0, state.resendWait(1_030, 30));
        state.clear();
        assertEquals(0, state.resendWait(1_001, 30), "cleared after set-up");
    }

    @Test
    @DisplayName("is forgotten after five wrong tries; a new code starts the count again")
    void wrongTries() {
        state.sent("seal", 1_000, 300);
        for (int i = 1; i < CodeState.MAX_WRONG; i++) {
            state.wrong();
            assertTrue(state.pending(1_001), "still pending after " + i);
        }
        state.wrong();
        assertFalse(state.pending(1_001));
        state.sent("seal2", 1_100, 300);
        state.wrong();
        assertTrue(state.pending(1_101));
    }

    @Test
    @DisplayName("notes that cannot be read count as no code")
    void garbage() {
        notes.put(CodeState.SEAL, "seal");
        notes.put(CodeState.EXPIRES, "soon");
        notes.put(CodeState.SENT, "earlier");
        assertNull(state.pendingSeal(1_000));
        assertEquals(0, state.resendWait(1_000, 30));
    }
}
