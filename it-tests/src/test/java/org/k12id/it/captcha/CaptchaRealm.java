package org.k12id.it.captcha;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import org.k12id.it.support.Captchas;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A realm of the captcha tests only, so the demo realm's flows stay as other tests expect them: the k12 theme in English
 * and Spanish, one public app, one person, and a browser flow of "I'm Not a Robot" then Keycloak's username and password
 * form. Created once per test class and removed after it.
 */
final class CaptchaRealm {

    static final String APP = "captcha-app";
    static final String APP_REDIRECT = "http://localhost:8400/callback";
    static final String USERNAME = "captcha.person";
    static final String PASSWORD = "Blue2026river";
    static final String FLOW = "k12 captcha browser";
    static final String FIELD = "k12_captcha";

    private CaptchaRealm() {
    }

    /** Creates {@code name} with the captcha flow bound as its browser flow; its step's config id is returned. */
    static String create(Keycloak admin, String name) {
        RealmRepresentation rep = new RealmRepresentation();
        rep.setRealm(name);
        rep.setEnabled(true);
        rep.setLoginTheme("k12");
        rep.setInternationalizationEnabled(true);
        rep.setSupportedLocales(java.util.Set.of("en", "es"));
        rep.setDefaultLocale("en");

        ClientRepresentation app = new ClientRepresentation();
        app.setClientId(APP);
        app.setPublicClient(true);
        app.setStandardFlowEnabled(true);
        app.setRedirectUris(List.of(APP_REDIRECT));
        app.setAttributes(Map.of("pkce.code.challenge.method", "S256"));
        rep.setClients(List.of(app));

        UserRepresentation person = new UserRepresentation();
        person.setUsername(USERNAME);
        person.setFirstName("Casey");
        person.setLastName("Rivera");
        person.setEmail("casey.rivera@example.org");
        person.setEmailVerified(true);
        person.setEnabled(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        person.setCredentials(List.of(password));
        rep.setUsers(List.of(person));
        admin.realms().create(rep);

        RealmResource realm = admin.realm(name);
        AuthenticationManagementResource flows = realm.flows();
        AuthenticationFlowRepresentation flow = new AuthenticationFlowRepresentation();
        flow.setAlias(FLOW);
        flow.setDescription("I'm Not a Robot, then username and password (captcha tests)");
        flow.setProviderId("basic-flow");
        flow.setTopLevel(true);
        flow.setBuiltIn(false);
        try (Response created = flows.createFlow(flow)) {
            if (created.getStatus() != 201) {
                throw new AssertionError("flow not created: " + created.getStatus());
            }
        }
        flows.addExecution(FLOW, Map.of("provider", "k12-captcha"));
        flows.addExecution(FLOW, Map.of("provider", "auth-username-password-form"));
        String configId = null;
        for (AuthenticationExecutionInfoRepresentation execution : flows.getExecutions(FLOW)) {
            execution.setRequirement("REQUIRED");
            flows.updateExecutions(FLOW, execution);
            if ("k12-captcha".equals(execution.getProviderId())) {
                AuthenticatorConfigRepresentation config = new AuthenticatorConfigRepresentation();
                config.setAlias("captcha-it");
                config.setConfig(Map.of("k12.captcha.maxNumber", "100000", "k12.captcha.expirySeconds", "300"));
                try (Response response = flows.newExecutionConfig(execution.getId(), config)) {
                    String location = response.getLocation().getPath();
                    configId = location.substring(location.lastIndexOf('/') + 1);
                }
            }
        }
        RealmRepresentation update = realm.toRepresentation();
        update.setBrowserFlow(FLOW);
        realm.update(update);
        return configId;
    }

    /** Sets the step's settings (the largest number and the expiry in seconds). */
    static void configure(RealmResource realm, String configId, long maxNumber, long expirySeconds) {
        AuthenticatorConfigRepresentation config = realm.flows().getAuthenticatorConfig(configId);
        config.setConfig(Map.of("k12.captcha.maxNumber", String.valueOf(maxNumber),
                "k12.captcha.expirySeconds", String.valueOf(expirySeconds)));
        realm.flows().updateAuthenticatorConfig(configId, config);
    }

    /** What the widget does, in Java ({@link Captchas#solve}). */
    static ObjectNode solve(String challengeJson) throws Exception {
        return Captchas.solve(challengeJson);
    }

    static String encode(ObjectNode payload) {
        return Captchas.encode(payload);
    }
}
