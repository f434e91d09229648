package org.k12id.adminrest.defaultpasswords;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.PasswordCredentialProvider;
import org.keycloak.credential.PasswordCredentialProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.cache.UserCache;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.storage.StorageId;

/**
 * Students' part of a regeneration request, inside the caller's transaction: for each, a new default password that
 * the realm's configured policy accepts for that student, recorded sealed; with reset, the login password set to it
 * (hashed with the realm's algorithm); with force as well, "Update Password" at the next login. A student's default
 * and reset commit together or not at all.
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

    /** One student: {@link #applyAll} for a chunk of one. */
    public Outcome apply(UserModel student, RegenerationForm form, String requestId) {
        return applyAll(List.of(student), form, requestId).get(0);
    }

    /**
     * A chunk of students, in order, in the caller's transaction. Each new default is chosen and recorded here; with
     * reset, the chunk's new passwords are hashed on every core at once, each stored as soon as it is ready, as
     * Keycloak's password provider stores them (the old password moved to history as the realm's policy says).
     * Students kept in a user federation (LDAP and the like) have their password changed through it, one at a time.
     */
    public List<Outcome> applyAll(List<UserModel> students, RegenerationForm form, String requestId) {
        PasswordPolicyManagerProvider policies = session.getProvider(PasswordPolicyManagerProvider.class);
        List<String> passwords = new ArrayList<>(students.size());
        for (UserModel student : students) {
            String password = generator.generate(shape, candidate -> policies.validate(realm, student, candidate) == null, ATTEMPTS)
                    .orElseThrow(() -> new IllegalStateException("the realm's password policy accepted none of "
                            + ATTEMPTS + " generated defaults"));
            store.put(realm, student.getId(), password, requestId);
            passwords.add(password);
        }
        if (!form.resetPasswords()) {
            return Collections.nCopies(students.size(), new Outcome(true, false));
        }
        CredentialProvider<?> provider = session.getProvider(CredentialProvider.class, PasswordCredentialProviderFactory.PROVIDER_ID);
        PasswordCredentialProvider local = provider instanceof PasswordCredentialProvider p ? p : null;
        List<Integer> inDatabase = new ArrayList<>();
        for (int i = 0; i < students.size(); i++) {
            UserModel student = students.get(i);
            if (local != null && StorageId.isLocalStorage(student.getId()) && !student.isFederated()) {
                inDatabase.add(i);
            } else if (!student.credentialManager().updateCredential(UserCredentialModel.password(passwords.get(i), false))) {
                throw new IllegalStateException("the student's user storage did not take the new password");
            }
        }
        ParallelHasher.Hashes hashes = new ParallelHasher(session)
                .start(realm.getPasswordPolicy(), inDatabase.stream().map(passwords::get).toList());
        try {
            for (int k = 0; k < inDatabase.size(); k++) {
                PasswordCredentialModel credential = hashes.get(k);
                credential.setCreatedDate(Time.currentTimeMillis());
                local.createCredential(realm, students.get(inDatabase.get(k)), credential);
            }
        } catch (RuntimeException e) {
            hashes.cancel();
            throw e;
        }
        if (form.forceHasEffect()) {
            students.forEach(student -> student.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD));
        }
        // the students were read from the database, not through the user cache: drop them from it, on every node
        UserCache cache = session.getProvider(UserCache.class);
        if (cache != null) {
            students.forEach(student -> cache.evict(realm, student));
        }
        return Collections.nCopies(students.size(), new Outcome(true, true));
    }

    /** A built-in policy's configured number (length, maxLength, specialChars), or 0 when the realm does not use it. */
    private static int number(PasswordPolicy policy, String id) {
        Object value = policy == null ? null : policy.getPolicyConfig(id);
        return value instanceof Integer number ? number : 0;
    }
}
