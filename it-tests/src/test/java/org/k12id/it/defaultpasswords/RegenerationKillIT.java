package org.k12id.it.defaultpasswords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.it.support.Badges;
import org.k12id.it.support.Browser;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.IdentifierFirst;
import org.k12id.it.support.Oidc;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.SecondServer;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * kill -9 in the middle of a large request, then a restart on the same database: every student is either fully done
 * (default recorded and password reset to it) or untouched, the request's counts say exactly how many, and the request
 * resumes where it stopped and completes. Runs its own server (a copy of the distribution on a file database).
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given a server killed while it regenerates 800 students' passwords")
class RegenerationKillIT {

    /** Not used here: it makes the framework unpack the distribution this test copies. */
    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int STUDENTS = 800;

    private String base;

    private JsonNode send(String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token);
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, () -> method + " " + path + ": " + response.statusCode() + " " + response.body());
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private String masterToken() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    private List<JsonNode> students(String token) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        JsonNode page;
        do {
            page = send(token, "GET", "/admin/realms/k12-demo/k12-default-passwords/students?school=920997&max=1000&first=" + all.size(), null);
            page.path("students").forEach(all::add);
        } while (page.path("students").size() > 0 && all.size() < page.path("total").asInt());
        return all;
    }

    private void assertLogsIn(String username, String password) throws Exception {
        Oidc app = new Oidc(base + "/realms/k12-demo", DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        Browser browser = new Browser();
        Browser.Page page = IdentifierFirst.login(browser, browser.get(app.authorizationUrl()), username, password);
        assertNotNull(page.location(), () -> username + " did not get in with the recorded default");
        assertTrue(page.location().startsWith(DemoRealm.PUBLIC_APP_REDIRECT), page.location());
    }

    @Test
    @DisplayName("after the restart each student is wholly done or untouched, the counts are exact, and the request completes")
    void killAndResume() throws Exception {
        try (SecondServer server = SecondServer.prepare()) {
            server.start();
            base = server.url();
            ObjectNode students = JSON.createObjectNode().put("ifResourceExists", "SKIP");
            ArrayNode list = students.putArray("users");
            for (int i = 1; i <= STUDENTS; i++) {
                String username = String.format("66%08d", i);
                ObjectNode user = list.addObject().put("username", username).put("enabled", true)
                        .put("firstName", "Kill").put("lastName", "Test");
                ObjectNode attributes = user.putObject("attributes");
                attributes.putArray("psuCode").add("920");
                attributes.putArray("schoolCode").add("920997");
                attributes.putArray("gradeLevel").add("2");
                attributes.putArray("studentNumber").add(username);
                user.putArray("realmRoles").add("student");
            }
            send(masterToken(), "POST", "/admin/realms/k12-demo/partialImport", students.toString());

            String lea = Badges.accessToken(base + "/realms/k12-demo", "lea-admin.920", DemoRealm.PASSWORD);
            String id = send(lea, "POST", "/admin/realms/k12-demo/k12-default-passwords/requests",
                    "{\"psuCode\":\"920\",\"campusCodes\":\"920997\",\"resetPasswords\":true}").path("id").asText();
            JsonNode before = null;
            for (int i = 0; i < 600; i++) {
                before = send(lea, "GET", "/admin/realms/k12-demo/k12-default-passwords/requests/" + id, null);
                if (before.path("counts").path("regenerated").asInt() >= 250) {
                    break;
                }
                Thread.sleep(200);
            }
            assertEquals("running", before.path("status").asText(), before::toString);
            server.kill();

            server.start();
            lea = Badges.accessToken(base + "/realms/k12-demo", "lea-admin.920", DemoRealm.PASSWORD);
            JsonNode after = send(lea, "GET", "/admin/realms/k12-demo/k12-default-passwords/requests/" + id, null);
            int regenerated = after.path("counts").path("regenerated").asInt();
            List<JsonNode> rows = students(lea);
            List<JsonNode> done = rows.stream().filter(s -> s.hasNonNull("defaultPassword")).toList();
            if ("running".equals(after.path("status").asText())) {
                // before the takeover: the table and the counts agree exactly
                assertEquals(regenerated, done.size(), after::toString);
                assertEquals(regenerated, after.path("counts").path("reset").asInt());
            }
            // the embedded H2 writes its log a moment after each commit, so the kill may lose the last chunk or two
            // it had committed: lost together with their counts, as one transaction
            assertTrue(regenerated > 0 && regenerated < STUDENTS, after::toString);
            JsonNode lastDone = done.get(done.size() - 1);
            assertLogsIn(lastDone.path("username").asText(), lastDone.path("defaultPassword").asText());
            JsonNode untouched = rows.stream().filter(s -> !s.hasNonNull("defaultPassword")).findFirst().orElseThrow();
            String master = masterToken();
            assertEquals("[]", send(master, "GET", "/admin/realms/k12-demo/users/" + untouched.path("id").asText() + "/credentials",
                    null).toString(), "a student not yet done has no password set: untouched");

            JsonNode finished = after;
            for (int i = 0; i < 400 && !"completed".equals(finished.path("status").asText()); i++) {
                Thread.sleep(500);
                finished = send(lea, "GET", "/admin/realms/k12-demo/k12-default-passwords/requests/" + id, null);
            }
            assertEquals("completed", finished.path("status").asText(), finished::toString);
            assertEquals(STUDENTS, finished.path("counts").path("targeted").asInt());
            assertEquals(STUDENTS, finished.path("counts").path("regenerated").asInt(), finished::toString);
            assertEquals(STUDENTS, finished.path("counts").path("reset").asInt());
            assertEquals(0, finished.path("counts").path("failed").asInt());
            List<JsonNode> all = students(lea);
            assertEquals(STUDENTS, all.stream().filter(s -> s.hasNonNull("defaultPassword")).count());
            JsonNode last = all.get(all.size() - 1);
            assertLogsIn(last.path("username").asText(), last.path("defaultPassword").asText());
        }
    }
}
