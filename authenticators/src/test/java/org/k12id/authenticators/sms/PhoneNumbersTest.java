package org.k12id.authenticators.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.k12id.authenticators.sms.PhoneNumbers.Problem;

@DisplayName("Mobile numbers as typed")
class PhoneNumbersTest {

    @Nested
    @DisplayName("Given a number people write in one of the usual ways")
    class Valid {

        @ParameterizedTest(name = "\"{0}\" is {1}")
        @CsvSource(delimiter = '|', value = {
                "+15555554567          | +15555554567",
                "+1 555 555 4567       | +15555554567",
                "+1 (555) 555-4567     | +15555554567",
                "+1.555.555.4567       | +15555554567",
                "'  +1-555-555-4567  ' | +15555554567",
                "+44 7700 900123       | +447700900123",
                "+52 55 1234 5678      | +525512345678",
                "+4917612345           | +4917612345",
                "+12345678             | +12345678",
                "+123456789012345      | +123456789012345"})
        void normalised(String typed, String e164) {
            PhoneNumbers.Reading reading = PhoneNumbers.normalise(typed);
            assertTrue(reading.valid());
            assertEquals(e164, reading.number());
            assertNull(reading.problem());
            assertTrue(PhoneNumbers.isE164(e164));
        }
    }

    @Nested
    @DisplayName("Given anything else, it is refused with a reason a page can show")
    class Invalid {

        @ParameterizedTest(name = "\"{0}\": {1}")
        @CsvSource(delimiter = '|', nullValues = "null", value = {
                "null                  | MISSING",
                "''                    | MISSING",
                "'   '                 | MISSING",
                "+                     | LENGTH",
                "'+ ( ) - .'           | LENGTH",
                "5555554567            | NO_PLUS",
                "001 555 555 4567      | NO_PLUS",
                "+1234567              | LENGTH",
                "+1234567890123456     | LENGTH",
                "+0 555 555 4567       | LEADING_ZERO",
                "+1 555 CALL NOW       | LETTERS",
                "+1 555 555 4567 x12   | LETTERS",
                "+1/555/555/4567       | CHARACTERS",
                "+1 555 555 4567;DROP  | CHARACTERS",
                "+1+5555554567         | CHARACTERS",
                "1+5555554567          | CHARACTERS",
                "+1_555_555_4567       | CHARACTERS",
                "<script>              | CHARACTERS",
                "+1 555\t555 4567     | CHARACTERS"})
        void refused(String typed, Problem problem) {
            PhoneNumbers.Reading reading = PhoneNumbers.normalise(typed == null ? null : typed.replace("\\t", "\t"));
            assertFalse(reading.valid());
            assertNull(reading.number());
            assertEquals(problem, reading.problem());
        }

        @Test
        @DisplayName("digits of other scripts are not digits of a phone number")
        void otherDigits() {
            // Arabic-Indic and full-width digits: Character.isDigit says yes, a gateway would not
            assertEquals(Problem.CHARACTERS, PhoneNumbers.normalise("+١٥٥٥٥٥٥٤٥٦٧").problem());
            assertEquals(Problem.CHARACTERS, PhoneNumbers.normalise("+１５５５５５５４５６７").problem());
        }

        @Test
        @DisplayName("control characters, a NUL and a line break are refused")
        void controls() {
            assertEquals(Problem.CHARACTERS, PhoneNumbers.normalise("+1555555\u00004567").problem());
            assertEquals(Problem.CHARACTERS, PhoneNumbers.normalise("+1555555\n4567").problem());
            assertEquals(Problem.CHARACTERS, PhoneNumbers.normalise("+1555555\u202e4567").problem());
        }

        @Test
        @DisplayName("huge input is refused before it is read character by character")
        void huge() {
            assertEquals(Problem.TOO_LONG, PhoneNumbers.normalise("+1" + "5".repeat(1_000_000)).problem());
            assertEquals(Problem.TOO_LONG, PhoneNumbers.normalise(" ".repeat(PhoneNumbers.MAX_TYPED) + "+15555554567").problem());
            assertEquals(Problem.LENGTH, PhoneNumbers.normalise("+" + "5".repeat(PhoneNumbers.MAX_TYPED - 1)).problem());
        }

        @Test
        @DisplayName("every reason has a message key of the pack")
        void keys() {
            for (Problem problem : Problem.values()) {
                assertTrue(problem.messageKey().startsWith("k12.phone."), problem::name);
            }
        }
    }

    @Nested
    @DisplayName("Given a number to show")
    class Masked {

        @ParameterizedTest(name = "{0} shows as \"{1}\"")
        @CsvSource(delimiter = '|', value = {
                "+15555554567      | +1 •••-•••-4567",
                "+447700900123     | +44 •••-•••-0123",
                "+525512345678     | +52 •••-•••-5678",
                "+79161234567      | +7 •••-•••-4567",
                "+35312345678      | +353 •••-•-5678",
                "+12345678         | +1 •••-5678",
                "+123456789012345  | +1 •••-•••-•••-•-2345"})
        void mask(String e164, String shown) {
            assertEquals(shown, PhoneNumbers.mask(e164));
        }

        @ParameterizedTest(name = "\"{0}\" shows as bullets only")
        @CsvSource(nullValues = "null", value = {"null", "''", "5555554567", "'+1 555 555 4567'", "+1234"})
        void notE164(String value) {
            assertEquals("•••", PhoneNumbers.mask(value));
        }

        @Test
        @DisplayName("only the last 4 digits are shown after the country code")
        void lastFour() {
            String shown = PhoneNumbers.mask("+19195550123");
            assertEquals(4, shown.substring(3).chars().filter(Character::isDigit).count());
        }
    }
}
