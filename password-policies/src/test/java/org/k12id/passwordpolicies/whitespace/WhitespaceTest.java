package org.k12id.passwordpolicies.whitespace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("No Whitespace")
class WhitespaceTest {

    @ParameterizedTest(name = "[{0}] -> has space: {1}")
    @CsvSource(delimiter = '|', value = {
            "Goodpass12        | false",
            "'Good pass12'     | true",
            "'Goodpass12 '     | true",
            "'\tGoodpass12'    | true",
            "'Good\u00A0pass1' | true",
            "'Good\u3000pass1' | true",
            "'Good\u2009pass1' | true",
            "'Good\u200Bpass1' | true",
            "'Good\uFEFFpass1' | true",
            "'Good\npass1'     | true",
            "'Good\u2028pass1' | true",
            "Good_pass-1.      | false",
    })
    void everyKindOfSpaceOrLineBreakIsFound(String password, boolean hasSpace) {
        assertEquals(hasSpace, Whitespace.containsWhitespace(password));
    }
}
