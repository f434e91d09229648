package org.k12id.benchmarks.claims;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.OperatingSystemMXBean;
import org.k12id.benchmarks.logins.LoginClient;

/**
 * "Claim My Account" in the first days of a school year ({@code tools/bench-claims.sh}): {@code --concurrency} people
 * (30) claiming at once, one claim after another, through the real pages of a server of its own, each claim from the
 * app's sign-in to the app's tokens (see {@link ClaimFlow}). The people are the grade 6 to 12 students and the teachers
 * of a generated district; between rounds the LEA administrator resets their claims through the pack's API, so they
 * claim again.
 *
 * <p>A claim hashes {@value #HASHES_PER_CLAIM} secrets with the realm's algorithm: the new password and the answers to
 * the five challenge questions. The hashing limit is the number of cores divided by that many times the time of one
 * hash measured inside the server's JVM ({@code HashTimingProbe}, as the regeneration
 * benchmark does) before and after the rounds; the faster timing sets it (the higher limit, the harder to reach).
 *
 * <p>"I'm not a robot" is answered by the benchmark as a person's browser answers it. That work is done on the
 * person's device, not the server, but here the benchmark shares the server's cores: so the claim step's difficulty is
 * set to its least (1,000) on this server, which changes nothing the server does (it checks one hash and one signature
 * at any difficulty), and the benchmark's own CPU is reported beside the server's.
 */
public final class ClaimBenchmark {

    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBE = "org.k12id.benchmarks:type=HashTiming";
    private static final String PORTAL = "k12-demo-portal";
    private static final String PORTAL_SECRET = "demo-portal-secret-change-me";
    private static final String STEP = "k12-username-badge-form";
    /** The password and five challenge answers. */
    static final int HASHES_PER_CLAIM = 6;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String server;
    private final String realm;
    private final String psu;
    private final LoginClient portal;
    private final LoginClient app;
    private String masterToken;
    private String leaToken;

    private ClaimBenchmark(String server, String realm, String psu) {
        this.server = server;
        this.realm = realm;
        this.psu = psu;
        this.portal = new LoginClient(http, server + "/realms/" + realm, PORTAL, PORTAL_SECRET, "http://localhost:8401/callback");
        this.app = new LoginClient(http, server + "/realms/" + realm, "k12-demo-app", null, "http://localhost:8400/callback");
    }

    /** One round: every person of the pool claimed once. */
    record Round(String label, int claims, int failures, long wallNanos, long serverCpuNanos, long clientCpuNanos,
                 long proofCpuNanos, List<Long> verifyNanos, List<Long> totalNanos) {
        double perSecond() {
            return claims / (wallNanos / 1e9);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        ClaimBenchmark bench = new ClaimBenchmark(o.getOrDefault("server", "http://localhost:8280"),
                o.getOrDefault("realm", "k12-demo"), o.getOrDefault("psu", "900"));
        bench.run(Path.of(o.getOrDefault("district", "target/bench-claims/district")),
                Integer.parseInt(o.getOrDefault("jmx-port", "9290")),
                Integer.parseInt(o.getOrDefault("cores", String.valueOf(Runtime.getRuntime().availableProcessors()))),
                Integer.parseInt(o.getOrDefault("concurrency", "30")), Integer.parseInt(o.getOrDefault("rounds", "3")),
                Integer.parseInt(o.getOrDefault("pool", "1500")));
    }

    private void run(Path district, int jmxPort, int cores, int concurrency, int rounds, int poolSize) throws Exception {
        masterToken = LoginClient.masterToken(http, server, "admin", "admin");
        leaToken = portal.accessToken("lea-admin." + psu, "Tarheel2026");
        captchaDifficulty("1000");
        List<Claimant> pool = pool(district, poolSize);
        System.out.printf("%,d people: %,d students of grades 6 to 12 and %,d employees; %d claiming at once%n",
                pool.size(), pool.stream().filter(c -> c.policy().equals(Claimant.STUDENT)).count(),
                pool.stream().filter(c -> c.policy().equals(Claimant.EMPLOYEE)).count(), concurrency);

        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(
                "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"))) {
            MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
            OperatingSystemMXBean serverOs = ManagementFactory.newPlatformMXBeanProxy(mbeans,
                    ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME, OperatingSystemMXBean.class);

            System.out.println("Warming up: everyone claims once...");
            resetClaims(pool);
            Round warmUp = round("warm-up", pool, concurrency, 0, serverOs);
            System.out.println("Timing one hash with the realm's algorithm in the server's JVM, one at a time (the server is otherwise idle)...");
            ObjectName probe = new ObjectName(PROBE);
            String algorithm = (String) mbeans.invoke(probe, "algorithm", new Object[] {realm}, new String[] {String.class.getName()});
            double hashBefore = hashMillis(mbeans);
            List<Round> timed = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                resetClaims(pool);
                timed.add(round("round " + r, pool, concurrency, r, serverOs));
            }
            System.out.println("For comparison, Keycloak's own password sign-in (username, password, tokens) of the same people, as many at once...");
            String last = password(rounds);
            Round logins = round("password sign-ins", pool, concurrency, rounds + 1, serverOs, person -> {
                long t0 = System.nanoTime();
                app.passwordLogin(person.username(), last);
                return new ClaimFlow.Timing(0, System.nanoTime() - t0, 0);
            });
            System.out.println("Timing one hash again, then " + cores + " hashes at once...");
            double hashAfter = hashMillis(mbeans);
            double parallel = (Double) mbeans.invoke(probe, "parallelHashesPerSecond", new Object[] {realm, cores},
                    new String[] {String.class.getName(), int.class.getName()});
            double hash = Math.min(hashBefore, hashAfter);
            double limit = cores * 1000.0 / (hash * HASHES_PER_CLAIM);
            report(warmUp, timed, logins, algorithm, hashBefore, hashAfter, limit, parallel, cores, concurrency);
            if (Stream.concat(Stream.of(warmUp, logins), timed.stream()).anyMatch(r -> r.failures() > 0)) {
                System.err.println("Some claims failed: the figures above do not count them; see the messages above.");
                System.exit(1);
            }
        } finally {
            captchaDifficulty(null);
        }
    }

    /** What each of the people does in a round: a claim, or a password sign-in. */
    private interface Attempt {
        ClaimFlow.Timing run(Claimant person) throws Exception;
    }

    private Round round(String label, List<Claimant> people, int concurrency, int round, OperatingSystemMXBean serverOs)
            throws Exception {
        ClaimFlow flow = new ClaimFlow(app);
        String password = password(round);
        return round(label, people, concurrency, round, serverOs, person -> flow.claim(person, password));
    }

    /** The password everyone chooses in a round's claims. */
    private static String password(int round) {
        return "Kq7vwBz" + round + "x";
    }

    private Round round(String label, List<Claimant> people, int concurrency, int round, OperatingSystemMXBean serverOs,
                        Attempt attempt) throws Exception {
        List<Claimant> order = new ArrayList<>(people);
        Collections.shuffle(order, new Random(round));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<ClaimFlow.Timing> timings = Collections.synchronizedList(new ArrayList<>());
        OperatingSystemMXBean clientOs = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long server0 = serverOs.getProcessCpuTime();
        long client0 = clientOs.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            running.add(workers.submit(() -> {
                for (int i = next.getAndIncrement(); i < order.size(); i = next.getAndIncrement()) {
                    try {
                        timings.add(attempt.run(order.get(i)));
                    } catch (Exception e) {
                        if (failures.incrementAndGet() <= 5) {
                            System.err.println("  " + label + ": failed: " + e.getMessage());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        long wall = System.nanoTime() - t0;
        long serverCpu = serverOs.getProcessCpuTime() - server0;
        long clientCpu = clientOs.getProcessCpuTime() - client0;
        workers.shutdown();
        List<Long> verify = timings.stream().map(ClaimFlow.Timing::verifyNanos).sorted().toList();
        List<Long> total = timings.stream().map(ClaimFlow.Timing::totalNanos).sorted().toList();
        long proof = timings.stream().mapToLong(ClaimFlow.Timing::proofCpuNanos).sum();
        Round r = new Round(label, timings.size(), failures.get(), wall, serverCpu, clientCpu, proof, verify, total);
        System.out.printf("  %s: %,d in %.1f s (%.1f/s), verification p95 %.0f ms%s%n", label, r.claims(),
                wall / 1e9, r.perSecond(), pct(verify, 95), r.failures() == 0 ? "" : ", " + r.failures() + " FAILED");
        return r;
    }

    private void report(Round warmUp, List<Round> timed, Round logins, String algorithm, double hashBefore, double hashAfter,
                        double limit, double parallel, int cores, int concurrency) {
        System.out.println();
        System.out.println("| round | claims | seconds | claims/s | of the hashing limit | verification p50 / p95 / p99, ms"
                + " | whole claim p50 / p95, ms | server CPU per claim, ms | benchmark CPU per claim, ms (proof of work) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Round r : Stream.concat(Stream.concat(Stream.of(warmUp), timed.stream()), Stream.of(logins)).toList()) {
            System.out.printf("| %s | %,d | %.1f | %.1f | %.0f%% | %.0f / %.0f / %.0f | %.0f / %.0f | %.1f | %.1f (%.1f) |%n",
                    r.label(), r.claims(), r.wallNanos() / 1e9, r.perSecond(),
                    100 * r.perSecond() / (r == logins ? limit * HASHES_PER_CLAIM : limit), // a sign-in hashes once
                    pct(r.verifyNanos(), 50), pct(r.verifyNanos(), 95), pct(r.verifyNanos(), 99),
                    pct(r.totalNanos(), 50), pct(r.totalNanos(), 95), r.serverCpuNanos() / 1e6 / Math.max(1, r.claims()),
                    r.clientCpuNanos() / 1e6 / Math.max(1, r.claims()), r.proofCpuNanos() / 1e6 / Math.max(1, r.claims()));
        }
        int claims = timed.stream().mapToInt(Round::claims).sum();
        double seconds = timed.stream().mapToLong(Round::wallNanos).sum() / 1e9;
        List<Long> verify = timed.stream().flatMap(r -> r.verifyNanos().stream()).sorted().toList();
        double rate = claims / seconds;
        System.out.println();
        System.out.printf("One %s hash in the server's JVM (median of 100, one at a time): %.1f ms before the rounds, %.1f ms after%n",
                algorithm, hashBefore, hashAfter);
        System.out.printf("Hashing limit: %d cores / (%d hashes a claim x %.1f ms) = %.1f claims/s%n", cores, HASHES_PER_CLAIM,
                Math.min(hashBefore, hashAfter), limit);
        System.out.printf("Timed rounds: %,d claims in %.1f s = %.1f claims/s = %.0f%% of the hashing limit (target at least 70%%)%n",
                claims, seconds, rate, 100 * rate / limit);
        System.out.printf("Verification step (details and I'm not a robot posted, until the terms page), %d claiming at once:"
                + " p95 %.0f ms (target under 300 ms), p50 %.0f ms, max %.0f ms%n", concurrency, pct(verify, 95), pct(verify, 50),
                pct(verify, 100));
        System.out.printf("Keycloak's own password sign-in (one hash) of the same people, %d at once: %.1f/s = %.0f%% of its"
                + " hashing limit (%.1f/s); server CPU %.1f ms a sign-in, %.1f ms a claim%n", concurrency, logins.perSecond(),
                100 * logins.perSecond() / (limit * HASHES_PER_CLAIM), limit * HASHES_PER_CLAIM,
                logins.serverCpuNanos() / 1e6 / Math.max(1, logins.claims()),
                timed.stream().mapToLong(Round::serverCpuNanos).sum() / 1e6 / Math.max(1, claims));
        System.out.printf("Hashing alone on %d threads at once in the server's JVM: %.1f hashes/s (%.0f%% of the limit); the claims ran at %.0f%% of that%n",
                cores, parallel, 100 * parallel / (limit * HASHES_PER_CLAIM), 100 * rate * HASHES_PER_CLAIM / parallel);
    }

    /** The {@code p}th percentile (nearest rank) in milliseconds of sorted nanoseconds. */
    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
    }

    private double hashMillis(MBeanServerConnection mbeans) throws Exception {
        return (Double) mbeans.invoke(new ObjectName(PROBE), "medianHashMillis", new Object[] {realm},
                new String[] {String.class.getName()});
    }

    /**
     * The grade 6 to 12 students and the teachers of the generated district (its partial-import files), at most
     * {@code size}, students and teachers in their proportion, with their accounts' ids.
     */
    private List<Claimant> pool(Path district, int size) throws Exception {
        List<Claimant> students = new ArrayList<>();
        List<Claimant> employees = new ArrayList<>();
        try (Stream<Path> files = Files.list(district)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-users.json")).sorted().toList()) {
                for (JsonNode user : JSON.readTree(file.toFile()).path("users")) {
                    JsonNode a = user.path("attributes");
                    String role = user.path("realmRoles").path(0).asText();
                    String birthdate = a.path("dateOfBirth").path(0).asText();
                    if (role.equals("student") && a.path("gradeLevel").path(0).asInt(-9) >= 6) {
                        students.add(new Claimant(Claimant.STUDENT, user.path("username").asText(), user.path("username").asText(),
                                a.path("gradeLevel").path(0).asText(), birthdate, psu, null));
                    } else if (role.equals("teacher") && !birthdate.isEmpty()) {
                        employees.add(new Claimant(Claimant.EMPLOYEE, user.path("username").asText(),
                                a.path("staffId").path(0).asText(), "", birthdate, psu, null));
                    }
                }
            }
        }
        int total = students.size() + employees.size();
        if (total == 0) {
            throw new IllegalStateException("no one to claim in " + district + ": generate the district first");
        }
        int employeeShare = (int) Math.round((double) Math.min(size, total) * employees.size() / total);
        List<Claimant> chosen = new ArrayList<>(employees.subList(0, employeeShare));
        chosen.addAll(students.subList(0, Math.min(students.size(), Math.min(size, total) - employeeShare)));
        System.out.printf("Finding the accounts of %,d people...%n", chosen.size());
        return parallel(chosen, c -> {
            JsonNode found = JSON.readTree(send("GET", "/admin/realms/" + realm + "/users?exact=true&briefRepresentation=true&username="
                    + URLEncoder.encode(c.username(), StandardCharsets.UTF_8), true).body());
            if (found.size() != 1) {
                throw new IllegalStateException("no account " + c.username() + ": load the district first");
            }
            return c.withUserId(found.get(0).path("id").asText());
        });
    }

    /**
     * Unclaims everyone and clears their challenge questions through the pack's API, as their LEA administrator: they
     * claim again, questions included.
     */
    private void resetClaims(List<Claimant> people) throws Exception {
        parallel(people, c -> {
            for (String what : List.of("claim", "challenge-questions")) {
                HttpResponse<String> r = send("DELETE", "/admin/realms/" + realm + "/k12-claims/users/" + c.userId() + "/" + what, false);
                if (r.statusCode() != 200 && r.statusCode() != 204) {
                    throw new IllegalStateException("resetting " + what + " answered " + r.statusCode() + ": " + r.body());
                }
            }
            return c;
        });
    }

    /** Sets (or with null, removes) the claim step's "I'm not a robot" difficulty on the realm's username step. */
    private void captchaDifficulty(String maxNumber) throws Exception {
        String flow = URLEncoder.encode("k12 browser forms", StandardCharsets.UTF_8).replace("+", "%20");
        for (JsonNode execution : JSON.readTree(send("GET", "/admin/realms/" + realm + "/authentication/flows/" + flow
                + "/executions", true).body())) {
            if (STEP.equals(execution.path("providerId").asText()) && execution.hasNonNull("authenticationConfig")) {
                String path = "/admin/realms/" + realm + "/authentication/config/" + execution.path("authenticationConfig").asText();
                ObjectNode config = (ObjectNode) JSON.readTree(send("GET", path, true).body());
                ObjectNode values = config.with("config");
                if (maxNumber == null) {
                    values.remove("k12.captcha.maxNumber");
                } else {
                    values.put("k12.captcha.maxNumber", maxNumber);
                }
                HttpResponse<String> r = send("PUT", path, true, config.toString());
                if (r.statusCode() != 204) {
                    throw new IllegalStateException("updating the step's settings answered " + r.statusCode() + ": " + r.body());
                }
                return;
            }
        }
        throw new IllegalStateException("the realm's flow 'k12 browser forms' has no configured " + STEP);
    }

    private interface Call<T> {
        T apply(Claimant c) throws Exception;
    }

    /** {@code call} for each person on 4 threads; their results in order; the first failure thrown. */
    private static List<Claimant> parallel(List<Claimant> people, Call<Claimant> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Claimant>> results = new ArrayList<>();
            for (Claimant c : people) {
                results.add(pool.submit(() -> call.apply(c)));
            }
            List<Claimant> out = new ArrayList<>();
            for (Future<Claimant> f : results) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    private HttpResponse<String> send(String method, String path, boolean master) throws IOException, InterruptedException {
        return send(method, path, master, null);
    }

    /** As the master administrator or the LEA administrator; signs in again once when the token has expired. */
    private HttpResponse<String> send(String method, String path, boolean master, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = sendOnce(method, path, master ? masterToken : leaToken, json);
        if (r.statusCode() == 401) {
            synchronized (this) {
                if (master) {
                    masterToken = LoginClient.masterToken(http, server, "admin", "admin");
                } else {
                    leaToken = portal.accessToken("lea-admin." + psu, "Tarheel2026");
                }
            }
            r = sendOnce(method, path, master ? masterToken : leaToken, json);
        }
        return r;
    }

    private HttpResponse<String> sendOnce(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(1));
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
