package org.k12id.adminrest.defaultpasswords;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Hashes a chunk's new passwords on every core at once, with the hash provider Keycloak itself would choose for the
 * realm (its policy's algorithm and iterations, else the server's default), so a reset runs at the machine's hashing
 * speed rather than one core's; the caller stores each credential while the later ones are still being hashed. Each
 * thread gets the provider from a session of its own and stops when the passwords run out or the caller cancels.
 * Hashing needs no database, so the caller's transaction stays the only one.
 */
final class ParallelHasher {

    static final String EXECUTOR = "k12-default-passwords-hashing";

    private final KeycloakSessionFactory factory;
    private final ExecutorService executor;
    private final int threads;

    ParallelHasher(KeycloakSession session) {
        this.factory = session.getKeycloakSessionFactory();
        this.executor = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
        this.threads = Runtime.getRuntime().availableProcessors();
    }

    /** Hashing under way: each password's stored credential, waited for in order while the rest are still hashed. */
    static final class Hashes {
        private final CompletableFuture<PasswordCredentialModel>[] results;
        private final List<Future<?>> workers;

        private Hashes(CompletableFuture<PasswordCredentialModel>[] results, List<Future<?>> workers) {
            this.results = results;
            this.workers = workers;
        }

        /** The {@code i}th password's credential, once hashed. */
        PasswordCredentialModel get(int i) {
            try {
                return results[i].get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
                throw new IllegalStateException("interrupted while hashing", e);
            } catch (ExecutionException e) {
                cancel();
                throw new IllegalStateException("hashing failed: " + e.getCause().getClass().getSimpleName(), e.getCause());
            }
        }

        /** Stops hashing what is not hashed yet. */
        void cancel() {
            workers.forEach(w -> w.cancel(true));
            for (CompletableFuture<PasswordCredentialModel> result : results) {
                result.cancel(false);
            }
        }
    }

    /**
     * Starts hashing the passwords, in order, on as many threads as there are cores; the caller stores each credential
     * as soon as it is ready, while later ones are still being hashed.
     */
    @SuppressWarnings("unchecked")
    Hashes start(PasswordPolicy policy, List<String> passwords) {
        int n = passwords.size();
        CompletableFuture<PasswordCredentialModel>[] results = new CompletableFuture[n];
        for (int i = 0; i < n; i++) {
            results[i] = new CompletableFuture<>();
        }
        String algorithm = policy == null ? null : policy.getHashAlgorithm();
        int iterations = policy == null ? -1 : policy.getHashIterations();
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < Math.min(threads, n); t++) {
            workers.add(executor.submit(() -> {
                try (KeycloakSession own = factory.create()) {
                    PasswordHashProvider provider = provider(own, algorithm);
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        if (results[i].isDone()) {
                            return; // cancelled: the chunk failed
                        }
                        try {
                            results[i].complete(provider.encodedCredential(passwords.get(i), iterations));
                        } catch (RuntimeException e) {
                            results[i].completeExceptionally(e);
                        }
                    }
                } catch (RuntimeException e) {
                    for (CompletableFuture<PasswordCredentialModel> result : results) {
                        result.completeExceptionally(e);
                    }
                }
            }));
        }
        return new Hashes(results, workers);
    }

    /** As Keycloak's password credential provider chooses it. */
    private static PasswordHashProvider provider(KeycloakSession session, String algorithm) {
        PasswordHashProvider provider = algorithm == null ? null : session.getProvider(PasswordHashProvider.class, algorithm);
        provider = provider != null ? provider : session.getProvider(PasswordHashProvider.class);
        if (provider == null) {
            throw new IllegalStateException("no password hash provider");
        }
        return provider;
    }
}
