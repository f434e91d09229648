package org.k12id.it.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.k12id.it.support.BadgeApi;
import org.k12id.it.support.Badges;
import org.k12id.it.support.Browser;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.IdentifierFirst;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.Oidc;
import org.k12id.it.support.TestUsers;
import org.k12id.realmconfig.district.DistrictGenerator;
import org.k12id.realmconfig.district.DistrictLoader;
import org.k12id.realmconfig.district.LoadJournal;
import org.k12id.realmconfig.district.DistrictSpec;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * A district's own realm, made fresh with the admin API (not the demo import), set up the way the README's "Install
 * into your own Keycloak" says: one call of the pack's setup, then the district's roster load (the district tool's
 * loader: groups for PSU, schools and classes, students, teachers, an LEA administrator) and one app of its own.
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Given a district's own fresh realm with the pack's setup applied and its roster loaded")
class DistrictSetupIT {

    static final String REALM = "district-setup";
    static final String PSU = "904";
    static final String PASSWORD = "Setup-pass1";
    static final String APP = "district-app";
    static final String APP_REDIRECT = "http://localhost:8400/callback";
    static final ObjectMapper JSON = new ObjectMapper();

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    /** The demo realm, to show it already holds the whole setup. */
    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm demo;

    private RealmResource realm;
    private final Map<String, String> tokens = new HashMap<>();
    private JsonNode firstApply;
    private String realmUrl;

    /** Once for the class (the framework injects before each test, so not in a @BeforeAll). */
    @BeforeEach
    void freshRealmSetUpAndLoaded() throws Exception {
        if (realm != null) {
            return;
        }
        RealmRepresentation fresh = new RealmRepresentation();
        fresh.setRealm(REALM);
        fresh.setEnabled(true);
        admin.realms().create(fresh);
        realm = admin.realm(REALM);
        realmUrl = urls.getBase() + "/realms/" + REALM;

        firstApply = applySetup(REALM);

        DistrictSpec spec = new DistrictSpec(11, PSU, "Setup Test Schools", 40, 10, 40, 6_400_000_001L, PASSWORD, 25);
        Path dir = Files.createTempDirectory("k12-setup-district");
        List<Path> files = new DistrictGenerator(spec).write(dir);
        new DistrictLoader(URI.create(urls.getBase()), REALM, "admin", "admin")
                .load(files, 2, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        LoadJournal.open(dir));

        // the district registers its app as it would any other
        ClientRepresentation app = new ClientRepresentation();
        app.setClientId(APP);
        app.setPublicClient(true);
        app.setRedirectUris(List.of(APP_REDIRECT));
        app.setDefaultClientScopes(List.of("basic", "profile", "k12-district"));
        app.setAttributes(Map.of("pkce.code.challenge.method", "S256"));
        try (Response created = realm.clients().create(app)) {
            assertEquals(201, created.getStatus());
        }
    }

    @AfterAll
    void removeRealm() {
        if (admin != null && realm != null) {
            admin.realm(REALM).remove();
        }
    }

    @Test
    @Order(1)
    @DisplayName("the setup names what it added: roles, profile attributes, scopes, the flow, the required action, the portal client, theme and rules")
    void firstApplyNamesItsChanges() {
        String changes = firstApply.path("changes").toString();
        for (String expected : List.of("realm role student added", "user profile attribute psuCode added",
                "user profile attribute email made optional", "client scope k12-district added", "flow k12 browser added",
                "browser flow bound to k12 browser", "required action k12-password-expiry-by-role registered",
                "client k12-portal added", "login theme set to k12", "password policy set")) {
            assertTrue(changes.contains(expected), () -> expected + " missing from " + changes);
        }
        RealmRepresentation now = realm.toRepresentation();
        assertEquals("k12 browser", now.getBrowserFlow());
        assertEquals("k12", now.getLoginTheme());
        assertTrue(now.getPasswordPolicy().contains("k12-expiry-by-role(employee:90)"), now.getPasswordPolicy());
        assertTrue(now.isBruteForceProtected());
    }

    @Test
    @Order(2)
    @DisplayName("a student signs in by password (no email asked for) and the app receives the district claims")
    void studentSignsInByPassword() throws Exception {
        UserRepresentation student = student("gradeLevel:4");
        JsonNode id = signInToApp(student.getUsername(), PASSWORD);
        assertEquals("4", id.path("gradeLevel").asText());
        assertEquals(PSU, id.path("psuCode").get(0).asText());
        assertEquals("password", id.path("k12_login_method").asText());
    }

    @Test
    @Order(3)
    @DisplayName("the LEA administrator issues a PreK-5 student a badge through the portal's client, and the student signs in with it")
    void studentSignsInByBadge() throws Exception {
        UserRepresentation student = student("gradeLevel:2");
        String token = portalToken("lea-admin." + PSU);
        Map.Entry<Integer, JsonNode> issued = Badges.issue(urls.getBase(), REALM, token, student.getId());
        assertEquals(200, issued.getKey(), issued.getValue()::toString);

        Oidc app = new Oidc(realmUrl, APP, null, APP_REDIRECT);
        Browser browser = new Browser();
        Browser.Page done = Badges.scan(browser, browser.get(app.authorizationUrl()), issued.getValue().path("payload").asText());
        JsonNode id = Oidc.claims(app.exchange(app.codeFrom(done)).get("id_token").asText());
        assertEquals(student.getUsername(), id.path("preferred_username").asText());
        assertEquals("badge", id.path("k12_login_method").asText());
    }

    @Test
    @Order(4)
    @DisplayName("a teacher sees their class and prints its badges")
    void teacherSeesAndPrintsTheClass() throws Exception {
        UserRepresentation teacher = realm.users().searchByAttributes(0, 100, true, true, "psuCode:" + PSU).stream()
                .filter(u -> u.getUsername().startsWith("t.") && u.getUsername().contains(".g2-")).findFirst().orElseThrow();
        BadgeApi api = new BadgeApi(urls.getBase(), REALM, portalToken(teacher.getUsername()));
        BadgeApi.Answer me = api.get("me");
        assertEquals(200, me.status(), me::toString);
        JsonNode classes = me.json().path("classes");
        assertEquals(1, classes.size(), me::toString);
        String classId = classes.get(0).path("id").asText();

        BadgeApi.Answer students = api.get("students?class=" + classId);
        assertEquals(200, students.status(), students::toString);
        assertTrue(students.json().path("total").asInt() > 0, students::toString);

        BadgeApi.Answer printed = api.post("print", "{\"classId\":\"" + classId + "\"}");
        assertEquals(200, printed.status(), printed::toString);
        assertTrue(printed.contentType().startsWith("application/pdf"));
    }

    @Test
    @Order(5)
    @DisplayName("the LEA administrator sees school names, not only codes")
    void administratorSeesSchoolNames() throws Exception {
        BadgeApi api = new BadgeApi(urls.getBase(), REALM, portalToken("lea-admin." + PSU));
        BadgeApi.Answer page = api.get("students?max=5");
        assertEquals(200, page.status(), page::toString);
        JsonNode first = page.json().path("students").get(0);
        assertNotNull(first);
        assertNotEquals(first.path("school").asText(), first.path("schoolName").asText(), page::toString);
        assertFalse(first.path("schoolName").asText().isEmpty());
    }

    @Test
    @Order(6)
    @DisplayName("an employee whose password is 100 days old must change it at sign-in (expiry by role)")
    void expiryByRoleWorks() throws Exception {
        TestUsers users = new TestUsers(realm);
        try {
            users.create("e.setup.expired", "Eve", "Long", List.of("employee"), List.of(),
                    Map.of("psuCode", List.of(PSU), "staffId", List.of("S904000001")), TestUsers.passwordSetDaysAgo(PASSWORD, 100));
            Oidc app = new Oidc(realmUrl, APP, null, APP_REDIRECT);
            Browser browser = new Browser();
            Browser.Page update = IdentifierFirst.login(browser, browser.get(app.authorizationUrl()), "e.setup.expired", PASSWORD);
            assertEquals(200, update.status(), update.body());
            assertNotNull(update.document().selectFirst("input#password-new"), update.body());
            assertTrue(update.document().text().contains("Your password is expired"), update.body());
        } finally {
            users.removeAll();
        }
    }

    @Test
    @Order(7)
    @DisplayName("applying the setup again changes nothing")
    void secondApplyChangesNothing() throws Exception {
        RealmRepresentation before = realm.toRepresentation();
        JsonNode again = applySetup(REALM);
        assertEquals(0, again.path("changes").size(), again::toString);
        RealmRepresentation after = realm.toRepresentation();
        assertEquals(JSON.writeValueAsString(before), JSON.writeValueAsString(after));
        assertEquals(1, realm.flows().getFlows().stream().filter(f -> f.getAlias().equals("k12 browser")).count());
    }

    @Test
    @Order(8)
    @DisplayName("the demo realm already is the setup (plus the demo people): applying it there changes nothing")
    void demoRealmHoldsTheWholeSetup() throws Exception {
        JsonNode onDemo = applySetup(DemoRealm.NAME);
        assertEquals(0, onDemo.path("changes").size(), onDemo::toString);
    }

    @Test
    @Order(9)
    @DisplayName("only someone who may manage the realm applies the setup")
    void onlyRealmManagersApply() throws Exception {
        String teacherToken = portalToken(realm.users().searchByAttributes(0, 100, true, true, "psuCode:" + PSU).stream()
                .filter(u -> u.getUsername().startsWith("t.")).findFirst().orElseThrow().getUsername());
        HttpResponse<String> refused = post(REALM, teacherToken);
        assertEquals(403, refused.statusCode(), refused::body);
    }

    // --- as the README does it ---

    /** POST /admin/realms/{realm}/k12-setup with the master administrator's token; the answer. */
    private JsonNode applySetup(String realmName) throws Exception {
        HttpResponse<String> answer = post(realmName, masterToken());
        assertEquals(200, answer.statusCode(), answer::body);
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> post(String realmName, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(urls.getBase() + "/admin/realms/" + realmName + "/k12-setup"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String masterToken() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(urls.getBase() + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer::body);
        return JSON.readTree(answer.body()).path("access_token").asText();
    }

    /**
     * A member of staff signs in to the pack's portal client (public, PKCE), as the portal page does. Once per person:
     * the pack's setup asks LEA administrators for their authenticator app, whose code Keycloak takes once.
     */
    private String portalToken(String username) throws Exception {
        String kept = tokens.get(username);
        if (kept != null) {
            return kept;
        }
        Oidc portal = new Oidc(realmUrl, "k12-portal", null, realmUrl + "/k12-portal/");
        Browser browser = Browser.stoppingAt(realmUrl + "/k12-portal/");
        Browser.Page done = IdentifierFirst.login(browser, browser.get(portal.authorizationUrl()), username, PASSWORD);
        String token = portal.exchange(portal.codeFrom(done)).get("access_token").asText();
        tokens.put(username, token);
        return token;
    }

    private JsonNode signInToApp(String username, String password) throws Exception {
        Oidc app = new Oidc(realmUrl, APP, null, APP_REDIRECT);
        Browser browser = new Browser();
        Browser.Page done = IdentifierFirst.login(browser, browser.get(app.authorizationUrl()), username, password);
        return Oidc.claims(app.exchange(app.codeFrom(done)).get("id_token").asText());
    }

    private UserRepresentation student(String filter) {
        return realm.users().searchByAttributes(0, 100, true, true, "psuCode:" + PSU + " " + filter).stream()
                .filter(u -> !u.getUsername().contains(".")).findFirst().orElseThrow(() -> new AssertionError("no student " + filter));
    }
}
