package org.k12id.it.defaultpasswords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.it.support.Badges;
import org.k12id.it.support.Browser;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.IdentifierFirst;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.Oidc;
import org.k12id.it.support.TestUsers;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/** Regenerate Student Default Passwords on the real server: who may, what it touches, and what reset and force do. */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given students of a test school 920999 in grades 3, 4 and 5")
class RegenerationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private TestUsers users;
    private final Map<String, String> byGrade = new HashMap<>();

    @BeforeEach
    void setUp() {
        users = new TestUsers(realm.admin());
        for (String grade : List.of("3", "4", "5")) {
            String username = "91000009" + grade + "0";
            byGrade.put(grade, users.create(username, "Regen", "Grade" + grade, List.of("student"), List.of(),
                    Map.of("psuCode", List.of("920"), "schoolCode", List.of("920999"), "gradeLevel", List.of(grade),
                            "studentNumber", List.of(username)), TestUsers.passwordSetDaysAgo("Oldpassword9", 1)));
        }
    }

    @AfterEach
    void tearDown() {
        users.removeAll();
    }

    private record Answer(int status, JsonNode json) {
    }

    private Answer call(String username, String method, String path, String body) throws Exception {
        String token = Badges.accessToken(realm.getBaseUrl(), username, DemoRealm.PASSWORD);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(urls.getBase() + "/admin/realms/" + DemoRealm.NAME
                + "/k12-default-passwords/" + path)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body()));
    }

    private JsonNode awaitFinished(String id) throws Exception {
        for (int i = 0; i < 60; i++) {
            JsonNode request = call("lea-admin.920", "GET", "requests/" + id, null).json();
            String status = request.path("status").asText();
            if (!status.equals("queued") && !status.equals("running")) {
                return request;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("request " + id + " did not finish");
    }

    private Map<String, String> defaults() throws Exception {
        Map<String, String> defaults = new HashMap<>();
        for (JsonNode row : call("lea-admin.920", "GET", "students?school=920999", null).json().path("students")) {
            defaults.put(row.path("id").asText(), row.path("defaultPassword").isNull() || row.path("defaultPassword").isMissingNode()
                    ? null : row.path("defaultPassword").asText());
        }
        return defaults;
    }

    @Test
    @DisplayName("only an LEA administrator of the PSU may submit; bad values are all named; nothing changes")
    void onlyThePsusAdministratorMaySubmitAndRefusalsChangeNothing() throws Exception {
        String form = "{\"psuCode\":\"920\",\"campusCodes\":\"920999\"}";
        int before = call("lea-admin.920", "GET", "requests?psu=920", null).json().path("requests").size();
        for (String who : List.of("t.jones", "lea-auditor.920", "lea-admin.32A", "9000000013", "g.okafor")) {
            assertEquals(403, call(who, "POST", "requests", form).status(), who);
        }
        Answer bad = call("lea-admin.920", "POST", "requests",
                "{\"psuCode\":\"920\",\"campusCodes\":\"920999,32A000,XY\",\"gradeLevels\":\"3,99\"}");
        assertEquals(400, bad.status(), bad.json()::toString);
        Set<String> named = new TreeSet<>();
        bad.json().path("problems").forEach(p -> named.add(p.path("value").asText()));
        assertEquals(Set.of("32A000", "XY", "99"), named);
        assertEquals(before, call("lea-admin.920", "GET", "requests?psu=920", null).json().path("requests").size(),
                "no request was recorded");
        assertTrue(defaults().values().stream().allMatch(value -> value == null), "no default was made");
    }

    @Test
    @DisplayName("one school's grades 3 and 4 with reset and force: exactly those students, and their next login asks for a new password")
    void regeneratesExactlyTheChosenStudentsAndForcesANewPassword() throws Exception {
        Answer submitted = call("lea-admin.920", "POST", "requests",
                "{\"psuCode\":\"920\",\"campusCodes\":\"920999\",\"gradeLevels\":\"3,4\",\"resetPasswords\":true,"
                        + "\"forceChange\":true,\"comments\":\"spring\"}");
        assertEquals(202, submitted.status(), submitted.json()::toString);
        JsonNode done = awaitFinished(submitted.json().path("id").asText());
        assertEquals("completed", done.path("status").asText(), done::toString);
        assertEquals(2, done.path("counts").path("targeted").asInt(), done::toString);
        assertEquals(2, done.path("counts").path("regenerated").asInt(), done::toString);
        assertEquals(2, done.path("counts").path("reset").asInt());
        assertEquals(0, done.path("counts").path("failed").asInt());
        assertEquals("lea-admin.920", done.path("requester").asText());

        Map<String, String> defaults = defaults();
        String grade3 = defaults.get(byGrade.get("3"));
        assertTrue(grade3 != null && grade3.matches("[A-Z][a-z]+[2-9]+"), String.valueOf(grade3));
        assertTrue(defaults.get(byGrade.get("4")) != null);
        assertNull(defaults.get(byGrade.get("5")), "grade 5 was not asked for");

        String requestId = submitted.json().path("id").asText();
        JsonNode made = call("lea-admin.920", "GET", "students?request=" + requestId, null).json().path("students");
        assertEquals(2, made.size(), made::toString);
        assertEquals(Set.of("9100000930", "9100000940"), Set.of(made.get(0).path("username").asText(), made.get(1).path("username").asText()),
                "the request's students, and only they");
        assertEquals(grade3, made.get(0).path("username").asText().equals("9100000930") ? made.get(0).path("defaultPassword").asText()
                : made.get(1).path("defaultPassword").asText());
        assertEquals(404, call("lea-admin.920", "GET", "students?request=no-such-request", null).status());
        assertEquals(404, call("lea-admin.32A", "GET", "students?request=" + requestId, null).status(), "another PSU's request");
        assertEquals(404, call("t.jones", "GET", "students?request=" + requestId, null).status(), "teachers see no requests");
        assertEquals(404, call("lea-admin.32A", "GET", "students.csv?request=" + requestId, null).status());

        assertEquals(403, call("lea-auditor.920", "GET", "students?school=920999", null).status(), "auditors see no defaults");
        assertEquals(403, call("g.okafor", "GET", "students", null).status());
        assertTrue(call("t.jones", "GET", "students", null).json().path("students").toString().contains("9000000013"));
        assertFalse(call("t.jones", "GET", "students", null).json().path("students").toString().contains("9100000930"),
                "a teacher sees only the students of their classes");
        String token = Badges.accessToken(realm.getBaseUrl(), "lea-admin.920", DemoRealm.PASSWORD);
        HttpResponse<String> csv = HTTP.send(HttpRequest.newBuilder(URI.create(urls.getBase() + "/admin/realms/" + DemoRealm.NAME
                + "/k12-default-passwords/students.csv?school=920999")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().contains("\"username\",\"first_name\""), csv.body());
        assertTrue(csv.body().contains("\"9100000930\",\"Regen\",\"Grade3\",\"920999\",\"3\",\"" + grade3 + "\""), csv.body());
        List<String> actions = realm.admin().getAdminEvents().stream()
                .filter(e -> "K12_DEFAULT_PASSWORDS".equals(e.getResourceType())).map(e -> e.getDetails().get("k12_action")).toList();
        assertTrue(actions.containsAll(List.of("regenerate", "view", "export")), actions::toString);
        assertFalse(JSON.writeValueAsString(realm.admin().getAdminEvents()).contains(grade3), "no event carries a default");

        String stock = JSON.writeValueAsString(realm.admin().users().get(byGrade.get("3")).toRepresentation())
                + JSON.writeValueAsString(realm.admin().users().get(byGrade.get("3")).credentials());
        assertFalse(stock.contains(grade3), "the default appears in no stock admin representation");

        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        Browser browser = new Browser();
        Browser.Page page = IdentifierFirst.login(browser, browser.get(app.authorizationUrl()), "9100000930", grade3);
        assertNull(page.location(), "no way into the app before a new password is chosen");
        assertTrue(page.body().contains("password-new"), "the update-password page is shown");
    }
}
