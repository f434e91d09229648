package org.k12id.adminrest.defaultpasswords;

import java.security.SecureRandom;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyManagerProvider;

/**
 * One student's part of a regeneration request, inside the caller's transaction: a new default password that the
 * realm's configured policy accepts for this student, recorded sealed; with reset, the login password set to it (hashed
 * by Keycloak with the realm's algorithm); with force as well, "Update Password" at the next login. The default and
 * the reset commit together or not at all.
 */
public final class Regenerator {

    static final int ATTEMPTS = 50;

    /** What happened to one student. */
    public record Outcome(boolean regenerated, boolean reset) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final DefaultPasswordGenerator generator;
    private final DefaultPasswordGenerator.Shape shape;
    private final DefaultPasswordStore store;

    public Regenerator(KeycloakSession session, RealmModel realm, SecureRandom random) {
        this.session = session;
        this.realm = realm;
        this.generator = new DefaultPasswordGenerator(random);
        PasswordPolicy policy = realm.getPasswordPolicy();
        this.shape = DefaultPasswordGenerator.Shape.from(number(policy, "length"), number(policy, "maxLength"),
                number(policy, "specialChars"));
        this.store = new DefaultPasswordStore(session);
    }

    public Outcome apply(UserModel student, RegenerationForm form, String requestId) {
        PasswordPolicyManagerProvider policies = session.getProvider(PasswordPolicyManagerProvider.class);
        String password = generator.generate(shape, candidate -> policies.validate(realm, student, candidate) == null, ATTEMPTS)
                .orElseThrow(() -> new IllegalStateException("the realm's password policy accepted none of "
                        + ATTEMPTS + " generated defaults"));
        store.put(realm, student.getId(), password, requestId);
        if (!form.resetPasswords()) {
            return new Outcome(true, false);
        }
        student.credentialManager().updateCredential(UserCredentialModel.password(password, false));
        if (form.forceHasEffect()) {
            student.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        }
        return new Outcome(true, true);
    }

    /** A built-in policy's configured number (length, maxLength, specialChars), or 0 when the realm does not use it. */
    private static int number(PasswordPolicy policy, String id) {
        Object value = policy == null ? null : policy.getPolicyConfig(id);
        return value instanceof Integer number ? number : 0;
    }
}
