package org.k12id.it.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.it.support.BadgeApi;
import org.k12id.it.support.BadgeApi.Answer;
import org.k12id.it.support.Badges;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.TestUsers;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/** What opt-outs and voids do on the real server: to logins, to printing, and in the admin events. */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given two students of Ms. Jones's class with badges")
class BadgePrintingEffectsIT {

    private static final String CLASS = "/psu-920/920304/g3-5-jones";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private TestUsers users;
    private String first;
    private String second;
    private String classId;
    private String adminToken;

    @BeforeEach
    void setUp() throws Exception {
        users = new TestUsers(realm.admin());
        first = student("9100000501", "Ana", "1");
        second = student("9100000502", "Ben", "2");
        classId = realm.admin().getGroupByPath(CLASS).getId();
        adminToken = Badges.accessToken(realm.getBaseUrl(), "lea-admin.920", DemoRealm.PASSWORD);
        realm.admin().clearAdminEvents();
    }

    private String student(String username, String firstName, String grade) {
        Map<String, List<String>> attributes = new HashMap<>(Map.of("psuCode", List.of("920"), "schoolCode", List.of("920304"),
                "gradeLevel", List.of(grade), "studentNumber", List.of(username)));
        return users.create(username, firstName, "Effects", List.of("student"), List.of(CLASS), attributes, null);
    }

    @AfterEach
    void tearDown() {
        RealmRepresentation representation = realm.admin().toRepresentation();
        Map<String, String> attributes = new HashMap<>(representation.getAttributes());
        attributes.remove("k12.badge.optOut.920");
        representation.setAttributes(attributes);
        realm.admin().update(representation);
        users.removeAll();
    }

    private String issue(String userId) throws Exception {
        return Badges.issuePayload(urls.getBase(), adminToken, userId);
    }

    private BadgeApi as(String username) throws Exception {
        return BadgeApi.as(urls.getBase(), realm.getBaseUrl(), username);
    }

    private JsonNode row(BadgeApi api, String userId) throws Exception {
        for (JsonNode student : api.get("students?class=" + classId + "&max=200").json().path("students")) {
            if (student.path("id").asText().equals(userId)) {
                return student;
            }
        }
        throw new AssertionError("not listed: " + userId);
    }

    private List<AdminEventRepresentation> badgeEvents() {
        return realm.admin().getAdminEvents().stream().filter(event -> "K12_BADGES".equals(event.getResourceType())).toList();
    }

    @Test
    @DisplayName("an opt-out of grade 1 stops that badge's login and its printing, and lifting it restores both")
    void optOut() throws Exception {
        String payload = issue(first);
        assertEquals("9100000501", Badges.login(realm.getBaseUrl(), payload).path("preferred_username").asText());

        BadgeApi auditor = as("lea-auditor.920");
        Answer set = auditor.put("opt-outs/920", "{\"grades\":[1,-3]}");
        assertEquals(200, set.status(), set::toString);
        assertEquals("[-3,1]", set.json().path("grades").toString());
        assertEquals("[-3,1]", auditor.get("opt-outs").json().path("psus").path(0).path("grades").toString());

        Badges.assertRefused(realm.getBaseUrl(), payload);
        BadgeApi teacher = as("t.jones");
        assertFalse(row(teacher, first).path("badgeAllowed").asBoolean());
        assertTrue(row(teacher, second).path("badgeAllowed").asBoolean());
        Answer refused = teacher.post("print", "{\"userIds\":[\"" + first + "\",\"" + second + "\"]}");
        assertEquals(409, refused.status(), refused::toString);
        assertEquals("[\"" + first + "\"]", refused.json().path("userIds").toString());
        assertFalse(row(teacher, second).has("badge") && !row(teacher, second).path("badge").isNull(),
                "a refused print issues nothing");
        Answer classPrint = teacher.post("print", "{\"classId\":\"" + classId + "\"}");
        assertEquals(200, classPrint.status(), classPrint::toString);
        assertEquals("application/pdf", classPrint.contentType());
        assertTrue(Integer.parseInt(classPrint.header("X-K12-Badges-Skipped")) >= 1, "the opted-out student is skipped");
        assertTrue(row(teacher, second).path("badge").path("version").asInt() >= 1, "the class print issued the other's badge");

        assertEquals(200, auditor.put("opt-outs/920", "{\"grades\":[]}").status());
        assertEquals("9100000501", Badges.login(realm.getBaseUrl(), payload).path("preferred_username").asText(),
                "an opt-out does not void badges: lifting it brings them back");

        List<AdminEventRepresentation> events = badgeEvents();
        AdminEventRepresentation optOut = events.stream().filter(e -> "opt-out".equals(e.getDetails().get("k12_action"))
                && "-3,1".equals(e.getDetails().get("k12_grades"))).findFirst().orElseThrow(() -> new AssertionError(events));
        assertEquals("920", optOut.getDetails().get("k12_psu"));
        assertEquals(realm.admin().users().search("lea-auditor.920", true).get(0).getId(), optOut.getAuthDetails().getUserId());
        assertTrue(Integer.parseInt(optOut.getDetails().get("k12_count")) >= 1);
        AdminEventRepresentation print = events.stream().filter(e -> "print".equals(e.getDetails().get("k12_action")))
                .findFirst().orElseThrow(() -> new AssertionError(events));
        assertEquals("g3-5-jones", print.getDetails().get("k12_class"));
        assertEquals("920304", print.getDetails().get("k12_school"));
        assertTrue(Integer.parseInt(print.getDetails().get("k12_count")) >= 1);
        String all = new ObjectMapper().writeValueAsString(events);
        assertFalse(all.contains(payload.substring(33)), "no event carries a badge secret");
        assertFalse(all.contains(payload), "no event carries a badge");
    }

    @Test
    @DisplayName("voiding chosen students, a class or a school makes the old badges fail at once")
    void voidingMakesTheOldBadgesFailAtOnce() throws Exception {
        BadgeApi teacher = as("t.jones");
        String payload = issue(first);
        Answer voided = teacher.post("void", "{\"userIds\":[\"" + first + "\"]}");
        assertEquals(200, voided.status(), voided::toString);
        assertEquals(1, voided.json().path("voided").asInt());
        Badges.assertRefused(realm.getBaseUrl(), payload);
        assertTrue(row(teacher, first).path("badge").isMissingNode() || row(teacher, first).path("badge").isNull());

        String again = issue(first);
        String other = issue(second);
        Answer classVoid = teacher.post("void", "{\"classId\":\"" + classId + "\"}");
        assertEquals(200, classVoid.status(), classVoid::toString);
        assertTrue(classVoid.json().path("voided").asInt() >= 2);
        Badges.assertRefused(realm.getBaseUrl(), again);
        Badges.assertRefused(realm.getBaseUrl(), other);

        String third = issue(first);
        Answer schoolVoid = as("lea-admin.920").post("void", "{\"schoolCode\":\"920304\"}");
        assertEquals(200, schoolVoid.status(), schoolVoid::toString);
        assertTrue(schoolVoid.json().path("voided").asInt() >= 1);
        Badges.assertRefused(realm.getBaseUrl(), third);

        List<String> actions = badgeEvents().stream().map(e -> e.getDetails().get("k12_action")).toList();
        assertEquals(3, actions.stream().filter("void"::equals).count(), actions::toString);
        assertTrue(badgeEvents().stream().anyMatch(e -> "920304".equals(e.getDetails().get("k12_school"))
                && e.getDetails().get("k12_class") == null && "void".equals(e.getDetails().get("k12_action"))));
    }
}
