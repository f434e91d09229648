package org.k12id.it.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.it.support.Browser;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.IdentifierFirst;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.Oidc;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/** What OIDC apps receive: what they need and no more (docs/data-model.md, "Apps and what they receive"). */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given the apps of the demo district and a freshly added one")
class AppPrivacyIT {

    private static final String PROBE = "k12-privacy-probe";
    private static final String PROBE_REDIRECT = "http://localhost:8403/callback";
    /** Ethan Thomas's birthdate in the demo realm. */
    private static final String STUDENT_BIRTHDATE = "20170113";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    private String probeId;

    @AfterEach
    void removeProbe() {
        if (probeId != null) {
            realm.admin().clients().get(probeId).remove();
            probeId = null;
        }
    }

    /** A new public client with the realm's defaults and every other OIDC client scope of the realm as optional. */
    private List<String> freshClientWithEveryScope() {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(PROBE);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setRedirectUris(List.of(PROBE_REDIRECT));
        client.setAttributes(Map.of("pkce.code.challenge.method", "S256"));
        try (Response created = realm.admin().clients().create(client)) {
            assertEquals(201, created.getStatus());
        }
        probeId = realm.admin().clients().findByClientId(PROBE).get(0).getId();
        ClientResource probe = realm.admin().clients().get(probeId);
        List<String> defaults = probe.getDefaultClientScopes().stream().map(ClientScopeRepresentation::getName).toList();
        List<String> optional = new ArrayList<>();
        for (ClientScopeRepresentation scope : realm.admin().clientScopes().findAll()) {
            if ("openid-connect".equals(scope.getProtocol()) && !defaults.contains(scope.getName())) {
                probe.removeOptionalClientScope(scope.getId());
                probe.addOptionalClientScope(scope.getId());
                optional.add(scope.getName());
            }
        }
        assertTrue(optional.contains("k12-district") && optional.contains("phone") && optional.contains("address"), optional::toString);
        return optional;
    }

    private record Received(JsonNode id, JsonNode access, JsonNode userinfo) {
        List<JsonNode> all() {
            return List.of(id, access, userinfo);
        }
    }

    private Received signIn(Oidc app, String scope, String username) throws Exception {
        Browser browser = new Browser();
        Browser.Page done = IdentifierFirst.login(browser, browser.get(app.authorizationUrl(scope)), username, DemoRealm.PASSWORD);
        JsonNode tokens = app.exchange(app.codeFrom(done));
        String access = tokens.get("access_token").asText();
        return new Received(Oidc.claims(tokens.get("id_token").asText()), Oidc.claims(access), app.userinfo(access));
    }

    private static void assertNoBirthdate(JsonNode node, String where) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                assertFalse(name.toLowerCase().contains("birth"), where + " has claim " + name);
                assertNoBirthdate(node.get(name), where + "." + name);
            });
        } else if (node.isArray()) {
            node.forEach(child -> assertNoBirthdate(child, where));
        } else {
            assertFalse(node.asText().contains(STUDENT_BIRTHDATE), where + " carries the birthdate");
        }
    }

    @Test
    @DisplayName("no birthdate reaches any app: every default and optional scope, ID token, access token and userinfo")
    void noBirthdateAnywhere() throws Exception {
        List<String> optional = freshClientWithEveryScope();
        Oidc probe = new Oidc(realm.getBaseUrl(), PROBE, null, PROBE_REDIRECT);
        Received fresh = signIn(probe, "openid " + String.join(" ", optional), "9000000013");
        assertEquals("9000000013", fresh.id().path("preferred_username").asText(), "the probe did get the profile scope");
        fresh.all().forEach(token -> assertNoBirthdate(token, "fresh client"));

        // a demo app with every optional scope it offers
        String demoId = realm.admin().clients().findByClientId(DemoRealm.PUBLIC_APP).get(0).getId();
        List<String> demoOptional = realm.admin().clients().get(demoId).getOptionalClientScopes().stream()
                .map(ClientScopeRepresentation::getName).toList();
        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        signIn(app, "openid " + String.join(" ", demoOptional), "9000000013").all()
                .forEach(token -> assertNoBirthdate(token, DemoRealm.PUBLIC_APP));
    }

    @Test
    @DisplayName("with k12-district as an optional scope, userinfo carries what the ID token carries")
    void userinfoMatchesTheIdToken() throws Exception {
        freshClientWithEveryScope();
        Oidc probe = new Oidc(realm.getBaseUrl(), PROBE, null, PROBE_REDIRECT);
        Received received = signIn(probe, "openid k12-district", "9000000013");
        for (String claim : List.of("psuCode", "schoolCode", "gradeLevel", "studentNumber", "username", "roles", "k12_login_method")) {
            assertTrue(received.id().has(claim), "ID token lacks " + claim + ": " + received.id());
            assertEquals(received.id().get(claim), received.userinfo().get(claim), claim);
        }
    }

    @Test
    @DisplayName("roles are the district's roles only, and every app can name the person: username, staffId or studentNumber")
    void rolesAndStableNames() throws Exception {
        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        Received student = signIn(app, "openid", "9000000013");
        assertEquals(List.of("student"), strings(student.id().get("roles")));
        assertEquals("9000000013", student.id().path("username").asText());
        assertEquals("9000000013", student.id().path("studentNumber").asText());
        assertNull(student.id().get("staffId"));

        Received teacher = signIn(app, "openid", "t.jones");
        assertEquals(List.of("employee", "teacher"), strings(teacher.id().get("roles")));
        assertEquals(List.of("employee", "teacher"), strings(teacher.userinfo().get("roles")));
        assertEquals("t.jones", teacher.id().path("username").asText());
        assertEquals("92000103", teacher.id().path("staffId").asText());
        assertEquals("92000103", teacher.userinfo().path("staffId").asText());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }
}
