package org.k12id.passwordpolicies.checklist;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PasswordPolicyProviderFactory;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;
import org.keycloak.theme.Theme;

/**
 * {@code POST /realms/{realm}/k12-password-rules/check}: the password checklist for the person of the caller's own
 * login session (found by its cookie, client and tab), judged by the realm's own password policies. It answers only
 * once that person has proved who they are: the session must have finished signing in and be on its required actions
 * (update password, expired password), never between the username and the password, where it would tell a stranger
 * which accounts exist and let them test a person's names. Before that every caller gets the same 400, whatever the
 * username. It stores nothing and logs nothing; the password is never echoed. The body is read strictly: anything
 * that is not a well-formed form is a 400 naming {@code body}.
 */
public final class PasswordRulesResource {

    static final int MAX_PASSWORD_LENGTH = 1024;
    static final int MAX_ID_LENGTH = 255;
    /** Room for the longest password percent-encoded (4-byte characters, 3 bytes each) and the two ids. */
    static final int MAX_BODY = MAX_PASSWORD_LENGTH * 12 + MAX_ID_LENGTH * 6 + 64;

    private final KeycloakSession session;

    PasswordRulesResource(KeycloakSession session) {
        this.session = session;
    }

    @POST
    @Path("check")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response check(@Context HttpHeaders headers, byte[] body) throws IOException {
        Optional<Map<String, String>> form = StrictForm.parse(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body, MAX_BODY);
        if (form.isEmpty()) {
            return error("body", "send an application/x-www-form-urlencoded form");
        }
        String password = form.get().get("password");
        String clientId = form.get().get("client_id");
        String tabId = form.get().get("tab_id");
        String candidate = password == null ? "" : password;
        if (candidate.length() > MAX_PASSWORD_LENGTH) {
            return error("password", "password is longer than " + MAX_PASSWORD_LENGTH + " characters");
        }
        if (clientId == null || clientId.isEmpty() || clientId.length() > MAX_ID_LENGTH) {
            return error("client_id", "client_id is required");
        }
        if (tabId == null || tabId.isEmpty() || tabId.length() > MAX_ID_LENGTH) {
            return error("tab_id", "tab_id is required");
        }
        // looked up in the database: PostgreSQL refuses a NUL character with an error
        if (clientId.indexOf('\u0000') >= 0) {
            return error("client_id", "client_id cannot hold the character NUL (code 0)");
        }
        if (tabId.indexOf('\u0000') >= 0) {
            return error("tab_id", "tab_id cannot hold the character NUL (code 0)");
        }
        RealmModel realm = session.getContext().getRealm();
        UserModel user = loginUser(realm, clientId, tabId);
        if (user == null) {
            return error("session", "no login session that is choosing a password");
        }
        Locale locale = session.getContext().resolveLocale(user);
        Properties messages = session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale);
        PasswordPolicy policy = realm.getPasswordPolicy();
        Checklist.Result result = Checklist.evaluate(policy.getPolicies(), policy::getPolicyConfig,
                id -> meets(realm, user, id, candidate), messages, this::displayName, locale);
        return Response.ok(result).cacheControl(noStore()).build();
    }

    private boolean meets(RealmModel realm, UserModel user, String policyId, String password) {
        PasswordPolicyProvider provider = session.getProvider(PasswordPolicyProvider.class, policyId);
        return provider == null || provider.validate(realm, user, password) == null;
    }

    private String displayName(String policyId) {
        PasswordPolicyProviderFactory factory = (PasswordPolicyProviderFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(PasswordPolicyProvider.class, policyId);
        return factory == null ? policyId : factory.getDisplayName();
    }

    /**
     * The person of the caller's login session, only once they have proved who they are: Keycloak moves a login
     * session to its required actions only after the whole authentication flow (password, badge, second factor)
     * succeeded. A session still between its steps has a user too (the username step names one), so it must not
     * count.
     */
    private UserModel loginUser(RealmModel realm, String clientId, String tabId) {
        RootAuthenticationSessionModel root = new AuthenticationSessionManager(session).getCurrentRootAuthenticationSession(realm);
        ClientModel client = realm.getClientByClientId(clientId);
        if (root == null || client == null) {
            return null;
        }
        AuthenticationSessionModel authSession = root.getAuthenticationSession(client, tabId);
        if (authSession == null
                || !AuthenticationSessionModel.Action.REQUIRED_ACTIONS.name().equals(authSession.getAction())) {
            return null;
        }
        return authSession.getAuthenticatedUser();
    }

    private static Response error(String field, String message) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(Map.of("error", "invalid_request", "field", field, "error_description", message))
                .type(MediaType.APPLICATION_JSON)
                .cacheControl(noStore())
                .build();
    }

    private static CacheControl noStore() {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        return cache;
    }
}
