package org.k12id.authenticators.emailcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("An email address shown on the code page")
class MaskedAddressTest {

    @ParameterizedTest(name = "\"{0}\" is shown as \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "ana.lopez@example.org|a•••@example.org",
            "' b@example.org '|b•••@example.org",
            "x@y@example.org|x•••@example.org",
            "nobody|•••",
            "@example.org|•••",
            "ana@|•••",
    })
    void masked(String address, String shown) {
        assertEquals(shown, MaskedAddress.mask(address));
    }

    @Test
    @DisplayName("is compared trimmed and in lower case; a blank one is none")
    void normalised() {
        assertEquals("ana.lopez@example.org", MaskedAddress.normalise(" Ana.Lopez@Example.ORG "));
        assertNull(MaskedAddress.normalise("  "));
        assertNull(MaskedAddress.normalise(null));
        assertEquals("•••", MaskedAddress.mask(null));
    }
}
