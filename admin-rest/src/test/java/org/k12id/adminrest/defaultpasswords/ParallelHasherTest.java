package org.k12id.adminrest.defaultpasswords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.credential.PasswordCredentialModel;

@DisplayName("Given passwords handed to the hashing threads one at a time")
class ParallelHasherTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
    }

    private ParallelHasher.Hashes start(int threads, Function<String, PasswordCredentialModel> hash) {
        return ParallelHasher.start(executor, threads, () -> {
            opened.incrementAndGet();
            return new ParallelHasher.Hashing() {
                @Override
                public PasswordCredentialModel hash(String password) {
                    return hash.apply(password);
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        });
    }

    private static PasswordCredentialModel credential(String password) {
        return PasswordCredentialModel.createFromValues("test", new byte[0], 1, "h:" + password);
    }

    /**
     * Every hashing thread has stopped: none is left waiting for passwords, and each one that started closed what it
     * opened. A cancel can come before a busy machine has started every thread; those never open anything.
     */
    private void assertThreadsStopped(int threads) throws InterruptedException {
        executor.shutdown();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS), "a hashing thread is still waiting");
        assertTrue(opened.get() >= 1 && opened.get() <= threads, "threads opened: " + opened.get());
        assertEquals(opened.get(), closed.get(), "each thread closes what it opened");
    }

    @Test
    @DisplayName("each password's credential comes back to it, and the threads stop once told there are no more")
    void everyPasswordHashed() throws Exception {
        ParallelHasher.Hashes hashes = start(3, ParallelHasherTest::credential);
        List<CompletableFuture<PasswordCredentialModel>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            results.add(hashes.submit("pw" + i));
        }
        hashes.done();
        for (int i = 0; i < 200; i++) {
            assertEquals("h:pw" + i, hashes.get(results.get(i)).getPasswordSecretData().getValue());
        }
        assertThreadsStopped(3);
        assertEquals(3, opened.get(), "without a cancel every thread starts");
    }

    @Test
    @DisplayName("a password that fails to hash fails the wait for it, without the password in the message, and stops the rest")
    void oneHashFails() throws Exception {
        ParallelHasher.Hashes hashes = start(2, password -> {
            if (password.equals("Secret-7")) {
                throw new IllegalArgumentException("cannot hash");
            }
            return credential(password);
        });
        CompletableFuture<PasswordCredentialModel> first = hashes.submit("Fine-1");
        CompletableFuture<PasswordCredentialModel> bad = hashes.submit("Secret-7");
        hashes.done();
        assertEquals("h:Fine-1", hashes.get(first).getPasswordSecretData().getValue());
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> hashes.get(bad));
        assertFalse(failure.getMessage().contains("Secret-7"), failure.getMessage());
        assertThreadsStopped(2);
    }

    @Test
    @DisplayName("a thread that cannot start hashing fails every password handed in, before and after")
    void hashingCannotStart() throws Exception {
        ParallelHasher.Hashes hashes = ParallelHasher.start(executor, 2, () -> {
            opened.incrementAndGet();
            throw new IllegalStateException("no password hash provider");
        });
        CompletableFuture<PasswordCredentialModel> before = hashes.submit("Fine-1");
        assertThrows(IllegalStateException.class, () -> hashes.get(before));
        CompletableFuture<PasswordCredentialModel> after = hashes.submit("Fine-2");
        assertTrue(after.isCompletedExceptionally(), "a password handed in after the failure fails at once");
        executor.shutdown();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS), "a hashing thread is still waiting");
    }

    @Test
    @DisplayName("cancelling settles every password handed in and stops the threads, even mid-hash")
    void cancellingSettlesEveryPasswordAndStopsTheThreads() throws Exception {
        CountDownLatch hashing = new CountDownLatch(1);
        ParallelHasher.Hashes hashes = start(2, password -> {
            hashing.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            return credential(password);
        });
        List<CompletableFuture<PasswordCredentialModel>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(hashes.submit("pw" + i));
        }
        assertTrue(hashing.await(10, TimeUnit.SECONDS));
        hashes.cancel();
        assertThreadsStopped(2);
        for (CompletableFuture<PasswordCredentialModel> result : results) {
            assertTrue(result.isDone(), "nothing is left waiting for a hash that will never come");
        }
    }
}
