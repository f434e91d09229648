package org.k12id.it.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.it.support.BadgeApi;
import org.k12id.it.support.BadgeApi.Answer;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.K12ServerConfig;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Who sees and prints whose badges, on the real server: the permission matrix of the demo district. Only reads, and
 * refusals, happen here (refusals change nothing), so the demo's students are used as they are.
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given the demo district's staff, students, guardians and strangers")
class BadgePrintingAccessIT {

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private final Map<String, BadgeApi> apis = new HashMap<>();
    private String jonesClass;
    private String garciaClass;
    private String jonesStudent;
    private String garciaStudent;
    private String charterStudent;

    @BeforeEach
    void setUp() {
        jonesClass = realm.admin().getGroupByPath("/psu-920/920304/g3-5-jones").getId();
        garciaClass = realm.admin().getGroupByPath("/psu-920/920304/prek-garcia").getId();
        jonesStudent = userId("9000000013");
        garciaStudent = userId("9000000001");
        charterStudent = userId("8000000035");
    }

    private String userId(String username) {
        return realm.admin().users().search(username, true).get(0).getId();
    }

    private BadgeApi as(String username) throws Exception {
        BadgeApi api = apis.get(username);
        if (api == null) {
            api = username == null ? new BadgeApi(urls.getBase(), DemoRealm.NAME, null)
                    : BadgeApi.as(urls.getBase(), realm.getBaseUrl(), username);
            apis.put(username, api);
        }
        return api;
    }

    /** The usernames of every student in a class, from the admin API. */
    private Set<String> classStudents(String classId) {
        Set<String> students = new TreeSet<>();
        for (UserRepresentation member : realm.admin().groups().group(classId).members(0, 1000)) {
            boolean student = realm.admin().users().get(member.getId()).roles().realmLevel().listEffective().stream()
                    .anyMatch(role -> role.getName().equals("student"));
            if (student) {
                students.add(member.getUsername());
            }
        }
        return students;
    }

    private static Set<String> usernames(Answer answer) {
        Set<String> names = new TreeSet<>();
        answer.json().path("students").forEach(student -> names.add(student.path("username").asText()));
        return names;
    }

    private static void assertNothingLeaks(Answer answer, String who) {
        assertFalse(answer.json().has("students"), who);
        assertFalse(answer.json().has("total"), who);
        assertFalse(new String(answer.bytes()).contains("9000000"), who + ": " + answer);
    }

    @Test
    @DisplayName("a teacher sees exactly the students of their classes, with class, school and badge state")
    void teacherSeesExactlyTheStudentsOfTheirClasses() throws Exception {
        Answer answer = as("t.jones").get("students?max=200");
        assertEquals(200, answer.status(), answer::toString);
        assertEquals(classStudents(jonesClass), usernames(answer));
        assertEquals(usernames(answer).size(), answer.json().path("total").asInt());
        JsonNode ethan = null;
        for (JsonNode student : answer.json().path("students")) {
            assertEquals("g3-5-jones", student.path("classes").path(0).path("name").asText(), student.toString());
            if (student.path("username").asText().equals("9000000013")) {
                ethan = student;
            }
        }
        assertEquals("Ethan", ethan.path("firstName").asText());
        assertEquals("Pine Elementary School", ethan.path("schoolName").asText());
        assertEquals("3", ethan.path("grade").asText());
        assertTrue(ethan.path("badgeAllowed").asBoolean());
    }

    @Test
    @DisplayName("an LEA administrator sees every student of their PSU and nobody of another; the auditor the same")
    void administratorsAndAuditors() throws Exception {
        Set<String> psu920 = usernames(as("lea-admin.920").get("students?max=200"));
        assertEquals(32, psu920.size(), psu920::toString);
        assertTrue(psu920.stream().allMatch(name -> name.startsWith("9")), psu920::toString);
        assertEquals(psu920, usernames(as("lea-auditor.920").get("students?max=200")));
        Set<String> psu32A = usernames(as("lea-admin.32A").get("students?max=200"));
        assertEquals(16, psu32A.size(), psu32A::toString);
        assertTrue(psu32A.stream().allMatch(name -> name.startsWith("8")), psu32A::toString);
    }

    @Test
    @DisplayName("filters by school, class and grade, and pages")
    void filtersAndPages() throws Exception {
        BadgeApi admin = as("lea-admin.920");
        assertEquals(classStudents(garciaClass), usernames(admin.get("students?class=" + garciaClass)));
        Set<String> grade3 = usernames(admin.get("students?grade=3"));
        assertEquals(Set.of("9000000013", "9000000014"), grade3);
        Answer high = admin.get("students?school=920312&max=200");
        assertTrue(high.json().path("total").asInt() > 0);
        high.json().path("students").forEach(s -> assertEquals("920312", s.path("school").asText()));
        Answer page = admin.get("students?first=30&max=5");
        assertEquals(32, page.json().path("total").asInt());
        assertEquals(2, page.json().path("students").size());
        List<String> all = new ArrayList<>();
        admin.get("students?max=200").json().path("students").forEach(s -> all.add(s.path("username").asText()));
        List<String> tail = new ArrayList<>();
        page.json().path("students").forEach(s -> tail.add(s.path("username").asText()));
        assertEquals(all.subList(30, 32), tail, "pages follow one order");
    }

    @Test
    @DisplayName("bad filters are refused naming the parameter; another's class looks like no class")
    void badFilters() throws Exception {
        BadgeApi teacher = as("t.jones");
        for (String[] bad : new String[][] {{"school=92", "school"}, {"grade=14", "grade"}, {"first=-1", "first"},
                {"max=0", "max"}, {"max=201", "max"}, {"max=1e3", "max"}, {"school=%3Cscript%3E", "school"}}) {
            Answer answer = teacher.get("students?" + bad[0]);
            assertEquals(400, answer.status(), bad[0]);
            assertEquals(bad[1], answer.json().path("field").asText(), bad[0]);
        }
        Answer other = teacher.get("students?class=" + garciaClass);
        Answer unknown = teacher.get("students?class=00000000-0000-0000-0000-000000000000");
        assertEquals(404, other.status());
        assertEquals(other.json(), unknown.json(), "another teacher's class looks exactly like no class");
        assertEquals(404, as("lea-admin.32A").get("students?class=" + jonesClass).status());
    }

    @Test
    @DisplayName("students, guardians, plain employees and strangers see nothing: 403 (401 without a token)")
    void studentsGuardiansEmployeesAndStrangersSeeNothing() throws Exception {
        for (String who : List.of("9000000013", "g.okafor", "e.clark")) {
            for (String path : List.of("students", "me", "opt-outs")) {
                Answer answer = as(who).get(path);
                assertEquals(403, answer.status(), who + " " + path);
                assertNothingLeaks(answer, who);
            }
        }
        assertEquals(401, as(null).get("students").status());
        assertEquals(401, new BadgeApi(urls.getBase(), DemoRealm.NAME, "not-a-token").get("students").status());
    }

    @Test
    @DisplayName("'me' tells the portal what each person may do")
    void meTellsThePortalWhatEachPersonMayDo() throws Exception {
        JsonNode teacher = as("t.jones").get("me").json();
        assertTrue(teacher.path("canPrint").asBoolean());
        assertFalse(teacher.path("canManageOptOuts").asBoolean());
        assertEquals("920", teacher.path("psus").path(0).path("code").asText());
        assertEquals(1, teacher.path("classes").size());
        assertEquals("g3-5-jones", teacher.path("classes").path(0).path("name").asText());
        assertFalse(teacher.path("classes").path(0).path("teacher").asText().isBlank());
        JsonNode auditor = as("lea-auditor.920").get("me").json();
        assertFalse(auditor.path("canPrint").asBoolean());
        assertTrue(auditor.path("canManageOptOuts").asBoolean());
        // an administrator's or auditor's classes come a school at a time: a county PSU has thousands
        assertTrue(auditor.path("classesBySchool").asBoolean(), auditor::toString);
        int auditorClasses = 0;
        for (JsonNode school : auditor.path("schools")) {
            JsonNode classes = as("lea-auditor.920").get("classes?school=" + school.path("code").asText()).json().path("classes");
            classes.forEach(c -> assertEquals(school.path("code").asText(), c.path("school").asText(), c::toString));
            auditorClasses += classes.size();
        }
        assertTrue(auditorClasses >= 5, auditor::toString);
        String jonesSchool = teacher.path("classes").path(0).path("school").asText();
        assertEquals(1, as("t.jones").get("classes?school=" + jonesSchool).json().path("classes").size(), "a teacher: their own classes only");
        assertEquals(0, as("lea-admin.32A").get("classes?school=" + jonesSchool).json().path("classes").size(), "another PSU's school: none");
        assertEquals(400, as("lea-auditor.920").get("classes?school=..%2F").status());
        JsonNode admin = as("lea-admin.32A").get("me").json();
        assertTrue(admin.path("canPrint").asBoolean() && admin.path("canVoidSchool").asBoolean());
        assertEquals("32A", admin.path("psus").path(0).path("code").asText());
        assertEquals(1, admin.path("psus").size());
    }

    @Test
    @DisplayName("a teacher cannot print or void another class's student; it looks exactly like an unknown student")
    void teacherOtherClass() throws Exception {
        BadgeApi teacher = as("t.jones");
        Answer other = teacher.post("print", "{\"userIds\":[\"" + garciaStudent + "\"]}");
        Answer unknown = teacher.post("print", "{\"userIds\":[\"00000000-0000-0000-0000-000000000000\"]}");
        assertEquals(404, other.status(), other::toString);
        assertEquals(other.json(), unknown.json());
        assertEquals(404, teacher.post("print", "{\"userIds\":[\"" + jonesStudent + "\",\"" + garciaStudent + "\"]}").status(),
                "one stranger in the list refuses the whole print");
        assertEquals(404, teacher.post("print", "{\"classId\":\"" + garciaClass + "\"}").status());
        assertEquals(404, teacher.post("void", "{\"userIds\":[\"" + garciaStudent + "\"]}").status());
        assertEquals(404, teacher.post("void", "{\"classId\":\"" + garciaClass + "\"}").status());
        assertEquals(403, teacher.post("void", "{\"schoolCode\":\"920304\"}").status(), "only an LEA administrator voids a school");
        assertEquals(400, teacher.post("print", "{\"userIds\":[\"" + jonesStudent + "\"],\"layout\":\"poster\"}").status());
    }

    @Test
    @DisplayName("an administrator of 920 cannot touch 32A; an auditor reads but prints and voids nothing")
    void administratorOtherPsu() throws Exception {
        BadgeApi admin920 = as("lea-admin.920");
        assertEquals(404, admin920.post("print", "{\"userIds\":[\"" + charterStudent + "\"]}").status());
        assertEquals(404, admin920.post("void", "{\"schoolCode\":\"32A000\"}").status());
        assertEquals(404, as("lea-admin.32A").post("print", "{\"classId\":\"" + jonesClass + "\"}").status());
        BadgeApi auditor = as("lea-auditor.920");
        assertEquals(403, auditor.post("print", "{\"userIds\":[\"" + jonesStudent + "\"]}").status());
        assertEquals(403, auditor.post("print", "{\"classId\":\"" + jonesClass + "\"}").status());
        assertEquals(403, auditor.post("void", "{\"schoolCode\":\"920304\"}").status());
        for (String who : List.of("9000000013", "g.okafor", "e.clark")) {
            Answer answer = as(who).post("print", "{\"userIds\":[\"" + jonesStudent + "\"]}");
            assertEquals(403, answer.status(), who);
            assertNothingLeaks(answer, who);
        }
        assertEquals(401, as(null).post("print", "{\"userIds\":[\"" + jonesStudent + "\"]}").status());
    }

    @Test
    @DisplayName("opt-outs: administrators and auditors of the PSU only, PreK-5 grades only")
    void optOutRights() throws Exception {
        assertEquals(403, as("t.jones").put("opt-outs/920", "{\"grades\":[0]}").status());
        assertEquals(404, as("lea-admin.32A").put("opt-outs/920", "{\"grades\":[0]}").status());
        assertFalse(as("lea-auditor.32A").get("opt-outs").json().path("psus").toString().contains("920"));
        Answer bad = as("lea-admin.920").put("opt-outs/920", "{\"grades\":[6]}");
        assertEquals(400, bad.status());
        assertEquals("grades", bad.json().path("field").asText());
        assertEquals("psu", as("lea-admin.920").put("opt-outs/92", "{\"grades\":[1]}").json().path("field").asText());
        assertEquals(List.of(), realm.admin().toRepresentation().getAttributes().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("k12.badge.optOut.") && !entry.getValue().isBlank()).toList(),
                "refusals changed nothing");
    }
}
