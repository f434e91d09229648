package org.k12id.it.passwords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.BadRequestException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.PasswordPolicies;
import org.k12id.it.support.TestUsers;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given the state's password rules as password policies")
class PasswordPolicyIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    private String demoPolicy;
    private TestUsers users;
    private String userId;

    @BeforeEach
    void setUp() {
        demoPolicy = PasswordPolicies.get(realm.admin());
        users = new TestUsers(realm.admin());
        userId = users.create("k12-policy-user", "María José", "O'Brien-Pérez", List.of("employee"), List.of(),
                Map.of(), null);
    }

    @AfterEach
    void restore() {
        PasswordPolicies.set(realm.admin(), demoPolicy);
        users.removeAll();
    }

    @ParameterizedTest(name = "{0}: \"{1}\" refused with {2}, \"{4}\" accepted")
    @CsvSource(delimiter = '|', value = {
            "k12-not-names(3)             | Obrien2026x     | k12.password.notNames          | Password must not contain your first or last name. | Tarheel2026",
            "k12-not-names(3)             | xxJOSE2026      | k12.password.notNames          | Password must not contain your first or last name. | Tarheel2026",
            "k12-not-names(3)             | Perez2026xx     | k12.password.notNames          | Password must not contain your first or last name. | Tarheel2026",
            "k12-no-whitespace            | 'Good pass12'   | k12.password.noWhitespace      | Password must not contain spaces.                  | Goodpass12",
            "k12-no-whitespace            | 'Good\u3000pass1' | k12.password.noWhitespace    | Password must not contain spaces.                  | Goodpass12",
            "k12-not-begin-or-end-with(!) | Goodpass12!     | k12.password.notBeginOrEndWith | Password must not begin or end with !              | Good!pass12",
            "k12-not-begin-or-end-with(!) | !Goodpass12     | k12.password.notBeginOrEndWith | Password must not begin or end with !              | Good!pass12",
            "k12-not-begin-or-end-with(#) | Goodpass12#     | k12.password.notBeginOrEndWith | Password must not begin or end with #              | Goodpass12!",
    })
    @DisplayName("each policy, set through the admin REST API, makes the admin reset-password call refuse with its own message")
    void adminResetPassword(String policy, String bad, String key, String text, String good) throws Exception {
        PasswordPolicies.set(realm.admin(), policy);
        BadRequestException refused = assertThrows(BadRequestException.class, () -> resetPassword(bad));
        assertEquals(400, refused.getResponse().getStatus());
        JsonNode body = JSON.readTree(refused.getResponse().readEntity(String.class));
        assertEquals(key, body.path("error").asText());
        assertEquals(text, body.path("error_description").asText());
        assertFalse(body.toString().contains("José") || body.toString().contains("Brien"), "never echoes the name");

        resetPassword(good);
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @CsvSource(delimiter = '|', value = {
            "k12-expiry-by-role(employee:abc)         | Invalid config for k12-expiry-by-role: \"employee:abc\" is not role:days, e.g. employee:90",
            "k12-expiry-by-role(employee:0)           | Invalid config for k12-expiry-by-role: \"employee:0\": days must be from 1 to 3650",
            "k12-not-names(0)                         | Invalid config for k12-not-names: The shortest name part must be a whole number from 1 to 64",
            "k12-not-names(abc)                       | Invalid config for k12-not-names: The shortest name part must be a whole number from 1 to 64",
            "k12-not-begin-or-end-with(!\t?)          | Invalid config for k12-not-begin-or-end-with: Give 1 to 32 characters, with no spaces, e.g. !",
    })
    @DisplayName("an invalid policy config is refused with a clear message, and the realm keeps its policy")
    void invalidConfig(String policy, String message) throws Exception {
        BadRequestException refused = assertThrows(BadRequestException.class, () -> PasswordPolicies.set(realm.admin(), policy));
        JsonNode body = JSON.readTree(refused.getResponse().readEntity(String.class));
        assertEquals(message, body.path("errorMessage").asText(body.path("error").asText()));
        assertEquals(demoPolicy, PasswordPolicies.get(realm.admin()));
    }

    @ParameterizedTest(name = "\"{0}\" is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "Short1a          | invalidPasswordMinLengthMessage",
            "Waytoolong123456x | invalidPasswordMaxLengthMessage",
            "alllower123      | invalidPasswordMinUpperCaseCharsMessage",
            "ALLUPPER123      | invalidPasswordMinLowerCaseCharsMessage",
            "NoDigitsHere     | invalidPasswordMinDigitsMessage",
            "k12-policy-userA | invalidPasswordNotContainsUsernameMessage",
            "Obrien2026x      | k12.password.notNames",
            "'Good pass12'    | k12.password.noWhitespace",
            "Goodpass12!      | k12.password.notBeginOrEndWith",
            "!Goodpass12      | k12.password.notBeginOrEndWith",
    })
    @DisplayName("the demo realm enforces every rule of the state's password policy")
    void demoRealmEnforcesEveryRule(String bad, String key) throws Exception {
        BadRequestException refused = assertThrows(BadRequestException.class, () -> resetPassword(bad));
        assertEquals(key, JSON.readTree(refused.getResponse().readEntity(String.class)).path("error").asText());
    }

    @Test
    @DisplayName("the demo realm's policy lists the whole rule set, and a password that keeps every rule is accepted")
    void demoPolicy() {
        for (String rule : List.of("length(8)", "maxLength(16)", "upperCase(1)", "lowerCase(1)", "digits(1)",
                "notContainsUsername", "k12-not-names(3)", "k12-no-whitespace", "k12-not-begin-or-end-with(!)",
                "k12-expiry-by-role(employee:90)")) {
            assertTrue(demoPolicy.contains(rule), () -> rule + " missing from " + demoPolicy);
        }
        resetPassword("Tarheel2026");
    }


    private void resetPassword(String password) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        realm.admin().users().get(userId).resetPassword(credential);
    }
}
