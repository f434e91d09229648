package org.k12id.benchmarks.logins;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Badge logins against password logins (the realm's default Argon2 hashing), complete authorization-code logins over
 * HTTP against a running demo server: same server, same run, several concurrent clients. Password and badge phases
 * alternate (P, B, P, B) so drift on a shared machine hits both alike. Run it with tools/bench-logins.sh.
 */
public final class LoginBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BENCH_PASSWORD = "Benchpass2026";

    private final String server;
    private final String realm;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private LoginBenchmark(String server, String realm) {
        this.server = server;
        this.realm = realm;
    }

    /** One phase of logins: how many, how long, every latency. */
    public record Result(String name, int clients, long logins, long errors, double seconds, long[] latenciesNanos) {
        public double throughput() {
            return logins / seconds;
        }

        public double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int clients = Integer.parseInt(o.getOrDefault("clients", "30"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
        int students = Integer.parseInt(o.getOrDefault("students", "60"));
        LoginBenchmark bench = new LoginBenchmark(o.getOrDefault("server", "http://localhost:8080"),
                o.getOrDefault("realm", "k12-demo"));
        bench.run(clients, seconds, students, o.getOrDefault("admin", "admin"), o.getOrDefault("admin-password", "admin"),
                o.getOrDefault("lea-admin", "lea-admin.920"), o.getOrDefault("lea-password", "Tarheel2026"));
    }

    private void run(int clients, int seconds, int count, String admin, String adminPassword, String leaAdmin,
                     String leaPassword) throws Exception {
        System.out.printf("Setting up %d bench students in %s...%n", count, realm);
        String adminToken = masterToken(admin, adminPassword);
        List<String> usernames = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String username = String.format("bench-%04d", i);
            usernames.add(username);
            ids.add(ensureStudent(adminToken, username));
        }
        LoginClient portal = new LoginClient(http, server + "/realms/" + realm, "k12-demo-portal",
                "demo-portal-secret-change-me", "http://localhost:8401/callback");
        String leaToken = portal.accessToken(leaAdmin, leaPassword);
        List<String> badges = new ArrayList<>();
        for (String id : ids) {
            badges.add(issueBadge(leaToken, id));
        }
        LoginClient app = new LoginClient(http, server + "/realms/" + realm, "k12-demo-app", null,
                "http://localhost:8400/callback");

        System.out.printf("Warming up (%d s each)...%n", Math.max(5, seconds / 2));
        phase("warm-up password", clients, Math.max(5, seconds / 2), i -> app.passwordLogin(usernames.get(i % count), BENCH_PASSWORD));
        phase("warm-up badge", clients, Math.max(5, seconds / 2), i -> app.badgeLogin(badges.get(i % count)));

        List<Result> password = new ArrayList<>();
        List<Result> badge = new ArrayList<>();
        for (int round = 1; round <= 2; round++) {
            password.add(phase("password " + round, clients, seconds, i -> app.passwordLogin(usernames.get(i % count), BENCH_PASSWORD)));
            badge.add(phase("badge " + round, clients, seconds, i -> app.badgeLogin(badges.get(i % count))));
        }
        Result p = merge("password logins", password);
        Result b = merge("badge logins", badge);
        System.out.printf("A class logging in at once: %d students start together, each logs in once; 20 classes, 1 s apart%n", clients);
        Result pc = classes("password, class at once", clients, 20, i -> app.passwordLogin(usernames.get(i % count), BENCH_PASSWORD));
        Result bc = classes("badge, class at once", clients, 20, i -> app.badgeLogin(badges.get(i % count)));
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println();
        System.out.printf("| logins | clients | logins done | errors | per second (busy time) | p50 ms | p95 ms |%n");
        System.out.printf("|---|---|---|---|---|---|---|%n");
        for (Result r : List.of(p, b, pc, bc)) {
            System.out.printf("| %s | %d | %d | %d | %.1f | %.0f | %.0f |%n", r.name(), r.clients(), r.logins(), r.errors(),
                    r.throughput(), r.percentileMillis(50), r.percentileMillis(95));
        }
        System.out.printf("%nbadge / password throughput: %.2fx; password logins per second per core: %.1f "
                + "(Keycloak's sizing guide plans 15 per vCPU); %d cores shared by server and benchmark%n",
                b.throughput() / p.throughput(), p.throughput() / cores, cores);
    }

    /** One login; {@code index} counts the logins of a phase. */
    public interface Login {
        void run(int index) throws Exception;
    }

    /** {@code clients} threads logging in one after another for {@code seconds}; an IOException counts as an error. */
    public static Result phase(String name, int clients, int seconds, Login login) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                int n = 0;
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    try {
                        login.run(next.getAndIncrement());
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = System.nanoTime() - t0;
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> f : results) {
            long[] part = f.get();
            long[] merged = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, merged, all.length, part.length);
            all = merged;
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        Result r = new Result(name, clients, all.length, errors.get(), elapsed, all);
        System.out.printf("  %-18s %6d logins  %6.1f/s  p50 %5.0f ms  p95 %5.0f ms  errors %d%n", name, r.logins(),
                r.throughput(), r.percentileMillis(50), r.percentileMillis(95), r.errors());
        return r;
    }

    /** {@code classes} times: {@code size} logins started together, each timed from the common start; then a pause. */
    private Result classes(String name, int size, int classes, Login login) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(size);
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[size * classes];
        int n = 0;
        long errors = 0;
        double busy = 0;
        try {
            for (int c = 0; c < classes; c++) {
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<Future<Long>> logins = new ArrayList<>();
                for (int s = 0; s < size; s++) {
                    logins.add(pool.submit(() -> {
                        go.await();
                        long t0 = System.nanoTime();
                        try {
                            login.run(next.getAndIncrement());
                            return System.nanoTime() - t0;
                        } catch (IOException e) {
                            return -1L;
                        }
                    }));
                }
                Thread.sleep(200); // every student is ready
                long start = System.nanoTime();
                go.countDown();
                for (Future<Long> f : logins) {
                    long t = f.get();
                    if (t < 0) {
                        errors++;
                    } else {
                        latencies[n++] = t;
                    }
                }
                busy += (System.nanoTime() - start) / 1e9;
                Thread.sleep(1000);
            }
        } finally {
            pool.shutdown();
        }
        Result r = new Result(name, size, n, errors, busy, Arrays.copyOf(latencies, n));
        System.out.printf("  %-24s %6d logins  p50 %5.0f ms  p95 %5.0f ms  errors %d%n", name, r.logins(),
                r.percentileMillis(50), r.percentileMillis(95), r.errors());
        return r;
    }

    public static Result merge(String name, List<Result> parts) {
        long logins = 0;
        long errors = 0;
        double seconds = 0;
        long[] all = new long[0];
        for (Result r : parts) {
            logins += r.logins();
            errors += r.errors();
            seconds += r.seconds();
            long[] merged = Arrays.copyOf(all, all.length + r.latenciesNanos().length);
            System.arraycopy(r.latenciesNanos(), 0, merged, all.length, r.latenciesNanos().length);
            all = merged;
        }
        return new Result(name, parts.get(0).clients(), logins, errors, seconds, all);
    }

    private String masterToken(String user, String password) throws IOException, InterruptedException {
        return LoginClient.masterToken(http, server, user, password);
    }

    /** A grade-2 student of PSU 920 with the bench password; created once, reused by later runs. */
    private String ensureStudent(String token, String username) throws IOException, InterruptedException {
        String users = server + "/admin/realms/" + realm + "/users";
        JsonNode found = JSON.readTree(admin(token, "GET", users + "?exact=true&username=" + username, null).body());
        String id;
        if (found.isArray() && !found.isEmpty()) {
            id = found.get(0).path("id").asText();
        } else {
            String body = "{\"username\":\"" + username + "\",\"enabled\":true,\"firstName\":\"Test\",\"lastName\":\"Learner\","
                    + "\"attributes\":{\"psuCode\":[\"920\"],\"schoolCode\":[\"920304\"],\"gradeLevel\":[\"2\"]},"
                    + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + BENCH_PASSWORD + "\",\"temporary\":false}]}";
            HttpResponse<String> created = admin(token, "POST", users, body);
            if (created.statusCode() != 201) {
                throw new IOException("could not create " + username + ": HTTP " + created.statusCode() + " " + created.body());
            }
            String location = created.headers().firstValue("Location").orElseThrow();
            id = location.substring(location.lastIndexOf('/') + 1);
            JsonNode role = JSON.readTree(admin(token, "GET", server + "/admin/realms/" + realm + "/roles/student", null).body());
            admin(token, "POST", users + "/" + id + "/role-mappings/realm", "[" + role + "]");
        }
        return id;
    }

    private String issueBadge(String leaToken, String userId) throws IOException, InterruptedException {
        HttpResponse<String> r = admin(leaToken, "POST", server + "/admin/realms/" + realm + "/k12-badges/users/" + userId, null);
        if (r.statusCode() != 200) {
            throw new IOException("could not issue a badge: HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).path("payload").asText();
    }

    private HttpResponse<String> admin(String token, String method, String url, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60));
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
