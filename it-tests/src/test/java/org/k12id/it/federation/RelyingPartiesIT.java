package org.k12id.it.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.it.support.ApacheRelyingParty;
import org.k12id.it.support.Chromium;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.K12ServerConfig;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two independent, real apps sign district people in through the pack's Keycloak, in headless Chromium: Apache httpd
 * with mod_auth_openidc (OIDC) and with mod_auth_mellon (SAML, encrypted assertions), both Debian's packages, in one
 * httpd started once for the class ({@link ApacheRelyingParty}). Each test reads what the app itself received: the
 * module's variables and mod_auth_openidc's info hook (ID token and userinfo).
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given two real apps, Apache httpd with mod_auth_openidc (OIDC) and with mod_auth_mellon (SAML)")
class RelyingPartiesIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    private static final List<String> DISTRICT_CLAIMS = List.of("psuCode", "schoolCode", "gradeLevel", "studentNumber",
            "staffId", "username", "roles", "k12_login_method");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The student of the tests: Ethan Thomas, grade 3 at Pine Elementary, born 2017-01-13. */
    private static final String STUDENT = "9000000013";
    private static final List<String> STUDENT_BIRTHDATE = List.of("20170113", "2017-01-13");
    /** The teacher of the tests: Alice Jones, grades 3-5 at Pine Elementary, born 1985-03-15. */
    private static final String TEACHER = "t.jones";
    private static final List<String> TEACHER_BIRTHDATE = List.of("19850315", "1985-03-15");
    /**
     * The student of the single logout test, signed in nowhere else: mod_auth_mellon finds the session a
     * LogoutRequest ends by its NameID alone, so with a second session of the same person (another browser, another
     * test) it may pick that one, and lasso refuses the request ("Unknown principal on logout").
     */
    private static final String SLO_STUDENT = "9000000014";

    private static ApacheRelyingParty apps;

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    private final List<WebDriver> browsers = new ArrayList<>();

    /** One httpd for the class, started by the first test (the realm is injected into instances only). */
    @BeforeEach
    void startApps() throws Exception {
        if (apps == null) {
            apps = ApacheRelyingParty.start(realm.admin(), realm.getBaseUrl());
        }
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    @AfterAll
    static void stopApps() {
        if (apps != null) {
            apps.close();
            apps = null;
        }
    }

    @Test
    @DisplayName("a student signs in to the OIDC app: ID token and userinfo carry the district claims, and no birthdate")
    void studentSignsInToOidcApp() throws Exception {
        WebDriver browser = browser();
        openAndSignIn(browser, apps.oidcPage(), STUDENT);

        Map<String, List<String>> passed = ApacheRelyingParty.variables(pageText(browser));
        assertEquals(List.of(STUDENT), passed.get("OIDC_CLAIM_preferred_username"), () -> "the app got: " + passed);

        JsonNode info = oidcInfo(browser);
        JsonNode id = info.path("id_token");
        assertEquals(STUDENT, text(id, "preferred_username"));
        assertEquals(List.of("920"), array(id, "psuCode"));
        assertEquals(List.of("920304"), array(id, "schoolCode"));
        assertEquals("3", text(id, "gradeLevel"));
        assertEquals(STUDENT, text(id, "studentNumber"));
        assertEquals(STUDENT, text(id, "username"));
        assertEquals(List.of("student"), array(id, "roles"), "roles are the K12 realm roles only");
        assertEquals("password", text(id, "k12_login_method"));
        assertUserinfoMatches(info);
        assertNoBirthdate(info, STUDENT_BIRTHDATE);
    }

    @Test
    @DisplayName("the student, signed in to the OIDC app, opens the SAML app with no login page; mellon gets the attributes")
    void studentThenSamlAppBySingleSignOn() throws Exception {
        WebDriver browser = browser();
        openAndSignIn(browser, apps.oidcPage(), STUDENT);
        openBySingleSignOn(browser, apps.samlPage());

        String page = pageText(browser);
        Map<String, List<String>> attributes = ApacheRelyingParty.samlAttributes(page);
        Map<String, List<String>> variables = ApacheRelyingParty.variables(page);
        assertEquals(List.of("true"), variables.get("ASSERTION_ENCRYPTED"), "the assertion comes encrypted:\n" + page);
        assertEquals(List.of("920"), attributes.get("psuCode"), page);
        assertEquals(List.of("920304"), attributes.get("schoolCode"), page);
        assertEquals(List.of("3"), attributes.get("gradeLevel"), page);
        assertEquals(List.of(STUDENT), attributes.get("studentNumber"), page);
        assertEquals(List.of(STUDENT), attributes.get("username"), page);
        assertEquals(List.of("password"), attributes.get("k12_login_method"), page);
        assertRoles(Set.of("student"), attributes, variables, page);
        assertNoBirthdateAttribute(attributes, STUDENT_BIRTHDATE);

        String nameId = persistentNameId(variables, page);
        assertNotEquals(STUDENT, nameId, "the NameID is not the username");

        WebDriver later = browser();
        openAndSignIn(later, apps.samlPage(), STUDENT);
        String again = pageText(later);
        assertEquals(List.of(nameId), ApacheRelyingParty.variables(again).get("MELLON_NAME_ID"),
                "the same persistent NameID at the next login:\n" + again);
    }

    @Test
    @DisplayName("a teacher signs in to the SAML app, then to the OIDC app by single sign-on: staffId and roles on both")
    void teacherSamlThenOidc() throws Exception {
        WebDriver browser = browser();
        openAndSignIn(browser, apps.samlPage(), TEACHER);
        String page = pageText(browser);
        Map<String, List<String>> attributes = ApacheRelyingParty.samlAttributes(page);
        Map<String, List<String>> variables = ApacheRelyingParty.variables(page);
        assertEquals(List.of("true"), variables.get("ASSERTION_ENCRYPTED"), "the assertion comes encrypted:\n" + page);
        assertEquals(List.of("920"), attributes.get("psuCode"), page);
        assertEquals(List.of("920304"), attributes.get("schoolCode"), page);
        assertEquals(List.of("92000103"), attributes.get("staffId"), page);
        assertEquals(List.of(TEACHER), attributes.get("username"), page);
        assertEquals(List.of("password"), attributes.get("k12_login_method"), page);
        assertNull(attributes.get("gradeLevel"), "a teacher has no grade level:\n" + page);
        assertRoles(Set.of("teacher", "employee"), attributes, variables, page);
        assertNoBirthdateAttribute(attributes, TEACHER_BIRTHDATE);
        String nameId = persistentNameId(variables, page);
        assertNotEquals(TEACHER, nameId, "the NameID is not the username");

        openBySingleSignOn(browser, apps.oidcPage());
        JsonNode info = oidcInfo(browser);
        JsonNode id = info.path("id_token");
        assertEquals(TEACHER, text(id, "preferred_username"));
        assertEquals(List.of("920"), array(id, "psuCode"));
        assertEquals(List.of("920304"), array(id, "schoolCode"));
        assertEquals(List.of("92000103"), values(id, "staffId"));
        assertEquals(TEACHER, text(id, "username"));
        assertEquals(Set.of("teacher", "employee"), new HashSet<>(array(id, "roles")));
        assertEquals(2, array(id, "roles").size(), "roles: " + id.get("roles"));
        assertEquals("password", text(id, "k12_login_method"));
        assertNull(id.get("gradeLevel"), "a teacher has no grade level: " + id);
        assertUserinfoMatches(info);
        assertNoBirthdate(info, TEACHER_BIRTHDATE);
    }

    @Test
    @DisplayName("signing out of the OIDC app ends the SAML app's session and Keycloak's: both apps ask for a login again")
    void singleLogout() {
        WebDriver browser = browser();
        openAndSignIn(browser, apps.oidcPage(), SLO_STUDENT);
        openBySingleSignOn(browser, apps.samlPage());
        assertEquals(List.of(SLO_STUDENT), ApacheRelyingParty.samlAttributes(pageText(browser)).get("studentNumber"));

        browser.get(apps.oidcLogout());
        waitUntil(browser, () -> browser.getCurrentUrl().equals(apps.signedOutPage()), "the logout should end at "
                + apps.signedOutPage());

        browser.get(apps.samlPage());
        assertLoginPage(browser, "the SAML app's session should be gone");
        browser.get(apps.oidcPage());
        assertLoginPage(browser, "the OIDC app's session should be gone");
    }

    // ---- the browser

    private WebDriver browser() {
        WebDriver browser = Chromium.start();
        browsers.add(browser);
        return browser;
    }

    /** Opens an app page, is sent to the realm's login, signs in (username, Go; password, Go) and lands on the page. */
    private void openAndSignIn(WebDriver browser, String appPage, String username) {
        browser.get(appPage);
        waitUntil(browser, () -> onLoginPage(browser), "the app should send the browser to the realm's login page");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("kc-login")).click();
        waitUntil(browser, () -> !browser.findElements(By.id("password")).isEmpty(), "the password step");
        browser.findElement(By.id("password")).sendKeys(DemoRealm.PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        waitUntil(browser, () -> browser.getCurrentUrl().equals(appPage), "back at " + appPage);
    }

    /** Opens an app page with a Keycloak session: the browser lands on it with no login page on the way. */
    private void openBySingleSignOn(WebDriver browser, String appPage) {
        browser.get(appPage);
        waitUntil(browser, () -> browser.getCurrentUrl().equals(appPage) || onLoginPage(browser),
                "single sign-on to " + appPage);
        assertFalse(onLoginPage(browser), "single sign-on should not show the login page");
    }

    private void assertLoginPage(WebDriver browser, String why) {
        waitUntil(browser, () -> onLoginPage(browser), why + ": the realm's login page");
    }

    private boolean onLoginPage(WebDriver browser) {
        return browser.getCurrentUrl().startsWith(realm.getBaseUrl() + "/")
                && !browser.findElements(By.id("username")).isEmpty();
    }

    /** The page's text as the app wrote it (Chromium shows text/plain and JSON in a pre element). */
    private static String pageText(WebDriver browser) {
        Object text = ((JavascriptExecutor) browser).executeScript(
                "var pre = document.querySelector('pre'); return pre ? pre.textContent : document.body.innerText;");
        return String.valueOf(text);
    }

    private JsonNode oidcInfo(WebDriver browser) throws Exception {
        browser.get(apps.oidcInfo());
        String body = pageText(browser);
        JsonNode info = JSON.readTree(body);
        assertTrue(info.path("id_token").isObject(), () -> "no id_token in the info hook: " + body);
        return info;
    }

    private void waitUntil(WebDriver browser, java.util.function.BooleanSupplier condition, String what) {
        new WebDriverWait(browser, WAIT)
                .ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> what + "; the browser is at " + browser.getCurrentUrl() + ":\n" + visibleText(browser)
                        + "\n--- httpd error log:\n" + apps.errorLogTail())
                .until(d -> condition.getAsBoolean());
    }

    private static String visibleText(WebDriver browser) {
        try {
            return browser.findElements(By.tagName("body")).stream().map(WebElement::getText).findFirst().orElse("");
        } catch (RuntimeException e) {
            return "(no page)";
        }
    }

    // ---- what the apps received

    /** mod_auth_openidc fetched userinfo from Keycloak, and it carries the same district claims as the ID token. */
    private static void assertUserinfoMatches(JsonNode info) {
        JsonNode id = info.path("id_token");
        JsonNode userinfo = info.path("userinfo");
        assertTrue(userinfo.isObject() && userinfo.size() > 0, "no userinfo: " + info);
        assertEquals(id.get("sub"), userinfo.get("sub"));
        for (String claim : DISTRICT_CLAIMS) {
            assertEquals(id.get(claim), userinfo.get(claim), "userinfo's " + claim + " differs from the ID token's");
        }
    }

    /** Neither the ID token nor userinfo has a birthdate claim, nor any value holding the person's birthdate. */
    private static void assertNoBirthdate(JsonNode info, List<String> birthdate) {
        for (String part : List.of("id_token", "userinfo")) {
            List<String> found = new ArrayList<>();
            birthdates(info.path(part), part, birthdate, found);
            assertEquals(List.of(), found, "birthdate in the app's " + part + ": " + info.path(part));
        }
    }

    private static void birthdates(JsonNode node, String path, List<String> birthdate, List<String> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().toLowerCase(Locale.ROOT).contains("birth")) {
                    found.add(path + "." + field.getKey());
                }
                birthdates(field.getValue(), path + "." + field.getKey(), birthdate, found);
            });
        } else if (node.isArray()) {
            node.forEach(value -> birthdates(value, path + "[]", birthdate, found));
        } else if (birthdate.stream().anyMatch(node.asText()::contains)) {
            found.add(path + " = " + node.asText());
        }
    }

    private static void assertNoBirthdateAttribute(Map<String, List<String>> attributes, List<String> birthdate) {
        attributes.forEach((name, values) -> {
            assertFalse(name.toLowerCase(Locale.ROOT).contains("birth"), "a birthdate attribute: " + name);
            for (String value : values) {
                assertTrue(value == null || birthdate.stream().noneMatch(value::contains),
                        "the birthdate in attribute " + name + ": " + value);
            }
        });
    }

    /** Exactly these roles, in one multi-valued Role attribute (one Attribute element in the assertion). */
    private static void assertRoles(Set<String> expected, Map<String, List<String>> attributes,
            Map<String, List<String>> variables, String page) {
        List<String> roles = attributes.get("Role");
        assertNotNull(roles, "no Role attribute:\n" + page);
        assertEquals(expected, new HashSet<>(roles), "Role values:\n" + page);
        assertEquals(expected.size(), roles.size(), "Role values:\n" + page);
        long elements = variables.getOrDefault("ASSERTION_ATTRIBUTE_ELEMENT", List.of()).stream()
                .filter("Role"::equals).count();
        assertEquals(1, elements, "one Role attribute with every value, not one attribute per role:\n" + page);
    }

    /** mellon's NameID, which must be persistent. */
    private static String persistentNameId(Map<String, List<String>> variables, String page) {
        List<String> nameId = variables.get("MELLON_NAME_ID");
        assertNotNull(nameId, "no NameID:\n" + page);
        assertEquals(List.of(PERSISTENT), variables.get("MELLON_NAME_ID_FORMAT"), "the NameID's format:\n" + page);
        return nameId.get(0);
    }

    private static String text(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        assertNotNull(value, "no claim " + name + " in " + claims);
        assertTrue(value.isTextual(), name + " should be a string: " + value);
        return value.asText();
    }

    private static List<String> array(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        assertNotNull(value, "no claim " + name + " in " + claims);
        assertTrue(value.isArray(), name + " should be an array: " + value);
        return values(claims, name);
    }

    /** A claim's values, whether it is one string or an array of them. */
    private static List<String> values(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        assertNotNull(value, "no claim " + name + " in " + claims);
        List<String> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> values.add(v.asText()));
        } else {
            values.add(value.asText());
        }
        return values;
    }
}
