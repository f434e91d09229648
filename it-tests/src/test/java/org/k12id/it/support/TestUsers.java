package org.k12id.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.k12id.realmconfig.demo.DemoAuthenticatorApp;
import org.k12id.realmconfig.district.Argon2Credential;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** People a test creates through the admin API, removed again by {@link #removeAll()}. */
public final class TestUsers {

    private final RealmResource realm;
    private final List<String> ids = new ArrayList<>();

    public TestUsers(RealmResource realm) {
        this.realm = realm;
    }

    /** Creates a person; {@code password} null for none. Returns the user id. */
    public String create(String username, String first, String last, List<String> realmRoles, List<String> groups,
                         Map<String, List<String>> attributes, CredentialRepresentation password) {
        return createWith(username, first, last, realmRoles, groups, attributes,
                password == null ? List.of() : List.of(password));
    }

    /** Creates a person with these credentials (stored as given). Returns the user id. */
    public String createWith(String username, String first, String last, List<String> realmRoles, List<String> groups,
                             Map<String, List<String>> attributes, List<CredentialRepresentation> credentials) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setFirstName(first);
        user.setLastName(last);
        user.setEnabled(true);
        user.setGroups(groups);
        user.setAttributes(attributes);
        if (!credentials.isEmpty()) {
            user.setCredentials(credentials);
        }
        try (Response response = realm.users().create(user)) {
            assertEquals(201, response.getStatus(), () -> "creating " + username + ": " + response.readEntity(String.class));
            String location = response.getLocation().getPath();
            String id = location.substring(location.lastIndexOf('/') + 1);
            ids.add(id);
            if (!realmRoles.isEmpty()) {
                // the admin API's user creation ignores realmRoles (only a realm import honours them)
                realm.users().get(id).roles().realmLevel().add(realmRoles.stream()
                        .map(role -> realm.roles().get(role).toRepresentation()).toList());
            }
            return id;
        }
    }

    /** A stored password credential, hashed as Keycloak stores it, set {@code daysAgo} days ago. */
    public static CredentialRepresentation passwordSetDaysAgo(String password, int daysAgo) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Argon2Credential hashed = Argon2Credential.of(password, salt);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setSecretData(hashed.secretData());
        credential.setCredentialData(hashed.credentialData());
        credential.setCreatedDate(System.currentTimeMillis() - daysAgo * 86_400_000L);
        return credential;
    }

    /** The demo's authenticator app ({@link DemoAuthenticatorApp}) as a stored OTP credential. */
    public static CredentialRepresentation demoAuthenticatorApp() {
        Map<String, Object> fields = DemoAuthenticatorApp.credential();
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(String.valueOf(fields.get("type")));
        credential.setUserLabel(String.valueOf(fields.get("userLabel")));
        credential.setSecretData(String.valueOf(fields.get("secretData")));
        credential.setCredentialData(String.valueOf(fields.get("credentialData")));
        return credential;
    }

    /** A password the person must change at the next login. */
    public static CredentialRepresentation temporaryPassword(String password) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(true);
        return credential;
    }

    public void removeAll() {
        for (String id : ids) {
            try (Response ignored = realm.users().delete(id)) {
                // removed, or already gone
            }
        }
        ids.clear();
    }
}
