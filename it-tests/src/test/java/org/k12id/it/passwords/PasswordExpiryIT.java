package org.k12id.it.passwords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.k12id.it.support.Browser;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.IdentifierFirst;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.Oidc;
import org.k12id.it.support.TestUsers;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given the demo realm's expiry by role (employee:90)")
class PasswordExpiryIT {

    static final String EXPIRED = "Your password is expired and must be updated before continuing.";
    static final String OLD_PASSWORD = "Oldpass2025x";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    private TestUsers users;
    private String groupId;

    @BeforeEach
    void setUp() {
        users = new TestUsers(realm.admin());
        GroupRepresentation group = new GroupRepresentation();
        group.setName("k12-expiry-staff");
        try (Response response = realm.admin().groups().add(group)) {
            String path = response.getLocation().getPath();
            groupId = path.substring(path.lastIndexOf('/') + 1);
        }
        RoleRepresentation employee = realm.admin().roles().get("employee").toRepresentation();
        realm.admin().groups().group(groupId).roles().realmLevel().add(List.of(employee));

        users.create("k12-exp-employee", "Dana", "Quinn", List.of("employee"), List.of(), Map.of(),
                TestUsers.passwordSetDaysAgo(OLD_PASSWORD, 91));
        users.create("k12-exp-teacher", "Robin", "Vega", List.of("teacher"), List.of(), Map.of(),
                TestUsers.passwordSetDaysAgo(OLD_PASSWORD, 91));
        users.create("k12-exp-grouped", "Kim", "Moss", List.of(), List.of("/k12-expiry-staff"), Map.of(),
                TestUsers.passwordSetDaysAgo(OLD_PASSWORD, 91));
        users.create("k12-exp-recent", "Lou", "Park", List.of("employee"), List.of(), Map.of(),
                TestUsers.passwordSetDaysAgo(OLD_PASSWORD, 89));
        users.create("k12-exp-student", "Ari", "Bell", List.of("student"), List.of(), Map.of(),
                TestUsers.passwordSetDaysAgo(OLD_PASSWORD, 730));
    }

    @AfterEach
    void tearDown() {
        users.removeAll();
        realm.admin().groups().group(groupId).remove();
    }

    @Test
    @DisplayName("the demo's e.expired (password set in 2020) is asked for a new password at once, without waiting 90 days")
    void demoExpiredEmployeeIsAskedAtOnce() throws Exception {
        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        Browser browser = new Browser();
        Browser.Page update = IdentifierFirst.login(browser, browser.get(app.authorizationUrl()), "e.expired", DemoRealm.PASSWORD);
        assertEquals(200, update.status(), update.body());
        assertNotNull(update.document().selectFirst("input#password-new"), update.body());
        assertTrue(update.document().text().contains(EXPIRED), update.body());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"k12-exp-employee", "k12-exp-teacher", "k12-exp-grouped"})
    @DisplayName("an employee (directly, through the teacher composite, or through a group) with a 91-day-old password must change it, then gets in")
    void expiredEmployeeMustChange(String username) throws Exception {
        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        Browser browser = new Browser();
        Browser.Page update = IdentifierFirst.login(browser, browser.get(app.authorizationUrl()), username, OLD_PASSWORD);

        assertEquals(200, update.status(), update.body());
        assertNotNull(update.document().selectFirst("input#password-new"), update.body());
        assertTrue(update.document().text().contains(EXPIRED), update.body());

        Browser.Page refused = browser.submit(update, "#kc-passwd-update-form",
                Map.of("password-new", "Goodpass12!", "password-confirm", "Goodpass12!"));
        assertEquals(200, refused.status());
        assertTrue(refused.document().text().contains("Password must not begin or end with !"), refused.body());

        Browser.Page done = browser.submit(refused, "#kc-passwd-update-form",
                Map.of("password-new", "Newpass2027", "password-confirm", "Newpass2027"));
        app.exchange(app.codeFrom(done));

        Oidc again = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        Browser fresh = new Browser();
        again.codeFrom(IdentifierFirst.login(fresh, fresh.get(again.authorizationUrl()), username, "Newpass2027"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"k12-exp-student", "k12-exp-recent"})
    @DisplayName("a student with a two-year-old password, or an employee with an 89-day-old one, goes straight in")
    void notExpired(String username) throws Exception {
        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        Browser browser = new Browser();
        Browser.Page done = IdentifierFirst.login(browser, browser.get(app.authorizationUrl()), username, OLD_PASSWORD);
        assertFalse(done.body().contains(EXPIRED));
        app.exchange(app.codeFrom(done));
    }

    @Test
    @DisplayName("the expired page is in Spanish for a Spanish speaker")
    void expiredPageIsInSpanishForASpanishSpeaker() throws Exception {
        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        Browser browser = new Browser();
        Browser.Page update = IdentifierFirst.login(browser, browser.get(app.authorizationUrl() + "&ui_locales=es"),
                "k12-exp-employee", OLD_PASSWORD);
        assertTrue(update.document().text().contains("Su contraseña ha caducado y debe cambiarla antes de continuar."),
                update.body());
    }
}
