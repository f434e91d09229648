package org.k12id.adminrest.defaultpasswords;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
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
    /** Students whose new credential is written to the database at once, while the threads hash the next ones. */
    static final int FLUSH = 25;

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
        return applyAll(Stream.of(student), form, requestId).get(0);
    }

    /**
     * A chunk of students, in order, in the caller's transaction; the stream is read one student at a time. Each new
     * default is chosen as its student is read and, with reset, handed at once to be hashed on every core
     * ({@link ParallelHasher}), so hashing runs while the rest of the chunk is read and the defaults are recorded. Each
     * credential is stored as soon as it is hashed, as Keycloak's password provider stores it (the old password moved
     * to history as the realm's policy says), and written to the database while later ones are still being hashed.
     * Students kept in a user federation (LDAP and the like) have their password changed through it, one at a time.
     */
    public List<Outcome> applyAll(Stream<UserModel> students, RegenerationForm form, String requestId) {
        PasswordPolicyManagerProvider policies = session.getProvider(PasswordPolicyManagerProvider.class);
        PasswordCredentialProvider local = form.resetPasswords() ? localPasswords() : null;
        ParallelHasher.Hashes hashes = form.resetPasswords() ? new ParallelHasher(session).start(realm.getPasswordPolicy()) : null;
        try {
            List<UserModel> chunk = new ArrayList<>();
            List<String> passwords = new ArrayList<>();
            List<CompletableFuture<PasswordCredentialModel>> hashed = new ArrayList<>();
            for (Iterator<UserModel> i = students.iterator(); i.hasNext(); ) {
                UserModel student = i.next();
                String password = generator.generate(shape, candidate -> policies.validate(realm, student, candidate) == null, ATTEMPTS)
                        .orElseThrow(() -> new IllegalStateException("the realm's password policy accepted none of "
                                + ATTEMPTS + " generated defaults"));
                chunk.add(student);
                passwords.add(password);
                hashed.add(hashes != null && inDatabase(student, local) ? hashes.submit(password) : null);
            }
            if (hashes != null) {
                hashes.done();
            }
            for (int k = 0; k < chunk.size(); k++) {
                store.put(realm, chunk.get(k).getId(), passwords.get(k), requestId);
            }
            if (!form.resetPasswords()) {
                return Collections.nCopies(chunk.size(), new Outcome(true, false));
            }
            for (int k = 0; k < chunk.size(); k++) {
                if (hashed.get(k) == null && !chunk.get(k).credentialManager()
                        .updateCredential(UserCredentialModel.password(passwords.get(k), false))) {
                    throw new IllegalStateException("the student's user storage did not take the new password");
                }
            }
            EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
            for (int k = 0; k < chunk.size(); k++) {
                UserModel student = chunk.get(k);
                if (hashed.get(k) != null) {
                    PasswordCredentialModel credential = hashes.get(hashed.get(k));
                    credential.setCreatedDate(Time.currentTimeMillis());
                    local.createCredential(realm, student, credential);
                }
                if (form.forceHasEffect()) {
                    student.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
                }
                if ((k + 1) % FLUSH == 0) {
                    em.flush(); // now, while the threads still hash, rather than all at the commit
                }
            }
            // the students were read from the database, not through the user cache: drop them from it, on every node
            UserCache cache = session.getProvider(UserCache.class);
            if (cache != null) {
                chunk.forEach(student -> cache.evict(realm, student));
            }
            return Collections.nCopies(chunk.size(), new Outcome(true, true));
        } catch (RuntimeException | Error e) {
            if (hashes != null) {
                hashes.cancel(); // else its threads would wait for passwords for ever
            }
            throw e;
        }
    }

    /** Keycloak's own password provider, which keeps passwords in its database, or null if another replaced it. */
    private PasswordCredentialProvider localPasswords() {
        CredentialProvider<?> provider = session.getProvider(CredentialProvider.class, PasswordCredentialProviderFactory.PROVIDER_ID);
        return provider instanceof PasswordCredentialProvider p ? p : null;
    }

    /** Whether the student's password is kept in Keycloak's database (not in a user federation). */
    private static boolean inDatabase(UserModel student, PasswordCredentialProvider local) {
        return local != null && StorageId.isLocalStorage(student.getId()) && !student.isFederated();
    }

    /** A built-in policy's configured number (length, maxLength, specialChars), or 0 when the realm does not use it. */
    private static int number(PasswordPolicy policy, String id) {
        Object value = policy == null ? null : policy.getPolicyConfig(id);
        return value instanceof Integer number ? number : 0;
    }
}
