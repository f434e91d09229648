package org.k12id.it.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.it.support.Badges;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.TestUsers;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Staff views at district scale, on the real server: two PSUs of the IT's own, one of 50 students and one of 2,000,
 * each with its LEA administrator. A first page must cost the same database work in both (the server's own statistics,
 * read through the test-only probe), leave the user cache alone, and still be exact: right total, right roster order,
 * right after every kind of change to a student.
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given a PSU of 50 students and one of 2,000")
class StaffScaleIT {

    private static final String SMALL = "971";
    private static final String LARGE = "972";
    private static final String CHANGING = "973";
    private static final int SMALL_SIZE = 50;
    private static final int LARGE_SIZE = 2000;
    private static final String[] LAST = {"Smith", "garcia", "Óleo", "Nguyen", "de la Cruz", "O'Brien", "Zhang", "Ávila", "brown", "Lee"};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The generated students of each PSU, as the server should order them. */
    private static final Map<String, List<String[]>> STUDENTS = new java.util.HashMap<>();
    private static final Map<String, String> TOKENS = new java.util.HashMap<>();

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @BeforeEach
    void load() throws Exception {
        if (STUDENTS.isEmpty()) {
            importPsu(SMALL, SMALL_SIZE);
            importPsu(LARGE, LARGE_SIZE);
            importPsu(CHANGING, 0);
        }
    }

    /** Imports a PSU's students and its administrator through the admin API's partial import (as a district loads). */
    private void importPsu(String psu, int size) {
        List<UserRepresentation> users = new ArrayList<>();
        List<String[]> students = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String username = psu + String.format("%07d", i);
            String school = psu + String.format("%03d", (i / LAST.length) % 10);
            // names spread over the alphabet and over case and accents, so that order is really checked
            String first = "Kid" + Integer.toString((i * 7919) % 1000, 36);
            String last = LAST[(i * 31) % LAST.length];
            UserRepresentation user = new UserRepresentation();
            user.setUsername(username);
            user.setFirstName(first);
            user.setLastName(last);
            user.setEnabled(true);
            user.setRealmRoles(List.of("student"));
            user.setAttributes(Map.of("psuCode", List.of(psu), "schoolCode", List.of(school),
                    "gradeLevel", List.of(String.valueOf(i % 7 - 1))));
            users.add(user);
            students.add(new String[]{username, first, last, school, String.valueOf(i % 7 - 1)});
        }
        UserRepresentation admin = new UserRepresentation();
        admin.setUsername("lea-admin." + psu);
        admin.setFirstName("Scale");
        admin.setLastName("Admin " + psu);
        admin.setEmail("lea-admin." + psu + "@example.org");
        admin.setEnabled(true);
        admin.setRealmRoles(List.of("employee", "lea-administrator"));
        admin.setAttributes(Map.of("psuCode", List.of(psu)));
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(DemoRealm.PASSWORD);
        password.setTemporary(false);
        // the demo realm asks LEA administrators for their authenticator app: the demo's
        admin.setCredentials(List.of(password, TestUsers.demoAuthenticatorApp()));
        users.add(admin);
        PartialImportRepresentation partial = new PartialImportRepresentation();
        partial.setIfResourceExists("SKIP");
        partial.setUsers(users);
        try (var response = realm.admin().partialImport(partial)) {
            assertEquals(200, response.getStatus(), () -> response.readEntity(String.class));
        }
        students.sort(Comparator.comparing((String[] s) -> s[2].toLowerCase(Locale.ROOT))
                .thenComparing(s -> s[1].toLowerCase(Locale.ROOT)).thenComparing(s -> s[0]));
        STUDENTS.put(psu, students);
    }

    private String token(String psu) throws Exception {
        String token = TOKENS.get(psu);
        if (token == null) {
            token = Badges.accessToken(realm.getBaseUrl(), "lea-admin." + psu, DemoRealm.PASSWORD);
            TOKENS.put(psu, token);
        }
        return token;
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(urls.getBase() + "/admin/realms/" + DemoRealm.NAME + "/" + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode getJson(String psu, String path) throws Exception {
        return getJsonAs(token(psu), path);
    }

    private JsonNode getJsonAs(String token, String path) throws Exception {
        HttpResponse<String> response = get(token, path);
        assertEquals(200, response.statusCode(), () -> path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private JsonNode probe() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/k12-test-probe/work"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        return JSON.readTree(response.body());
    }

    /** The database work of one call: statements prepared and entities loaded, the least of three tries (other work of the server only adds). */
    private long[] work(String psu, String path) throws Exception {
        getJson(psu, path); // warm: the realm's caches, the caller's token
        long[] least = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        for (int attempt = 0; attempt < 3; attempt++) {
            JsonNode before = probe();
            getJson(psu, path);
            JsonNode after = probe();
            least[0] = Math.min(least[0], after.path("statements").asLong() - before.path("statements").asLong());
            least[1] = Math.min(least[1], after.path("entityLoads").asLong() - before.path("entityLoads").asLong());
            least[2] = Math.min(least[2], after.path("collectionLoads").asLong() - before.path("collectionLoads").asLong());
        }
        return least;
    }

    @Test
    @DisplayName("a first page, a school's, a grade's, 'me' and the defaults' first page cost the same work in both PSUs")
    void workDoesNotGrowWithThePsu() throws Exception {
        for (String view : List.of("k12-badges/students?max=50", "k12-badges/students?school=%s001&max=50",
                "k12-badges/students?grade=2&max=50", "k12-badges/me", "k12-badges/classes?school=%s001",
                "k12-default-passwords/students?max=50", "k12-default-passwords/students?school=%s001&grade=3&max=50")) {
            long[] small = work(SMALL, view.formatted(SMALL));
            long[] large = work(LARGE, view.formatted(LARGE));
            assertTrue(small[0] > 0, () -> view + " ran no statement at all: the probe sees nothing");
            assertEquals(small[0], large[0], () -> view + ": statements for 50 students " + small[0] + ", for 2,000 " + large[0]);
            assertEquals(small[1], large[1], () -> view + ": entities loaded for 50 students " + small[1] + ", for 2,000 " + large[1]);
            assertEquals(small[2], large[2], () -> view + ": collections loaded for 50 students " + small[2] + ", for 2,000 " + large[2]);
        }
    }

    @Test
    @DisplayName("pages are exact: totals, roster order (last name, first name, username) and a deep page")
    void pagesAreExact() throws Exception {
        for (String psu : List.of(SMALL, LARGE)) {
            List<String[]> expected = STUDENTS.get(psu);
            JsonNode first = getJson(psu, "k12-badges/students?max=50");
            assertEquals(expected.size(), first.path("total").asInt());
            assertEquals(usernames(expected.subList(0, 50)), usernames(first.path("students")));
            int deep = expected.size() - 7;
            JsonNode last = getJson(psu, "k12-badges/students?max=50&first=" + deep);
            assertEquals(usernames(expected.subList(deep, expected.size())), usernames(last.path("students")));
            List<String[]> school = expected.stream().filter(s -> s[3].equals(psu + "003")).toList();
            JsonNode schoolPage = getJson(psu, "k12-badges/students?school=" + psu + "003&max=200");
            assertEquals(school.size(), schoolPage.path("total").asInt());
            assertEquals(usernames(school.subList(0, Math.min(200, school.size()))), usernames(schoolPage.path("students")));
            List<String[]> grade = expected.stream().filter(s -> s[4].equals("4")).toList();
            JsonNode gradePage = getJson(psu, "k12-badges/students?grade=4&max=20&first=3");
            assertEquals(grade.size(), gradePage.path("total").asInt());
            assertEquals(usernames(grade.subList(3, Math.min(23, grade.size()))), usernames(gradePage.path("students")));
        }
        // another PSU's administrator sees none of them
        assertEquals(0, getJson(SMALL, "k12-badges/students?school=" + LARGE + "001").path("total").asInt());
    }

    @Test
    @DisplayName("the defaults' CSV of 2,000 students is whole, in roster order")
    void exportIsWhole() throws Exception {
        HttpResponse<String> csv = get(token(LARGE), "k12-default-passwords/students.csv");
        assertEquals(200, csv.statusCode(), csv::body);
        String[] lines = csv.body().split("\r?\n");
        assertEquals(LARGE_SIZE + 1, lines.length);
        List<String[]> expected = STUDENTS.get(LARGE);
        for (int i = 0; i < LARGE_SIZE; i += 97) {
            assertTrue(lines[i + 1].startsWith("\"" + expected.get(i)[0] + "\","), "line " + (i + 1) + ": " + lines[i + 1]);
        }
    }

    @Test
    @DisplayName("a page of 200 students leaves the user cache as it was")
    void userCacheUntouched() throws Exception {
        realm.admin().clearUserCache();
        long before = probe().path("cachedUsers").asLong();
        getJson(LARGE, "k12-badges/students?max=200");
        getJson(LARGE, "k12-default-passwords/students?max=200");
        long after = probe().path("cachedUsers").asLong();
        assertTrue(after - before <= 5, "the user cache grew from " + before + " to " + after);
    }

    @Test
    @DisplayName("the roster follows every change to a student: names, school, grade, role, removal of an attribute, deletion")
    void rosterFollowsChanges() throws Exception {
        TestUsers users = new TestUsers(realm.admin());
        try {
            String school = CHANGING + "001";
            String other = CHANGING + "002";
            String zed = users.create(CHANGING + "0000001", "Zed", "Zulu", List.of("student"), List.of(),
                    Map.of("psuCode", List.of(CHANGING), "schoolCode", List.of(school), "gradeLevel", List.of("1")), null);
            String amy = users.create(CHANGING + "0000002", "Amy", "Mills", List.of("student"), List.of(),
                    Map.of("psuCode", List.of(CHANGING), "schoolCode", List.of(school), "gradeLevel", List.of("1")), null);
            assertEquals(List.of(CHANGING + "0000002", CHANGING + "0000001"), schoolUsernames(school));

            // a new last name moves Zed to the front
            UserRepresentation zedNow = realm.admin().users().get(zed).toRepresentation();
            zedNow.setLastName("Abbott");
            realm.admin().users().get(zed).update(zedNow);
            assertEquals(List.of(CHANGING + "0000001", CHANGING + "0000002"), schoolUsernames(school));

            // a new school and grade move Amy
            UserRepresentation amyNow = realm.admin().users().get(amy).toRepresentation();
            amyNow.setAttributes(new java.util.HashMap<>(Map.of("psuCode", List.of(CHANGING), "schoolCode", List.of(other), "gradeLevel", List.of("2"))));
            realm.admin().users().get(amy).update(amyNow);
            assertEquals(List.of(CHANGING + "0000001"), schoolUsernames(school));
            assertEquals(List.of(CHANGING + "0000002"), schoolUsernames(other));
            assertEquals(1, getJson(CHANGING, "k12-badges/students?grade=2").path("total").asInt());

            // the school attribute removed altogether: in no school any more, still in the PSU
            amyNow = realm.admin().users().get(amy).toRepresentation();
            amyNow.setAttributes(new java.util.HashMap<>(Map.of("psuCode", List.of(CHANGING), "gradeLevel", List.of("2"))));
            realm.admin().users().get(amy).update(amyNow);
            assertEquals(0, getJson(CHANGING, "k12-badges/students?school=" + other).path("total").asInt());
            assertEquals(2, getJson(CHANGING, "k12-badges/students").path("total").asInt());

            // the student role taken away: not a student any more
            realm.admin().users().get(amy).roles().realmLevel().remove(List.of(realm.admin().roles().get("student").toRepresentation()));
            assertEquals(1, getJson(CHANGING, "k12-badges/students").path("total").asInt());

            // deleted: gone
            realm.admin().users().delete(zed).close();
            assertEquals(0, getJson(CHANGING, "k12-badges/students").path("total").asInt());
        } finally {
            users.removeAll();
        }
    }

    @Test
    @DisplayName("a teacher who also administers a PSU sees their class and the whole PSU, each student once, in roster order")
    void teacherAndAdministrator() throws Exception {
        TestUsers users = new TestUsers(realm.admin());
        try {
            users.createWith("teacher-admin." + SMALL, "Both", "Roles", List.of("employee", "teacher", "lea-administrator"),
                    List.of("/psu-920/920304/prek-garcia"), Map.of("psuCode", List.of(SMALL)),
                    List.of(TestUsers.passwordSetDaysAgo(DemoRealm.PASSWORD, 0), TestUsers.demoAuthenticatorApp()));
            JsonNode garcia = getJsonAs(Badges.accessToken(realm.getBaseUrl(), "t.garcia", DemoRealm.PASSWORD), "k12-badges/students?max=200");
            List<String[]> expected = new ArrayList<>(STUDENTS.get(SMALL));
            garcia.path("students").forEach(student -> expected.add(new String[]{student.path("username").asText(),
                    student.path("firstName").asText(), student.path("lastName").asText()}));
            assertTrue(garcia.path("total").asInt() > 0, "t.garcia's class has no students");
            expected.sort(Comparator.comparing((String[] s) -> s[2].toLowerCase(Locale.ROOT))
                    .thenComparing(s -> s[1].toLowerCase(Locale.ROOT)).thenComparing(s -> s[0]));

            String token = Badges.accessToken(realm.getBaseUrl(), "teacher-admin." + SMALL, DemoRealm.PASSWORD);
            JsonNode first = getJsonAs(token, "k12-badges/students?max=30");
            assertEquals(expected.size(), first.path("total").asInt());
            assertEquals(usernames(expected.subList(0, 30)), usernames(first.path("students")));
            JsonNode rest = getJsonAs(token, "k12-badges/students?max=200&first=30");
            assertEquals(usernames(expected.subList(30, expected.size())), usernames(rest.path("students")));
        } finally {
            users.removeAll();
        }
    }

    private List<String> schoolUsernames(String school) throws Exception {
        JsonNode page = getJson(CHANGING, "k12-badges/students?school=" + school);
        assertEquals(page.path("students").size(), page.path("total").asInt(), page::toString);
        return usernames(page.path("students"));
    }

    private static List<String> usernames(List<String[]> students) {
        return students.stream().map(s -> s[0]).toList();
    }

    private static List<String> usernames(JsonNode students) {
        List<String> names = new ArrayList<>();
        students.forEach(student -> names.add(student.path("username").asText()));
        return names;
    }
}
