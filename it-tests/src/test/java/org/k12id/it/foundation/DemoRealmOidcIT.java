package org.k12id.it.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.it.support.Browser;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.IdentifierFirst;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.Oidc;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given the demo district realm, imported from realm-config")
class DemoRealmOidcIT {

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @Test
    @DisplayName("a teacher signs in to the public PKCE app through username, Go, password, Go and gets the district claims")
    void teacherSignsInWithPkce() throws Exception {
        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        Browser browser = new Browser();
        Browser.Page usernamePage = browser.get(app.authorizationUrl());

        Document page = usernamePage.document();
        assertFalse(page.select("link[href*=/login/k12/css/k12.css]").isEmpty(),
                "the login page should be in the pack's k12 theme:\n" + usernamePage.body());
        assertEquals("Demo School District", page.selectFirst("#kc-header-wrapper").text());

        Browser.Page done = IdentifierFirst.login(browser, usernamePage, "t.garcia", DemoRealm.PASSWORD);
        JsonNode tokens = app.exchange(app.codeFrom(done));
        JsonNode id = Oidc.claims(tokens.get("id_token").asText());

        assertEquals("t.garcia", id.get("preferred_username").asText());
        assertEquals(List.of("920"), strings(id.get("psuCode")));
        assertEquals(List.of("920304"), strings(id.get("schoolCode")));
        assertTrue(strings(id.get("roles")).containsAll(List.of("teacher", "employee")), "roles: " + id.get("roles"));
        assertNull(id.get("gradeLevel"), "a teacher has no grade level");
        JsonNode access = Oidc.claims(tokens.get("access_token").asText());
        assertEquals(List.of("920"), strings(access.get("psuCode")));
    }

    @Test
    @DisplayName("a student signs in to the confidential app and its tokens carry grade level and student number")
    void studentSignsInToConfidentialApp() throws Exception {
        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.CONFIDENTIAL_APP, DemoRealm.CONFIDENTIAL_APP_SECRET,
                DemoRealm.CONFIDENTIAL_APP_REDIRECT);
        Browser browser = new Browser();
        Browser.Page done = IdentifierFirst.login(browser, browser.get(app.authorizationUrl()), "9000000013",
                DemoRealm.PASSWORD);
        JsonNode id = Oidc.claims(app.exchange(app.codeFrom(done)).get("id_token").asText());

        assertEquals("3", id.get("gradeLevel").asText());
        assertEquals("9000000013", id.get("studentNumber").asText());
        assertEquals(List.of("920"), strings(id.get("psuCode")));
        assertEquals(List.of("920304"), strings(id.get("schoolCode")));
        assertTrue(strings(id.get("roles")).contains("student"), "roles: " + id.get("roles"));
        assertFalse(strings(id.get("roles")).contains("employee"), "roles: " + id.get("roles"));
    }

    @Test
    @DisplayName("a wrong password keeps the person on the password page with the state's message, and no code for the app")
    void wrongPassword() throws Exception {
        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        Browser browser = new Browser();
        Browser.Page answer = IdentifierFirst.login(browser, browser.get(app.authorizationUrl()), "e.clark",
                "Wrong-password-1");
        assertEquals(200, answer.status());
        assertNull(answer.location());
        assertNotNull(answer.document().selectFirst("input[name=password]"));
        assertTrue(answer.document().select("#input-error-password, .kc-feedback-text, .pf-m-error").text()
                .contains("Could not authenticate using provided credentials"), answer.body());
    }

    @Test
    @DisplayName("an unknown or disabled username looks exactly like a real one: the password page, then the same refusal")
    void noAccountDisclosure() throws Exception {
        org.keycloak.representations.idm.UserRepresentation disabled = realm.admin().users().search("e.clark").get(0);
        disabled.setEnabled(false);
        realm.admin().users().get(disabled.getId()).update(disabled);
        try {
            String real = refusal("t.smith");
            assertEquals(real, refusal("nobody-at-all").replace("nobody-at-all", "t.smith"));
            assertEquals(real, refusal("e.clark").replace("e.clark", "t.smith"));
        } finally {
            disabled.setEnabled(true);
            realm.admin().users().get(disabled.getId()).update(disabled);
        }
    }

    /** The text a person reads after a wrong password for {@code username}. */
    private String refusal(String username) throws Exception {
        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        Browser browser = new Browser();
        Browser.Page answer = IdentifierFirst.login(browser, browser.get(app.authorizationUrl()), username, "Wrong-pass-12");
        assertEquals(200, answer.status());
        assertNotNull(answer.document().selectFirst("input[name=password]"));
        return answer.document().selectFirst("main").text();
    }

    @Test
    @DisplayName("the pages speak Spanish when asked: the button says Ir")
    void pagesSpeakSpanishWhenAsked() throws Exception {
        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        Browser browser = new Browser();
        Browser.Page page = browser.get(app.authorizationUrl() + "&ui_locales=es");
        assertEquals("Ir", page.document().selectFirst("#kc-login").text());
        assertEquals("es", page.document().selectFirst("html").attr("lang"));
        // usted throughout, Keycloak's own texts too (issue 16)
        assertTrue(page.document().title().startsWith("Inicie sesión en"), page.document().title());
        Browser.Page passwordPage = browser.submit(page, "#kc-form-login", Map.of("username", "t.smith"));
        assertEquals("Ir", passwordPage.document().selectFirst("#kc-login").text());
        assertEquals("Escriba su contraseña", passwordPage.document().selectFirst("#kc-page-title").text());
    }

    static List<String> strings(JsonNode node) {
        assertNotNull(node, "claim missing");
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }
}
