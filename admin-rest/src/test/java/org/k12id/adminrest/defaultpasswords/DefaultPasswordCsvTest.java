package org.k12id.adminrest.defaultpasswords;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Given a default-password export line")
class DefaultPasswordCsvTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("fields are quoted, quotes doubled, and formulas defused")
    @CsvSource(delimiter = '|', value = {
            "Kbdmw472|\"Kbdmw472\"",
            "O\"Brien|\"O\"\"Brien\"",
            "=HYPERLINK(1)|\"'=HYPERLINK(1)\"",
            "+1|\"'+1\"",
            "-3|\"-3\"",
            "-9|\"-9\"",
            "12|\"12\"",
            "-3+cmd|\"'-3+cmd\"",
            "-1+1|\"'-1+1\"",
            "-|\"'-\"",
            "@x|\"'@x\"",
            "María, José|\"María, José\"",
    })
    void fieldsAreQuotedAndFormulasDefused(String value, String expected) {
        assertEquals(expected, DefaultPasswordCsv.field(value));
    }

    @org.junit.jupiter.api.Test
    @DisplayName("a line ends with CRLF and an empty value is an empty quoted field")
    void lineEndsWithCrlfAndEmptyValueIsAnEmptyField() {
        assertEquals("\"a\",\"\",\"c\"\r\n", DefaultPasswordCsv.line(Arrays.asList("a", null, "c")));
    }
}
