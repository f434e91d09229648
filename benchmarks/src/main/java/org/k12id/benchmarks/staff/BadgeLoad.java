package org.k12id.benchmarks.staff;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.k12id.benchmarks.logins.LoginClient;

/**
 * Complete badge logins through the demo app client, from {@code clients} clients at {@code rate} a second in all,
 * each client on its own schedule (spread over one period), taking the issued badges in turn.
 */
final class BadgeLoad {

    /** One stretch of badge logins: entries {nanos, status (200 or 0)}, how long it took, the first failure. */
    record Timed(List<long[]> entries, double seconds, String firstFailure) {
    }

    private final LoginClient app;
    private final List<String> payloads;
    private final int clients;
    private final double rate;

    BadgeLoad(LoginClient app, List<String> payloads, int clients, double rate) {
        this.app = app;
        this.payloads = payloads;
        this.clients = clients;
        this.rate = rate;
    }

    /** Badge logins for {@code seconds}; a refused connection sets {@code gone}. */
    Timed run(int seconds, AtomicBoolean gone) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        long period = (long) (clients / rate * 1e9);
        AtomicInteger next = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<Future<List<long[]>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long offset = period * c / clients;
            futures.add(pool.submit(() -> {
                List<long[]> done = new ArrayList<>();
                long due = start + offset;
                while (true) {
                    long now = System.nanoTime();
                    if (due > now) {
                        Thread.sleep((due - now) / 1_000_000, (int) ((due - now) % 1_000_000));
                    }
                    if (System.nanoTime() >= deadline) {
                        break;
                    }
                    long t0 = System.nanoTime();
                    try {
                        app.badgeLogin(payloads.get(next.getAndIncrement() % payloads.size()));
                        done.add(new long[] {System.nanoTime() - t0, 200});
                    } catch (IOException | RuntimeException e) {
                        done.add(new long[] {System.nanoTime() - t0, 0});
                        String why = e instanceof IOException io ? StaffSession.failure(io, "") : String.valueOf(e);
                        firstFailure.compareAndSet(null, why);
                        if (why.contains("connection refused")) {
                            gone.set(true);
                        }
                    }
                    due = Math.max(due + period, System.nanoTime() - period);
                }
                return done;
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<List<long[]>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        return new Timed(all, (System.nanoTime() - start) / 1e9, firstFailure.get());
    }
}
