package org.k12id.it.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

/**
 * Between the username and the password nobody has proved who they are: the password checklist must then answer the
 * same for every username, existing or not, and must not judge anyone's names.
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given a stranger on the password page, before any password")
class AccountDisclosureIT {

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    /** The checklist's answer for a login session that named {@code username} and went no further. */
    private Browser.Page checkBeforePassword(String username, String password) throws Exception {
        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        Browser browser = new Browser();
        Browser.Page passwordPage = IdentifierFirst.enterUsername(browser, browser.get(app.authorizationUrl()), username);
        URI action = URI.create(passwordPage.form("#kc-form-login").absUrl("action"));
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : action.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return browser.post(realm.getBaseUrl() + "/k12-password-rules/check",
                Map.of("password", password, "client_id", query.get("client_id"), "tab_id", query.get("tab_id")));
    }

    @Test
    @DisplayName("the checklist answers an existing and an unknown username byte for byte the same")
    void existingAndUnknownLookTheSame() throws Exception {
        Browser.Page existing = checkBeforePassword("t.garcia", "Goodpass12");
        Browser.Page unknown = checkBeforePassword("no.such.person", "Goodpass12");
        assertEquals(unknown.status(), existing.status());
        assertEquals(unknown.body(), existing.body());
        assertEquals(400, existing.status(), existing.body());
        assertFalse(existing.body().contains("rules"), existing.body());
    }

    @Test
    @DisplayName("no candidate name can be tested: a password with the person's real name answers like one without")
    void namesCannotBeTested() throws Exception {
        List<String> candidates = List.of("Garcia2026x", "Maria2026xy", "Smith2026xy", "Zzzzz2026xy");
        String first = checkBeforePassword("t.garcia", candidates.get(0)).body();
        for (String candidate : candidates) {
            Browser.Page answer = checkBeforePassword("t.garcia", candidate);
            assertEquals(first, answer.body(), candidate);
            assertFalse(answer.body().contains("k12-not-names"), candidate);
        }
    }
}
