package org.k12id.benchmarks.regeneration;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.k12id.benchmarks.logins.LoginClient;

/**
 * Default password regeneration through the real API on a server of its own ({@code tools/bench-regeneration.sh}), as
 * a district's LEA administrator uses it: POST a request, then poll it until it completes. Throughput is the server's
 * own count of students over its own start and finish times (finding the targeted students included).
 *
 * <p>Memory is measured in runs of their own, because measuring disturbs the timing: while the request runs, the
 * server's heap is collected in full every half second (over JMX) and the heap still in use right after each
 * collection is noted. The largest of those is the most the request kept alive at once. Each size runs
 * {@value #MEMORY_ROUNDS} times, alternating, and the median of its peaks is compared (one run's peak moved by about 10
 * MiB with what the server's caches happened to hold).
 *
 * <p>The hashing limit comes from the benchmark's probe inside the server's JVM ({@code HashTimingProbe}).
 */
public final class RegenerationBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SAMPLE_MILLIS = 500;
    /** Memory runs of each size, alternated; the median peak of each size is compared. */
    private static final int MEMORY_ROUNDS = 3;
    private static final String PROBE = "org.k12id.benchmarks:type=HashTiming";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String server;
    private final String realm;
    private final int jmxPort;
    private LoginClient portal;
    private String leaAdmin;
    private String token;
    private String hashAlgorithm;

    /**
     * For another benchmark: requests of {@code lea-admin.<psu>} in {@code realm}, the probe over JMX on
     * {@code jmxPort}.
     */
    public static RegenerationBenchmark of(String server, String realm, int jmxPort, String psu) {
        RegenerationBenchmark bench = new RegenerationBenchmark(server, realm, jmxPort);
        bench.portal = new LoginClient(bench.http, server + "/realms/" + realm, "k12-demo-portal",
                "demo-portal-secret-change-me", "http://localhost:8401/callback");
        bench.leaAdmin = "lea-admin." + psu;
        return bench;
    }

    private RegenerationBenchmark(String server, String realm, int jmxPort) {
        this.server = server;
        this.realm = realm;
        this.jmxPort = jmxPort;
    }

    /** One finished request: the server's figures, and the peak live heap if it was sampled (else 0). */
    public record Run(String label, int students, int reset, long millis, double peakLiveMiB, int samples) {
        public double perSecond() {
            return students * 1000.0 / Math.max(1, millis);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        RegenerationBenchmark bench = new RegenerationBenchmark(o.getOrDefault("server", "http://localhost:8180"),
                o.getOrDefault("realm", "k12-demo"), Integer.parseInt(o.getOrDefault("jmx-port", "9190")));
        int cores = Integer.parseInt(o.getOrDefault("cores", String.valueOf(Runtime.getRuntime().availableProcessors())));
        int resetStudents = Integer.parseInt(o.getOrDefault("reset-students", "20000"));
        if (Boolean.parseBoolean(o.getOrDefault("reset-only", "false"))) {
            bench.resetOnly(o.getOrDefault("psu", "900"), resetStudents, cores);
        } else {
            bench.run(o.getOrDefault("psu", "900"), resetStudents, cores);
        }
    }

    private void run(String psu, int resetStudents, int cores) throws Exception {
        portal = new LoginClient(http, server + "/realms/" + realm, "k12-demo-portal",
                "demo-portal-secret-change-me", "http://localhost:8401/callback");
        leaAdmin = "lea-admin." + psu;
        String small = "-3,-2,-1,0";

        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(
                "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"))) {
            MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
            MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.MEMORY_MXBEAN_NAME,
                    MemoryMXBean.class);

            System.out.println("Warming up (grade PreK-3, regenerate only)...");
            request(psu, "-3", false, "warm-up", null);

            List<Run> speed = new ArrayList<>();
            speed.add(request(psu, small, false, "regenerate only, grades PreK-3 to K", null));
            speed.add(request(psu, "", false, "regenerate only, the whole PSU", null));
            speed.add(request(psu, small, false, "regenerate only, grades PreK-3 to K (again)", null));
            speed.add(request(psu, "", false, "regenerate only, the whole PSU (again)", null));

            System.out.println("Memory runs (a full GC every half second while each request runs)...");
            double idle = liveMiB(memory);
            List<Run> heap = new ArrayList<>();
            for (int round = 0; round < MEMORY_ROUNDS; round++) {
                heap.add(request(psu, small, false, "regenerate only, grades PreK-3 to K", memory));
                heap.add(request(psu, "", false, "regenerate only, the whole PSU", memory));
            }
            double smallPeak = medianPeak(heap, 0);
            double wholePeak = medianPeak(heap, 1);

            System.out.println("Warming up reset (grade 10)...");
            request(psu, "10", true, "warm-up, reset", null);
            System.out.println("Timing one hash with the realm's algorithm in the server's JVM, one at a time (the server is otherwise idle)...");
            double hashBefore = hashMillis(mbeans);
            Run reset = resetRequest(psu, resetStudents, speed.get(1).students());
            System.out.println("Timing one hash again, then " + cores + " hashes at once...");
            double hashAfter = hashMillis(mbeans);
            double parallel = (Double) mbeans.invoke(new ObjectName(PROBE), "parallelHashesPerSecond", new Object[] {realm, cores},
                    new String[] {String.class.getName(), int.class.getName()});
            // the faster of the two timings: the higher limit, the harder to reach
            double hashMillis = Math.min(hashBefore, hashAfter);
            double limit = cores * 1000.0 / hashMillis;

            System.out.println();
            System.out.println("| request | students | seconds | students/s |");
            System.out.println("|---|---|---|---|");
            for (Run r : speed) {
                System.out.printf("| %s | %,d | %.1f | %,.0f |%n", r.label(), r.students(), r.millis() / 1000.0, r.perSecond());
            }
            System.out.printf("| %s | %,d (%,d reset) | %.1f | %,.1f |%n", reset.label(), reset.students(), reset.reset(),
                    reset.millis() / 1000.0, reset.perSecond());
            System.out.println();
            System.out.printf("One %s hash in the server's JVM (median of 100, one at a time): %.1f ms before the reset request,"
                    + " %.1f ms after%n", hashAlgorithm, hashBefore, hashAfter);
            System.out.printf("Hashing limit: %d cores / %.1f ms = %.1f students/s; reset ran at %.1f students/s = %.0f%% of the limit%n",
                    cores, hashMillis, limit, reset.perSecond(), 100 * reset.perSecond() / limit);
            System.out.printf("Hashing alone on %d threads at once in the server's JVM: %.1f hashes/s (%.0f%% of the limit);"
                    + " reset ran at %.0f%% of that%n", cores, parallel, 100 * parallel / limit, 100 * reset.perSecond() / parallel);
            System.out.println();
            System.out.println("| memory run | students | samples | peak live heap, MiB |");
            System.out.println("|---|---|---|---|");
            System.out.printf("| idle server, before | - | 1 | %.0f |%n", idle);
            for (Run r : heap) {
                System.out.printf("| %s | %,d | %d | %.0f |%n", r.label(), r.students(), r.samples(), r.peakLiveMiB());
            }
            System.out.printf("Median peak live heap of %d runs each: %.0f MiB for %,d students, %.0f MiB for %,d: ratio %.2f%n",
                    MEMORY_ROUNDS, smallPeak, heap.get(0).students(), wholePeak, heap.get(1).students(), wholePeak / smallPeak);
        }
    }

    /** Only the reset part (warm-up, hash timings, the reset request), for working on reset speed. */
    private void resetOnly(String psu, int resetStudents, int cores) throws Exception {
        portal = new LoginClient(http, server + "/realms/" + realm, "k12-demo-portal",
                "demo-portal-secret-change-me", "http://localhost:8401/callback");
        leaAdmin = "lea-admin." + psu;
        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(
                "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"))) {
            MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
            request(psu, "10", true, "warm-up, reset", null);
            double hashBefore = hashMillis(mbeans);
            Run reset = resetRequest(psu, resetStudents, 20_000);
            double hashAfter = hashMillis(mbeans);
            double parallel = (Double) mbeans.invoke(new ObjectName(PROBE), "parallelHashesPerSecond", new Object[] {realm, cores},
                    new String[] {String.class.getName(), int.class.getName()});
            double limit = cores * 1000.0 / Math.min(hashBefore, hashAfter);
            System.out.printf("reset %.1f/s; hash %.1f / %.1f ms; limit %.1f/s; %.0f%% of the limit; parallel alone %.1f/s (%.0f%%); reset/parallel %.0f%%%n",
                    reset.perSecond(), hashBefore, hashAfter, limit, 100 * reset.perSecond() / limit, parallel,
                    100 * parallel / limit, 100 * reset.perSecond() / parallel);
        }
    }

    /**
     * Regenerates and resets at least {@code students} of the PSU's {@code psuStudents} (a sixteenth in each grade):
     * grades 12, 11 and down until there are enough, or the whole PSU.
     */
    private Run resetRequest(String psu, int students, int psuStudents) throws Exception {
        if (students >= psuStudents) {
            return request(psu, "", true, "regenerate and reset, the whole PSU", null);
        }
        int perGrade = psuStudents / 16;
        List<String> grades = new ArrayList<>();
        for (int g = 12; g >= -3 && grades.size() * perGrade < students; g--) {
            grades.add(String.valueOf(g));
        }
        return request(psu, String.join(",", grades), true, "regenerate and reset, grades " + String.join(",", grades), null);
    }

    /** The median peak of the memory runs at {@code offset} (0: the smaller request, 1: the whole PSU). */
    private static double medianPeak(List<Run> heap, int offset) {
        List<Double> peaks = new ArrayList<>();
        for (int i = offset; i < heap.size(); i += 2) {
            peaks.add(heap.get(i).peakLiveMiB());
        }
        peaks.sort(null);
        return peaks.get(peaks.size() / 2);
    }

    private static double liveMiB(MemoryMXBean memory) {
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    /** Submits a request and waits for it; with {@code memory}, samples the live heap while it runs. */
    public Run request(String psu, String grades, boolean reset, String label, MemoryMXBean memory) throws Exception {
        token = portal.accessToken(leaAdmin, "Tarheel2026");
        ObjectNode form = JSON.createObjectNode().put("psuCode", psu).put("campusCodes", "").put("gradeLevels", grades)
                .put("resetPasswords", reset).put("forceChange", false).put("comments", "benchmark: " + label);
        HttpResponse<String> posted = send("POST", "/admin/realms/" + realm + "/k12-default-passwords/requests", form.toString());
        if (posted.statusCode() != 202) {
            throw new IllegalStateException("POST requests answered " + posted.statusCode() + ": " + posted.body());
        }
        String id = JSON.readTree(posted.body()).path("id").asText();
        double peak = 0;
        int samples = 0;
        JsonNode status;
        while (true) {
            if (memory != null) {
                peak = Math.max(peak, liveMiB(memory));
                samples++;
            }
            Thread.sleep(memory != null ? SAMPLE_MILLIS : 250);
            status = JSON.readTree(send("GET", "/admin/realms/" + realm + "/k12-default-passwords/requests/" + id, null).body());
            String state = status.path("status").asText();
            if (!state.equals("queued") && !state.equals("running")) {
                break;
            }
        }
        if (!"completed".equals(status.path("status").asText()) || status.path("counts").path("failed").asInt() != 0) {
            throw new IllegalStateException("request " + label + " ended: " + status);
        }
        JsonNode counts = status.path("counts");
        Run run = new Run(label, counts.path("regenerated").asInt(), counts.path("reset").asInt(),
                status.path("finishedAt").asLong() - status.path("startedAt").asLong(), peak, samples);
        System.out.printf("  %s: %,d students in %.1f s%s%n", label, run.students(), run.millis() / 1000.0,
                memory == null ? "" : String.format(" (peak live heap %.0f MiB, %d samples)", peak, samples));
        return run;
    }

    /**
     * The median time of one hash with the realm's algorithm, measured inside the server's own JVM by the benchmark's
     * probe ({@code HashTimingProbe}, installed on this server only, reached over JMX on the loopback address).
     * Measured there, not here: the same hash timed in two JVMs on this machine differed by more than two times from
     * one JVM start to the next (how the JIT compiled it), so only the server's own figure says what its resets can
     * reach.
     */
    public double hashMillis(MBeanServerConnection mbeans) throws Exception {
        ObjectName probe = new ObjectName(PROBE);
        hashAlgorithm = (String) mbeans.invoke(probe, "algorithm", new Object[] {realm}, new String[] {String.class.getName()});
        return (Double) mbeans.invoke(probe, "medianHashMillis", new Object[] {realm}, new String[] {String.class.getName()});
    }

    /** Hashes a second the realm's algorithm reaches on {@code threads} threads at once in the server's JVM (the probe). */
    public double parallelHashesPerSecond(MBeanServerConnection mbeans, int threads) throws Exception {
        return (Double) mbeans.invoke(new ObjectName(PROBE), "parallelHashesPerSecond", new Object[] {realm, threads},
                new String[] {String.class.getName(), int.class.getName()});
    }

    /** Sends as the LEA administrator; signs in again once if the token expired meanwhile (a long reset request). */
    private HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = sendOnce(method, path, json);
        if (r.statusCode() == 401) {
            token = portal.accessToken(leaAdmin, "Tarheel2026");
            r = sendOnce(method, path, json);
            if (r.statusCode() == 401) {
                throw new IllegalStateException("the LEA administrator's new token was refused too");
            }
        }
        return r;
    }

    private HttpResponse<String> sendOnce(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(2));
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
