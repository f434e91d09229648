package org.k12id.it.passwords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.it.support.Browser;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.IdentifierFirst;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.PasswordPolicies;
import org.k12id.it.support.Oidc;
import org.k12id.it.support.TestUsers;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given a person on the update-password page")
class PasswordChecklistIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    private TestUsers users;
    private String demoPolicy;
    private Browser browser;
    private String endpoint;
    private Map<String, String> session;

    @BeforeEach
    void onUpdatePasswordPage() throws Exception {
        demoPolicy = PasswordPolicies.get(realm.admin());
        users = new TestUsers(realm.admin());
        users.create("k12-checklist-user", "Liam", "O'Brien", List.of("student"), List.of(), Map.of(),
                TestUsers.temporaryPassword("Temp2026pass"));
        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        browser = new Browser();
        Browser.Page update = IdentifierFirst.login(browser, browser.get(app.authorizationUrl()), "k12-checklist-user",
                "Temp2026pass");
        URI action = URI.create(update.form("#kc-passwd-update-form").absUrl("action"));
        session = new LinkedHashMap<>();
        for (String pair : action.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            session.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        endpoint = realm.getBaseUrl() + "/k12-password-rules/check";
    }

    @AfterEach
    void tearDown() {
        PasswordPolicies.set(realm.admin(), demoPolicy);
        users.removeAll();
    }

    private JsonNode check(Browser who, String password) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("password", password);
        form.put("client_id", session.get("client_id"));
        form.put("tab_id", session.get("tab_id"));
        Browser.Page answer = who.post(endpoint, form);
        assertEquals(200, answer.status(), answer.body());
        assertFalse(password.length() > 3 && answer.body().contains(password), "the password is never echoed");
        return JSON.readTree(answer.body());
    }

    private static Map<String, Boolean> states(JsonNode result) {
        Map<String, Boolean> states = new LinkedHashMap<>();
        // a rule judged only when the form is sent has no "met" at all
        result.path("rules").forEach(r -> states.put(r.path("policy").asText(),
                r.path("met").isBoolean() ? r.path("met").asBoolean() : null));
        return states;
    }

    @Test
    @DisplayName("the checklist lists the realm's rules in reading order and judges each one as the server does")
    void judgesEachRule() throws Exception {
        JsonNode empty = check(browser, "");
        assertEquals(List.of("length", "maxLength", "upperCase", "lowerCase", "digits", "k12-not-names",
                "notContainsUsername", "k12-no-whitespace", "k12-not-begin-or-end-with"), List.copyOf(states(empty).keySet()));
        assertEquals("At least 8 characters", empty.path("rules").get(0).path("text").asText());
        assertEquals("Password Does Not Meet Requirements", empty.path("summary").asText());

        Map<String, Boolean> names = states(check(browser, "Obrien2026x"));
        assertEquals(Boolean.FALSE, names.get("k12-not-names"));
        assertEquals(Boolean.TRUE, names.get("length"));

        JsonNode edge = check(browser, "Goodpass12!");
        assertEquals(Boolean.FALSE, states(edge).get("k12-not-begin-or-end-with"));
        assertFalse(edge.path("met").asBoolean());

        JsonNode good = check(browser, "Goodpass12");
        assertTrue(good.path("met").asBoolean(), good.toString());
        assertEquals("Password Meets Requirements", good.path("summary").asText());
    }

    @Test
    @DisplayName("change the policy in the admin console and the checklist follows, with no code change")
    void followsThePolicy() throws Exception {
        PasswordPolicies.set(realm.admin(), "length(12) and specialChars(2) and passwordHistory(3)");
        JsonNode result = check(browser, "Goodpass12");
        assertEquals(List.of("length", "specialChars", "passwordHistory"), List.copyOf(states(result).keySet()));
        assertEquals("At least 12 characters", result.path("rules").get(0).path("text").asText());
        assertEquals("At least 2 special characters such as # or %", result.path("rules").get(1).path("text").asText());
        assertNull(states(result).get("passwordHistory"), "history is judged when the form is sent");
        assertFalse(result.path("met").asBoolean());
        assertTrue(check(browser, "Good#pass%word12").path("met").asBoolean());
    }

    @Test
    @DisplayName("without the person's own login session the endpoint says nothing about anyone")
    void needsTheLoginSession() throws Exception {
        Browser stranger = new Browser();
        Map<String, String> form = new LinkedHashMap<>(Map.of("password", "Goodpass12", "client_id",
                session.get("client_id"), "tab_id", session.get("tab_id")));
        Browser.Page answer = stranger.post(endpoint, form);
        assertEquals(400, answer.status());
        assertFalse(answer.body().contains("rules"));

        form.put("tab_id", "");
        assertEquals(400, browser.post(endpoint, form).status());
        form.put("tab_id", session.get("tab_id"));
        form.put("password", "x".repeat(2000));
        assertEquals(400, browser.post(endpoint, form).status());
    }

}
