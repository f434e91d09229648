package org.k12id.adminrest.defaultpasswords;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Given a request id from a URL")
class RegenerationRequestsTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @DisplayName("only ASCII letters, digits and dashes, 1 to 36 of them, can be an id; anything else is no request")
    @CsvSource(delimiter = '|', value = {
            "25e95e2a-b1d2-4d69-9ed1-d8a332c44a3c|true",
            "abc|true",
            "''|false",
            "'920\u0000'|false",
            "'\u0000'|false",
            "25e95e2a-b1d2-4d69-9ed1-d8a332c44a3c0|false",
            "../x|false",
            "\u0663|false",
            "'a b'|false",
    })
    void onlyPlainIdsAreLookedUp(String id, boolean plausible) {
        assertEquals(plausible, RegenerationRequests.isId(id));
    }
}
