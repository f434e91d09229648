package org.k12id.adminrest.defaultpasswords;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Given a request id from a URL")
class RegenerationRequestsTest {

    @Test
    @DisplayName("only ASCII letters, digits and dashes, 1 to 36 of them, can be an id; anything else is no request")
    void onlyPlainIdsAreLookedUp() {
        List.of("25e95e2a-b1d2-4d69-9ed1-d8a332c44a3c", "abc", "A-1")
                .forEach(id -> assertTrue(RegenerationRequests.isId(id), id));
        Arrays.asList(null, "", "920\u0000", "\u0000", "25e95e2a-b1d2-4d69-9ed1-d8a332c44a3c0", "../x", "\u0663", "a b", "é")
                .forEach(id -> assertFalse(RegenerationRequests.isId(id), () -> "[" + id + "]"));
    }
}
