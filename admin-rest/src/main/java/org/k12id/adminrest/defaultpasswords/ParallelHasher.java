package org.k12id.adminrest.defaultpasswords;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * Hashes a chunk's new passwords on every core at once, with the hash provider Keycloak itself would choose for the
 * realm (its policy's algorithm and iterations, else the server's default), so a reset runs at the machine's hashing
 * speed rather than one core's. Passwords are handed in one at a time and hashed at once, so hashing starts with the
 * chunk's first student while the caller reads and records the rest, and the caller stores each credential while the
 * later ones are still being hashed. Each thread gets the provider from a session of its own (the thread's current
 * session while it hashes, as in Keycloak's own background jobs) and stops when the caller says there are no more
 * passwords, or cancels. Hashing needs no database, so the caller's transaction stays the only one.
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

    private record Job(String password, CompletableFuture<PasswordCredentialModel> result) {
    }

    /** No more passwords: each thread that takes it puts it back for the next and stops. */
    private static final Job END = new Job(null, null);

    /** Hashing under way: passwords handed in one at a time, each one's credential waited for when it is needed. */
    static final class Hashes {
        private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
        private final List<Future<?>> workers = new ArrayList<>();
        private volatile boolean cancelled;
        private volatile RuntimeException broken;

        private Hashes() {
        }

        /** Hashes the password as soon as a thread is free; its credential, once hashed. */
        CompletableFuture<PasswordCredentialModel> submit(String password) {
            CompletableFuture<PasswordCredentialModel> result = new CompletableFuture<>();
            queue.add(new Job(password, result));
            if (broken != null) {
                fail(broken);
            }
            return result;
        }

        /** The credential of a password handed in, waiting for it if it is still being hashed. */
        PasswordCredentialModel get(CompletableFuture<PasswordCredentialModel> result) {
            try {
                return result.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
                throw new IllegalStateException("interrupted while hashing", e);
            } catch (ExecutionException e) {
                cancel();
                throw new IllegalStateException("hashing failed: " + e.getCause().getClass().getSimpleName(), e.getCause());
            }
        }

        /** No more passwords: the threads stop once the ones handed in are hashed. */
        void done() {
            queue.add(END);
        }

        /** Stops hashing what is not hashed yet, and the threads. */
        void cancel() {
            cancelled = true;
            queue.add(END);
            workers.forEach(w -> w.cancel(true));
            for (Job job = queue.poll(); job != null; job = queue.poll()) {
                if (job != END) {
                    job.result().cancel(false);
                }
            }
            queue.add(END);
        }

        /** A thread could not hash at all: every password handed in, and every later one, fails with its reason. */
        private void fail(RuntimeException e) {
            broken = e;
            for (Job job = queue.poll(); job != null; job = queue.poll()) {
                if (job != END) {
                    job.result().completeExceptionally(e);
                }
            }
            queue.add(END);
        }
    }

    /** Starts the hashing threads, as many as there are cores, waiting for passwords ({@link Hashes#submit}). */
    Hashes start(PasswordPolicy policy) {
        String algorithm = policy == null ? null : policy.getHashAlgorithm();
        int iterations = policy == null ? -1 : policy.getHashIterations();
        return start(executor, threads, () -> {
            KeycloakSession own = factory.create();
            // the thread's current session, as Keycloak's own background jobs set it: the hash providers of 26.x look
            // it up (for tracing) and warned once per password on a thread without one
            KeycloakSession previous = KeycloakSessionUtil.setKeycloakSession(own);
            try {
                PasswordHashProvider provider = provider(own, algorithm);
                return new Hashing() {
                    @Override
                    public PasswordCredentialModel hash(String password) {
                        return provider.encodedCredential(password, iterations);
                    }

                    @Override
                    public void close() {
                        KeycloakSessionUtil.setKeycloakSession(previous);
                        own.close();
                    }
                };
            } catch (RuntimeException e) {
                KeycloakSessionUtil.setKeycloakSession(previous);
                own.close();
                throw e;
            }
        });
    }

    /** One thread's way to hash: opened on the thread when it starts, closed when it stops. */
    interface Hashing extends AutoCloseable {
        PasswordCredentialModel hash(String password);

        @Override
        void close();
    }

    /** The queue and its threads, whatever hashes: {@link #start(PasswordPolicy)} with Keycloak's providers. */
    static Hashes start(ExecutorService executor, int threads, Supplier<Hashing> open) {
        Hashes hashes = new Hashes();
        for (int t = 0; t < threads; t++) {
            hashes.workers.add(executor.submit(() -> work(hashes, open)));
        }
        return hashes;
    }

    private static void work(Hashes hashes, Supplier<Hashing> open) {
        try (Hashing hashing = open.get()) {
            for (Job job = hashes.queue.take(); job != END; job = hashes.queue.take()) {
                if (hashes.cancelled) {
                    job.result().cancel(false);
                    continue;
                }
                try {
                    job.result().complete(hashing.hash(job.password()));
                } catch (RuntimeException e) {
                    job.result().completeExceptionally(e);
                }
            }
            hashes.queue.add(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // cancelled
        } catch (RuntimeException e) {
            hashes.fail(e);
        }
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
