package org.k12id.benchmarks.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.k12id.benchmarks.logins.LoginBenchmark;
import org.k12id.benchmarks.logins.LoginBenchmark.Result;
import org.k12id.benchmarks.logins.LoginClient;
import org.k12id.benchmarks.regeneration.RegenerationBenchmark;
import org.k12id.benchmarks.staff.StaffOptions;
import org.k12id.benchmarks.staff.StaffServer;
import org.k12id.benchmarks.staff.StaffSession;

/**
 * The state-sized realm against the small one, on one server in one run ({@code tools/bench-state.sh}): password and
 * badge logins at 30 concurrent clients (the {@code logins} benchmark's phases, alternating realms so drift hits both
 * alike), a teacher's class list and an administrator's first page of a PSU (the {@code staff} benchmark's sessions),
 * printing 30 badges, and regeneration of a whole 5,000-student PSU, regenerate-only and with reset, against the hashing
 * limit the {@code regeneration} benchmark's probe measures inside the server's JVM. Prints a Markdown table.
 *
 * <pre>
 *   --server http://127.0.0.1:8480 --small k12-small --state k12-state --small-psus 4 --state-psus 40
 *   --clients 30 --seconds 20 --runs 50 --jmx-port 9490 --cores (this machine's) --views-psu 502
 *   --phases logins,views,print,regeneration --out DIR
 * </pre>
 */
public final class StateBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Students signing in by password in each realm: more than a run's password logins, so that each login is a
     * student not seen before (as at 8:00, when each signs in once), read from the database rather than the user cache.
     */
    private static final int PASSWORD_POOL = 3_000;
    /** Students with a badge issued for the run, in each realm (issuing costs two requests a student). */
    private static final int BADGE_POOL = 900;
    private static final int WARMUPS = 5;

    private final Map<String, String> o;
    private final String server;
    private final Realm small;
    private final Realm state;

    /** One realm under test: its staff API access and the students it signs in as. */
    private record Realm(String name, StatePeople people, StaffServer staff, LoginClient app) {
    }

    private StateBenchmark(Map<String, String> o) {
        this.o = o;
        this.server = o.getOrDefault("server", "http://127.0.0.1:8480");
        this.small = realm(o.getOrDefault("small", "k12-small"), Integer.parseInt(o.getOrDefault("small-psus", "4")));
        this.state = realm(o.getOrDefault("state", "k12-state"), Integer.parseInt(o.getOrDefault("state-psus", "40")));
    }

    private Realm realm(String name, int psus) {
        StaffServer staff = new StaffServer(StaffOptions.parse(new String[] {"--server", server, "--realm", name,
                "--timeout", "120"}));
        return new Realm(name, StatePeople.of(psus), staff, staff.badgeApp());
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new StateBenchmark(o).run();
    }

    private void run() throws Exception {
        List<String> phases = Arrays.asList(o.getOrDefault("phases", "logins,views,print,regeneration").split(","));
        StateReport report = new StateReport(small.name() + " (" + people(small) + ")",
                state.name() + " (" + people(state) + ")");
        if (phases.contains("logins")) {
            logins(report);
        }
        if (phases.contains("views")) {
            views(report);
        }
        if (phases.contains("print")) {
            print(report);
        }
        if (phases.contains("regeneration")) {
            regeneration(report);
        }
        String md = report.markdown();
        System.out.println();
        System.out.print(md);
        if (o.containsKey("out")) {
            Files.writeString(Path.of(o.get("out")).resolve("table.md"), md);
        }
    }

    /** The realm's people (users/count of the admin API), as "203,123 people". */
    private String people(Realm realm) throws IOException, InterruptedException {
        String count = realm.staff().adminGet(realm.staff().masterToken(), "users/count");
        return String.format("%,d people", Long.parseLong(count.trim()));
    }

    // --- logins ------------------------------------------------------------------------------------------------

    private void logins(StateReport report) throws Exception {
        int clients = Integer.parseInt(o.getOrDefault("clients", "30"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
        List<String> smallUsers = small.people().passwordStudents(PASSWORD_POOL);
        List<String> stateUsers = state.people().passwordStudents(PASSWORD_POOL);
        System.out.printf("Issuing %d badges in each realm (as each PSU's LEA administrator)...%n", BADGE_POOL);
        List<String> smallBadges = badges(small, small.people().badgeStudents(BADGE_POOL));
        List<String> stateBadges = badges(state, state.people().badgeStudents(BADGE_POOL));
        // one counter per realm and kind over every phase: each login takes the next student of the pool
        Map<String, AtomicInteger> next = new HashMap<>();
        String password = o.getOrDefault("password", "Tarheel2026");

        System.out.printf("Logins at %d concurrent clients; warm-up %d s each, then two rounds of %d s each, realms"
                + " alternating%n", clients, seconds / 2, seconds);
        for (Realm r : List.of(small, state)) {
            List<String> users = r == small ? smallUsers : stateUsers;
            List<String> badges = r == small ? smallBadges : stateBadges;
            AtomicInteger p = next.computeIfAbsent("password" + r.name(), k -> new AtomicInteger());
            AtomicInteger b = next.computeIfAbsent("badge" + r.name(), k -> new AtomicInteger());
            LoginBenchmark.phase("warm-up password " + r.name(), clients, seconds / 2,
                    i -> r.app().passwordLogin(users.get(p.getAndIncrement() % users.size()), password));
            LoginBenchmark.phase("warm-up badge " + r.name(), clients, seconds / 2,
                    i -> r.app().badgeLogin(badges.get(b.getAndIncrement() % badges.size())));
        }
        Map<String, List<Result>> results = new HashMap<>();
        for (int round = 1; round <= 2; round++) {
            // the first round small realm first, the second the state first: what one phase leaves behind (the heap
            // after Argon2's hashing, say) weighs on each realm's phases alike
            List<Realm> order = round == 1 ? List.of(small, state) : List.of(state, small);
            for (String kind : List.of("password", "badge")) {
                for (Realm r : order) {
                    List<String> users = r == small ? smallUsers : stateUsers;
                    List<String> badges = r == small ? smallBadges : stateBadges;
                    AtomicInteger n = next.get(kind + r.name());
                    Result res = kind.equals("password")
                            ? LoginBenchmark.phase(kind + " " + r.name() + " " + round, clients, seconds,
                                    i -> r.app().passwordLogin(users.get(n.getAndIncrement() % users.size()), password))
                            : LoginBenchmark.phase(kind + " " + r.name() + " " + round, clients, seconds,
                                    i -> r.app().badgeLogin(badges.get(n.getAndIncrement() % badges.size())));
                    results.computeIfAbsent(kind + r.name(), k -> new ArrayList<>()).add(res);
                }
            }
        }
        for (String kind : List.of("password", "badge")) {
            Result s = LoginBenchmark.merge(kind, results.get(kind + small.name()));
            Result t = LoginBenchmark.merge(kind, results.get(kind + state.name()));
            report.withinOfSmall(kind + " login p50, " + clients + " clients", "ms", s.percentileMillis(50),
                    t.percentileMillis(50), 20);
            report.withinOfSmall(kind + " login p95, " + clients + " clients", "ms", s.percentileMillis(95),
                    t.percentileMillis(95), 20);
            report.plain(kind + " logins per second (errors " + s.errors() + " / " + t.errors() + ")", "/s",
                    s.throughput(), t.throughput());
        }
        for (Realm r : List.of(small, state)) {
            System.out.printf("  %s: %d password logins over a pool of %d students, %d badge logins over %d badges%n",
                    r.name(), next.get("password" + r.name()).get(), PASSWORD_POOL, next.get("badge" + r.name()).get(),
                    BADGE_POOL);
        }
    }

    /** Issues a badge for each student as the LEA administrator of the student's PSU; the payloads, in order. */
    private List<String> badges(Realm realm, List<String> usernames) throws Exception {
        String master = realm.staff().masterToken();
        Map<String, StaffSession> admins = new HashMap<>();
        List<String> payloads = new ArrayList<>();
        for (String username : usernames) {
            JsonNode user = user(realm, master, username);
            String psu = user.path("attributes").path("psuCode").path(0).asText();
            int grade = Integer.parseInt(user.path("attributes").path("gradeLevel").path(0).asText("99"));
            if (grade > 5) {
                throw new IllegalStateException(username + " is in grade " + grade + ", not a badge grade");
            }
            StaffSession admin = admins.computeIfAbsent(psu, p -> realm.staff().session("lea-admin." + p));
            StaffSession.Call call = admin.post("k12-badges/users/" + user.path("id").asText(), "");
            if (call.status() != 200) {
                throw new IllegalStateException("issuing a badge for " + username + ": " + call.describe());
            }
            payloads.add(JSON.readTree(call.body()).path("payload").asText());
        }
        return payloads;
    }

    private JsonNode user(Realm realm, String master, String username) throws IOException, InterruptedException {
        JsonNode found = JSON.readTree(realm.staff().adminGet(master, "users?exact=true&briefRepresentation=false&username="
                + username));
        if (!found.isArray() || found.isEmpty()) {
            throw new IllegalStateException("no " + username + " in " + realm.name() + ": is the realm loaded?");
        }
        return found.get(0);
    }

    // --- staff views and printing ----------------------------------------------------------------------------

    private void views(StateReport report) throws Exception {
        String psu = o.getOrDefault("views-psu", "502");
        String school = psu + "001";
        String teacher = "t." + school + ".g2-001";
        int runs = Integer.parseInt(o.getOrDefault("runs", "50"));
        System.out.printf("Staff views of PSU %s in both realms, as %s and lea-admin.%s: %d runs after %d warm-ups,"
                + " realms alternating%n", psu, teacher, psu, runs, WARMUPS);
        Map<Realm, String> classIds = new HashMap<>();
        for (Realm r : List.of(small, state)) {
            classIds.put(r, r.staff().groupId("psu-" + psu + "/" + school + "/g2-001"));
        }
        timed(report, "teacher: own classes (`me`)", teacher, r -> "k12-badges/me", null, runs, 150);
        timed(report, "teacher: class list, first page", teacher,
                r -> "k12-badges/students?class=" + classIds.get(r) + "&max=50", null, runs, 150);
        timed(report, "LEA administrator: first page of the PSU", "lea-admin." + psu,
                r -> "k12-badges/students?max=50", null, runs, 150);
    }

    private void print(StateReport report) throws Exception {
        String psu = o.getOrDefault("views-psu", "502");
        int runs = Integer.parseInt(o.getOrDefault("print-runs", "20"));
        Map<Realm, String> bodies = new HashMap<>();
        for (Realm r : List.of(small, state)) {
            String master = r.staff().masterToken();
            List<String> ids = new ArrayList<>();
            StatePeople one = new StatePeople(Integer.parseInt(psu), 2, 5_000,
                    r.people().firstStudentNumber() + (Integer.parseInt(psu) - r.people().firstPsu()) * 5_000L,
                    Integer.parseInt(psu) + 1);
            for (String username : one.badgeStudents(30)) {
                ids.add("\"" + user(r, master, username).path("id").asText() + "\"");
            }
            bodies.put(r, "{\"userIds\":[" + String.join(",", ids) + "],\"layout\":\"labels\",\"paper\":\"letter\","
                    + "\"renew\":false}");
        }
        System.out.printf("Printing 30 badges of PSU %s as lea-admin.%s: %d runs after %d warm-ups%n", psu, psu, runs,
                WARMUPS);
        timed(report, "print 30 badges (PDF)", "lea-admin." + psu, r -> "k12-badges/print", bodies, runs, 1000);
    }

    private interface PathOf {
        String of(Realm realm);
    }

    /** Times one view in both realms, alternating call by call; a POST when {@code bodies} is given. */
    private void timed(StateReport report, String name, String username, PathOf path, Map<Realm, String> bodies,
                       int runs, double limitMillis) throws Exception {
        Map<Realm, StaffSession> sessions = new HashMap<>();
        Map<Realm, long[]> times = new HashMap<>();
        for (Realm r : List.of(small, state)) {
            sessions.put(r, r.staff().session(username));
            sessions.get(r).signIn();
            times.put(r, new long[runs]);
        }
        for (int i = -WARMUPS; i < runs; i++) {
            for (Realm r : List.of(small, state)) {
                StaffSession.Call call = bodies == null ? sessions.get(r).get(path.of(r))
                        : sessions.get(r).post(path.of(r), bodies.get(r));
                if (call.status() != 200) {
                    throw new IllegalStateException(name + " in " + r.name() + ": " + call.describe());
                }
                if (i >= 0) {
                    times.get(r)[i] = call.nanos();
                }
            }
        }
        long[] s = times.get(small);
        long[] t = times.get(state);
        Arrays.sort(s);
        Arrays.sort(t);
        System.out.printf("  %-44s p50 %6.1f / %6.1f ms, p95 %6.1f / %6.1f ms (%s / %s)%n", name, pct(s, 50), pct(t, 50),
                pct(s, 95), pct(t, 95), small.name(), state.name());
        report.plain(name + ", p50", "ms", pct(s, 50), pct(t, 50));
        report.atMost(name + ", p95", "ms", pct(s, 95), pct(t, 95), limitMillis);
    }

    private static double pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    // --- regeneration --------------------------------------------------------------------------------------

    private void regeneration(StateReport report) throws Exception {
        String psu = String.valueOf(small.people().skippedPsu());
        int cores = Integer.parseInt(o.getOrDefault("cores", String.valueOf(Runtime.getRuntime().availableProcessors())));
        int jmxPort = Integer.parseInt(o.getOrDefault("jmx-port", "9490"));
        String resetGrades = o.getOrDefault("reset-grades", "");
        System.out.printf("Regeneration of PSU %s (5,000 students) in both realms, as lea-admin.%s%n", psu, psu);
        Map<Realm, RegenerationBenchmark.Run> only = new HashMap<>();
        Map<Realm, RegenerationBenchmark.Run> reset = new HashMap<>();
        Map<Realm, Double> limit = new HashMap<>();
        Map<Realm, Double> parallel = new HashMap<>();
        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(
                "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"))) {
            MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
            for (Realm r : List.of(small, state)) {
                RegenerationBenchmark bench = RegenerationBenchmark.of(server, r.name(), jmxPort, psu);
                bench.request(psu, "-3", false, r.name() + ": warm-up, grade PreK-3", null);
                bench.request(psu, "", false, r.name() + ": regenerate only, the whole PSU", null);
                only.put(r, bench.request(psu, "", false, r.name() + ": regenerate only, the whole PSU (again)", null));
                bench.request(psu, "12", true, r.name() + ": warm-up, reset grade 12", null);
                double before = bench.hashMillis(mbeans);
                reset.put(r, bench.request(psu, resetGrades, true, r.name() + ": regenerate and reset"
                        + (resetGrades.isEmpty() ? ", the whole PSU" : ", grades " + resetGrades), null));
                double after = bench.hashMillis(mbeans);
                // the faster of the two timings: the higher limit, the harder to reach
                limit.put(r, cores * 1000.0 / Math.min(before, after));
                parallel.put(r, bench.parallelHashesPerSecond(mbeans, cores));
                System.out.printf("  %s: one hash %.1f ms before, %.1f ms after the reset; limit %d cores: %.1f/s;"
                        + " hashing alone on %d threads: %.1f/s%n", r.name(), before, after, cores, limit.get(r), cores,
                        parallel.get(r));
            }
        }
        report.atLeast("regenerate only, whole PSU (" + only.get(state).students() + " students)", "students/s",
                only.get(small).perSecond(), only.get(state).perSecond(), 1000, 1000, "at least 1,000 students/s");
        report.plain("hashing limit (probe, " + cores + " cores)", "students/s", limit.get(small), limit.get(state));
        report.atLeast("regenerate and reset (" + reset.get(state).reset() + " students)", "students/s",
                reset.get(small).perSecond(), reset.get(state).perSecond(), 0.8 * limit.get(small),
                0.8 * limit.get(state), "at least 80% of the hashing limit");
        report.plain("reset as a share of the hashing limit", "%", 100 * reset.get(small).perSecond() / limit.get(small),
                100 * reset.get(state).perSecond() / limit.get(state));
        // what the cores this server really got can hash: on a shared machine, less than the limit
        report.plain("hashing alone, " + cores + " threads at once (probe)", "hashes/s", parallel.get(small),
                parallel.get(state));
        report.plain("reset as a share of hashing alone", "%", 100 * reset.get(small).perSecond() / parallel.get(small),
                100 * reset.get(state).perSecond() / parallel.get(state));
    }
}
