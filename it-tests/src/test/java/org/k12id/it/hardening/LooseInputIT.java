package org.k12id.it.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.it.support.Badges;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.RawHttp;
import org.k12id.it.support.TestUsers;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/** What the outside review sent the pack's endpoints, answered as it must be: a 400 naming the field, never a 500. */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given loose and broken input to the pack's endpoints")
class LooseInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PORTAL_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private TestUsers users;
    private String admin;

    @BeforeEach
    void setUp() throws Exception {
        users = new TestUsers(realm.admin());
        admin = Badges.accessToken(realm.getBaseUrl(), "lea-admin.920", DemoRealm.PASSWORD);
    }

    @AfterEach
    void tearDown() {
        users.removeAll();
    }

    private String api(String path) {
        return urls.getBase() + "/admin/realms/" + DemoRealm.NAME + "/" + path;
    }

    private RawHttp.Answer asAdmin(String method, String path, String json) throws Exception {
        return RawHttp.send(method, api(path), json == null ? Map.of("Authorization", "Bearer " + admin)
                : Map.of("Authorization", "Bearer " + admin, "Content-Type", "application/json"), json);
    }

    private static void assertBadField(RawHttp.Answer answer, String field) throws Exception {
        assertEquals(400, answer.status(), answer::toString);
        JsonNode body = JSON.readTree(answer.body());
        boolean named = field.equals(body.path("field").asText());
        for (JsonNode problem : body.path("problems")) {
            named |= field.equals(problem.path("field").asText());
        }
        assertTrue(named, "the answer names " + field + ": " + answer);
    }

    private int requestsOf920() throws Exception {
        return JSON.readTree(asAdmin("GET", "k12-default-passwords/requests?psu=920", null).body()).path("requests").size();
    }

    @Test
    @DisplayName("a regeneration form with 400 campus codes is a 400 naming campusCodes, and nothing is recorded")
    void manyCampusCodes() throws Exception {
        StringBuilder codes = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            codes.append(i == 0 ? "" : ",").append(String.format("920%03d", i));
        }
        int before = requestsOf920();
        assertBadField(asAdmin("POST", "k12-default-passwords/requests",
                "{\"psuCode\":\"920\",\"campusCodes\":\"" + codes + "\"}"), "campusCodes");
        assertEquals(before, requestsOf920());
    }

    @Test
    @DisplayName("codes, enums and numbers are read strictly: a NUL after a PSU, a4 with a space, Arabic-Indic digits")
    void strictCodesEnumsAndNumbers() throws Exception {
        int before = requestsOf920();
        assertBadField(asAdmin("POST", "k12-default-passwords/requests", "{\"psuCode\":\"920\\u0000\"}"), "psuCode");
        assertBadField(asAdmin("POST", "k12-default-passwords/requests", "{\"psuCode\":\"\\u000b920\"}"), "psuCode");
        assertBadField(asAdmin("POST", "k12-default-passwords/requests",
                "{\"psuCode\":\"920\",\"gradeLevels\":\"\\u0663\"}"), "gradeLevels");
        assertEquals(before, requestsOf920());

        String student = users.create("9100000701", "Strict", "Input", List.of("student"), List.of(),
                Map.of("psuCode", List.of("920"), "schoolCode", List.of("920304"), "gradeLevel", List.of("2")), null);
        assertBadField(asAdmin("POST", "k12-badges/print", "{\"userIds\":[\"" + student + "\"],\"paper\":\"a4 \"}"), "paper");
        assertBadField(asAdmin("POST", "k12-badges/print", "{\"userIds\":[\"" + student + "\"],\"layout\":\"Cards\"}"), "layout");
        assertNull(realm.admin().users().get(student).credentials().stream()
                .filter(c -> "k12-badge".equals(c.getType())).findFirst().orElse(null), "no badge was issued");

        assertBadField(asAdmin("GET", "k12-badges/students?first=%D9%A3", null), "first");
        assertBadField(asAdmin("GET", "k12-badges/students?max=%D9%A2%D9%A0%D9%A0", null), "max");
        assertEquals(200, asAdmin("GET", "k12-badges/students?first=3&max=200", null).status());
    }

    @Test
    @DisplayName("the checklist answers 400 naming the body for a broken percent-escape and a truncated multipart body")
    void checklistBodies() throws Exception {
        String check = realm.getBaseUrl() + "/k12-password-rules/check";
        assertBadField(RawHttp.send("POST", check, Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "password=%ZZ&client_id=x&tab_id=y"), "body");
        assertBadField(RawHttp.send("POST", check, Map.of("Content-Type", "multipart/form-data; boundary=k12"),
                "--k12\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nabc"), "body");
        assertBadField(RawHttp.send("POST", check, Map.of("Content-Type", "multipart/form-data"), "--"), "body");
        assertBadField(RawHttp.send("POST", check, Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-16"),
                "a=b"), "body");
    }

    @Test
    @DisplayName("every portal answer carries the portal's own strict headers, not the realm's looser ones")
    void portalHeaders() throws Exception {
        String portal = realm.getBaseUrl() + "/k12-portal";
        for (String path : List.of("/", "/k12-portal.js", "/k12-portal-sign-in.js", "/k12-portal.css", "/messages_es.json",
                "/no-such-file", "")) {
            RawHttp.Answer answer = RawHttp.send("GET", portal + path, Map.of(), (byte[]) null);
            assertEquals(PORTAL_CSP, answer.header("Content-Security-Policy"), path);
            assertEquals(1, answer.response().headers().allValues("Content-Security-Policy").size(), path);
            assertEquals("DENY", answer.header("X-Frame-Options"), path);
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), path);
            assertEquals("no-referrer", answer.header("Referrer-Policy"), path);
        }
    }

    @Test
    @DisplayName("the default-password CSV keeps a PreK grade a number (-3), with no apostrophe before it")
    void csvKeepsNumbers() throws Exception {
        users.create("9100000702", "Csv", "Prek", List.of("student"), List.of(),
                Map.of("psuCode", List.of("920"), "schoolCode", List.of("920997"), "gradeLevel", List.of("-3"),
                        "studentNumber", List.of("9100000702")), null);
        RawHttp.Answer submitted = asAdmin("POST", "k12-default-passwords/requests", "{\"psuCode\":\"920\",\"campusCodes\":\"920997\"}");
        assertEquals(202, submitted.status(), submitted::toString);
        String id = JSON.readTree(submitted.body()).path("id").asText();
        for (int i = 0; i < 60 && !JSON.readTree(asAdmin("GET", "k12-default-passwords/requests/" + id, null).body())
                .path("status").asText().equals("completed"); i++) {
            Thread.sleep(500);
        }
        RawHttp.Answer csv = asAdmin("GET", "k12-default-passwords/students.csv?school=920997", null);
        assertEquals(200, csv.status(), csv::toString);
        assertTrue(csv.body().contains("\"9100000702\",\"Csv\",\"Prek\",\"920997\",\"-3\","), csv.body());
        assertFalse(csv.body().contains("'-3"), csv.body());
    }
}
