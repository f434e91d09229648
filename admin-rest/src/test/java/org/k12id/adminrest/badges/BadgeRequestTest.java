package org.k12id.adminrest.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Given the body of a print, void or opt-out request")
class BadgeRequestTest {

    @Test
    @DisplayName("a print of chosen students reads ids (once each), layout, paper and renew")
    void printReadsIdsOnceLayoutPaperAndRenew() {
        BadgeRequest request = BadgeRequest.forPrint("{\"userIds\":[\"a\",\"b\",\"a\"],\"layout\":\"cards\",\"paper\":\"a4\",\"renew\":true}").request();
        assertEquals(List.of("a", "b"), request.userIds());
        assertEquals("cards", request.layout());
        assertEquals("a4", request.paper());
        assertEquals(true, request.renew());
    }

    @Test
    @DisplayName("layout and paper are read exactly: another case or a trailing space is refused with the field named")
    void enumsReadExactly() {
        assertEquals("paper", BadgeRequest.forPrint("{\"classId\":\"c\",\"paper\":\"a4 \"}").problem().field());
        assertEquals("paper", BadgeRequest.forPrint("{\"classId\":\"c\",\"paper\":\"A4\"}").problem().field());
        assertEquals("layout", BadgeRequest.forPrint("{\"classId\":\"c\",\"layout\":\"CARDS\"}").problem().field());
        assertEquals("layout", BadgeRequest.forPrint("{\"classId\":\"c\",\"layout\":\"labels\\u0000\"}").problem().field());
    }

    @Test
    @DisplayName("a class print takes the defaults: labels on Letter, no renewal")
    void classPrintTakesTheDefaults() {
        BadgeRequest request = BadgeRequest.forPrint("{\"classId\":\"c-1\"}").request();
        assertEquals("c-1", request.classId());
        assertNull(request.userIds());
        assertEquals("labels", request.layout());
        assertEquals("letter", request.paper());
        assertEquals(false, request.renew());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("a bad print body names its bad field")
    @CsvSource(delimiter = '|', value = {
            "''|body",
            "'   '|body",
            "not json|body",
            "[1,2]|body",
            "'\"text\"'|body",
            "{}|userIds",
            "'{\"userIds\":[\"a\"],\"classId\":\"c\"}'|userIds",
            "'{\"userIds\":[]}'|userIds",
            "'{\"userIds\":\"a\"}'|userIds",
            "'{\"userIds\":[1]}'|userIds",
            "'{\"userIds\":[\"\"]}'|userIds",
            "'{\"classId\":5}'|classId",
            "'{\"classId\":\"\"}'|classId",
            "'{\"classId\":\"c\",\"layout\":\"poster\"}'|layout",
            "'{\"classId\":\"c\",\"paper\":\"legal\"}'|paper",
            "'{\"classId\":\"c\",\"renew\":\"yes\"}'|renew",
            "'{\"classId\":\"c\",\"schoolCode\":\"920304\"}'|schoolCode",
            "'{\"classId\":\"c\",\"password\":\"x\"}'|password",
    })
    void badPrint(String body, String field) {
        assertEquals(field, BadgeRequest.forPrint(body).problem().field());
    }

    @Test
    @DisplayName("too many or too long ids, and a huge body, are refused")
    void tooManyOrTooLongIdsAndHugeBodyRefused() {
        String many = "{\"userIds\":[" + "\"a\",".repeat(BadgeRequest.MAX_STUDENTS) + "\"b\"]}";
        assertEquals("userIds", BadgeRequest.forPrint(many).problem().field());
        assertEquals("userIds", BadgeRequest.forPrint("{\"userIds\":[\"" + "x".repeat(65) + "\"]}").problem().field());
        assertEquals("body", BadgeRequest.forPrint("{\"classId\":\"" + "x".repeat(BadgeRequest.MAX_BODY) + "\"}").problem().field());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("a void takes exactly one of ids, class or a well-formed school")
    @CsvSource(delimiter = '|', value = {
            "'{\"schoolCode\":\"920304\"}'|",
            "'{\"classId\":\"c\"}'|",
            "'{\"schoolCode\":\"9203\"}'|schoolCode",
            "'{\"schoolCode\":\"920304\",\"classId\":\"c\"}'|userIds",
            "'{\"schoolCode\":\"920304\",\"layout\":\"cards\"}'|layout",
    })
    void voidTakesExactlyOneOfIdsClassOrSchool(String body, String field) {
        BadgeRequest.Parsed parsed = BadgeRequest.forVoid(body);
        assertEquals(field, parsed.problem() == null ? null : parsed.problem().field());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("an opt-out takes PreK-5 grade codes only")
    @CsvSource(delimiter = '|', value = {
            "'{\"grades\":[-3,0,5,0]}'|",
            "'{\"grades\":[]}'|",
            "'{\"grades\":[6]}'|grades",
            "'{\"grades\":[-4]}'|grades",
            "'{\"grades\":[\"1\"]}'|grades",
            "'{\"grades\":[1.5]}'|grades",
            "'{\"grades\":\"1,2\"}'|grades",
            "'{}'|grades",
            "'{\"grades\":[1],\"psu\":\"32A\"}'|psu",
            "nope|body",
    })
    void optOut(String body, String field) {
        BadgeRequest.Grades grades = BadgeRequest.forOptOut(body, -3, 5);
        assertEquals(field, grades.problem() == null ? null : grades.problem().field());
    }

    @Test
    @DisplayName("an opt-out's grades come back as a set")
    void optOutGrades() {
        assertEquals(Set.of(-3, 0, 5), BadgeRequest.forOptOut("{\"grades\":[-3,0,5,0]}", -3, 5).grades());
    }
}
