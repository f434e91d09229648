package org.k12id.passwordpolicies.edges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Not Begin Or End With")
class EdgesTest {

    @ParameterizedTest(name = "\"{0}\" with [{1}] -> rejected: {2}")
    @CsvSource(delimiter = '|', value = {
            "!Goodpass1 | !  | true",
            "Goodpass1! | !  | true",
            "Good!pass1 | !  | false",
            "!          | !  | true",
            "?Goodpass1 | !? | true",
            "Goodpass1? | !? | true",
            "Goodpass1  | !? | false",
            "Goodpass1😀 | 😀 | true",
    })
    void passwordBeginningOrEndingWithAListedCharacterIsRejected(String password, String characters, boolean rejected) {
        assertEquals(rejected, Edges.beginsOrEndsWith(password, characters));
    }

    @Test
    void blankConfigMeansAnExclamationMark() {
        assertEquals("!", Edges.parseCharacters(null));
        assertEquals("!", Edges.parseCharacters(""));
        assertEquals("!?", Edges.parseCharacters("!?"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"! ?", "\t", "abcdefghijklmnopqrstuvwxyz0123456789", "a\u0000"})
    @DisplayName("spaces, control characters and long lists are refused")
    void badConfig(String value) {
        assertThrows(IllegalArgumentException.class, () -> Edges.parseCharacters(value));
    }
}
