package org.k12id.benchmarks.staff;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.k12id.benchmarks.logins.LoginClient;

/**
 * Staff views at district scale (issue 21), against a running server with generated PSUs loaded
 * ({@code tools/bench-staff.sh} sets it all up and runs the phases in turn). Three phases, each its own run of this
 * class, each writing JSON into {@code --out}; {@code report} reads them all and prints the tables.
 *
 * <ul>
 *   <li>{@code views --psus 901}: as {@code lea-admin.<psu>}, {@code lea-auditor.<psu>} and the generated teacher of
 *       class {@code g2-001} of school {@code <psu>001}, times every staff view: the first page of 50 of the whole
 *       scope, of one school, of one grade, of one class, a page deep in the list ({@code first=1000}, or the last
 *       full page of a shorter list), {@code me}, {@code opt-outs}, the default passwords of one school (JSON and CSV),
 *       and a print of the class (labels, reprinted). Three warm-ups, then {@code --runs}; a view slower than
 *       {@code --view-budget} seconds in all stops after at least 3 runs. A view the role may not use is timed too
 *       (its 403 is expected).</li>
 *   <li>{@code concurrency --psus 900 --badge-psu 901}: badges issued to 60 students of the badge PSU, then badge
 *       logins at {@code --badge-rate} a second from {@code --clients} clients, in {@code --rounds} pairs of windows
 *       of {@code --seconds}: alone, and beside {@code --staff} staff (half LEA administrators, a quarter auditors, a
 *       quarter teachers) paging through the largest PSU, {@code --think-ms} between a person's clicks. The order
 *       alternates (alone first, then beside first, ...) so that a slow stretch of a shared machine falls on both
 *       sides; figures are pooled over the rounds and each window's server CPU is read from {@code /proc}. Paging
 *       {@code portal} (the default): a random filter's first page, then Next three times in four, as the portal's
 *       pager goes; {@code jump}: a random page of a random filter every time.</li>
 *   <li>{@code report}: the tables, the ratio of the largest PSU to the smallest, and the targets.</li>
 * </ul>
 *
 * The server's heap is watched over JMX by attaching to {@code --pid} ({@link ServerHeap}). Every request has a
 * timeout ({@code --timeout}, 30 s); a timeout, an error status or a server that stopped answering is counted and
 * reported, and a phase whose server died writes what it has and stops.
 */
public final class StaffViewsBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final double SLOW_MILLIS = 2000;
    private static final int MIN_RUNS = 3;

    // --- what the phases write ---

    /** One view for one role at one PSU size; times in ms. */
    public record ViewResult(String psu, int size, String role, String user, String view, String path, int expected,
                             int warmups, int runs, double p50, double p95, double max, int over2s,
                             Map<String, Integer> statuses, int failures, String firstFailure, int total,
                             double firstCallMillis, List<Double> millis) {
    }

    /** Heap figures of one stretch, MiB (-1: not measured). */
    public record HeapFigures(String label, double maxAfterGcMiB, double maxAfterFullGcMiB, int collections,
                              int fullCollections, long pauseMillis, double liveAfterMiB, double maxHeapMiB) {
        static HeapFigures of(ServerHeap.Segment s, long liveAfter) {
            return new HeapFigures(s.label(), mib(s.maxAfterGc()), mib(s.maxAfterFullGc()), s.collections(),
                    s.fullCollections(), s.pauseMillis(), mib(liveAfter), mib(s.maxHeap()));
        }
    }

    public record ViewsPhase(String psu, int size, String started, int runsAsked, List<ViewResult> views, HeapFigures heap,
                             String aborted) {
    }

    /** Requests of a load phase; times in ms. */
    public record LoadResult(String name, int count, int failures, double perSecond, double p50, double p95, double max,
                             int over2s, Map<String, Integer> statuses, String firstFailure) {
    }

    /** One window of badge logins, alone or beside the staff; times in ms, CPU in ms a second. */
    public record Window(int round, String with, int badgeLogins, double p50, double p95, int staffPages, double serverCpuPerSecond,
                         double benchmarkCpuPerSecond) {
    }

    /** Badge logins alone and beside the staff, in {@code rounds} pairs of windows of {@code seconds}; pooled figures. */
    public record ConcurrencyPhase(String psu, int size, String badgePsu, int clients, double badgeRate, int staff,
                                   int thinkMillis, int seconds, int rounds, LoadResult badgeAlone, LoadResult badgeWithStaff,
                                   LoadResult staffPaging, Map<String, LoadResult> staffByFilter, List<Window> windows,
                                   HeapFigures heapAlone, HeapFigures heapWithStaff, String aborted) {
    }

    private record Timed(List<long[]> entries, double seconds, String firstFailure) {
    }

    // --- set-up ---

    private final Map<String, String> o;
    private final String server;
    private final String realm;
    private final String password;
    private final Duration timeout;
    private final Path out;
    private final Map<String, Integer> sizes = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final LoginClient portal;

    private StaffViewsBenchmark(Map<String, String> o) {
        this.o = o;
        this.server = o.getOrDefault("server", "http://localhost:18080");
        this.realm = o.getOrDefault("realm", "k12-demo");
        this.password = o.getOrDefault("password", "Tarheel2026");
        this.timeout = Duration.ofSeconds(Integer.parseInt(o.getOrDefault("timeout", "30")));
        this.out = Path.of(o.getOrDefault("out", "target/bench-staff/results/latest"));
        for (String pair : o.getOrDefault("sizes", "901=1000,910=10000,900=50000").split(",")) {
            String[] kv = pair.split("=");
            sizes.put(kv[0].trim(), Integer.parseInt(kv[1].trim()));
        }
        this.portal = new LoginClient(http, server + "/realms/" + realm, "k12-demo-portal",
                "demo-portal-secret-change-me", "http://localhost:8401/callback");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        StaffViewsBenchmark bench = new StaffViewsBenchmark(o);
        Files.createDirectories(bench.out);
        int status = 0;
        switch (o.getOrDefault("phase", "views")) {
            case "views" -> {
                for (String psu : o.getOrDefault("psus", "901,910,900").split(",")) {
                    if (!bench.views(psu.trim())) {
                        status = 3;
                        break;
                    }
                }
            }
            case "concurrency" -> {
                String[] psus = o.getOrDefault("psus", "900").split(",");
                status = bench.concurrency(psus[psus.length - 1].trim(), o.getOrDefault("badge-psu", "901")) ? 0 : 3;
            }
            case "report" -> bench.report();
            default -> {
                System.err.println("--phase views|concurrency|report");
                status = 2;
            }
        }
        System.exit(status);
    }

    private long pid() {
        return Long.parseLong(o.getOrDefault("pid", "0"));
    }

    private StaffSession session(String username) {
        return new StaffSession(http, portal, server, realm, username, password, timeout);
    }

    // --- phase 1: the views, one PSU ---

    private record View(String name, String method, String path, boolean teacherMay, boolean auditorMay) {
    }

    /** Returns false if the server stopped answering. */
    private boolean views(String psu) throws Exception {
        int size = sizes.getOrDefault(psu, 0);
        int runs = Integer.parseInt(o.getOrDefault("runs", "20"));
        int warmups = Integer.parseInt(o.getOrDefault("warmups", "3"));
        double budget = Double.parseDouble(o.getOrDefault("view-budget", "30")) * 1e9;
        String school = psu + "001";
        String className = "g2-001";
        String teacher = "t." + school.toLowerCase() + "." + className;
        System.out.printf("%nPSU %s (%,d students): views as lea-admin.%s, lea-auditor.%s and %s; %d runs after %d warm-ups%n",
                psu, size, psu, psu, teacher, runs, warmups);
        String classId = groupId("psu-" + psu + "/" + school + "/" + className);
        List<ViewResult> results = new ArrayList<>();
        Path file = out.resolve("views-" + psu + ".json");
        String started = Instant.now().toString();
        String aborted = null;
        try (ServerHeap heap = ServerHeap.attach(pid())) {
            if (heap != null) {
                heap.liveNow();
                heap.begin("views, PSU " + psu);
            }
            roles:
            for (String[] role : new String[][] {{"LEA administrator", "lea-admin." + psu}, {"LEA data auditor", "lea-auditor." + psu},
                    {"teacher", teacher}}) {
                StaffSession staff = session(role[1]);
                try {
                    staff.signIn();
                } catch (IOException e) {
                    String why = StaffSession.failure(e, "sign-in failed: ");
                    results.add(new ViewResult(psu, size, role[0], role[1], "(sign-in)", "", 200, 0, 0, 0, 0, 0, 0,
                            Map.of(), 1, why, 0, Double.NaN, List.of()));
                    System.out.printf("  %s: %s%n", role[1], why);
                    if (why.contains("connection refused")) {
                        aborted = "the server stopped answering (signing in " + role[1] + ")";
                        break;
                    }
                    continue;
                }
                boolean teacherRole = role[0].equals("teacher");
                boolean auditorRole = role[0].equals("LEA data auditor");
                int total = -1;
                for (View view : views(school, classId)) {
                    String path = view.path();
                    if (path.contains("{deep}")) {
                        if (total < 0) {
                            continue;
                        }
                        int deep = Math.min(1000, Math.max(0, (total - 50) / 50 * 50));
                        if (deep == 0) {
                            System.out.printf("  %-18s %-44s only one page (%d students)%n", role[0], view.name(), total);
                            continue;
                        }
                        path = path.replace("{deep}", String.valueOf(deep));
                    }
                    int expected = (teacherRole && !view.teacherMay()) || (auditorRole && !view.auditorMay()) ? 403 : 200;
                    ViewResult r = measure(psu, size, role[0], staff, view, path, expected, warmups, runs, budget);
                    results.add(r);
                    if (view.name().startsWith("students: whole scope") && r.total() >= 0) {
                        total = r.total();
                    }
                    write(file, new ViewsPhase(psu, size, started, runs, results, null, aborted));
                    if (r.firstFailure() != null && r.firstFailure().contains("connection refused")) {
                        aborted = "the server stopped answering (" + role[1] + ", " + view.name() + ")";
                        break roles;
                    }
                }
            }
            HeapFigures figures = null;
            if (heap != null && aborted == null) {
                ServerHeap.Segment segment = heap.end();
                figures = HeapFigures.of(segment, heap.liveNow());
                System.out.printf("  heap (max %.0f MiB): highest after a GC %.0f MiB, after a full GC %.0f MiB; %d GCs (%d full), "
                                + "%d ms paused; live after the phase %.0f MiB%n", figures.maxHeapMiB(), figures.maxAfterGcMiB(),
                        figures.maxAfterFullGcMiB(), figures.collections(), figures.fullCollections(), figures.pauseMillis(),
                        figures.liveAfterMiB());
            }
            write(file, new ViewsPhase(psu, size, started, runs, results, figures, aborted));
        }
        if (aborted != null) {
            System.out.println("  ABORTED: " + aborted);
        }
        return aborted == null;
    }

    private static List<View> views(String school, String classId) {
        String printBody = "{\"classId\":\"" + classId + "\",\"layout\":\"labels\",\"paper\":\"letter\",\"renew\":false}";
        return List.of(
                new View("students: whole scope, first page", "GET", "k12-badges/students?max=50", true, true),
                new View("students: one school, first page", "GET", "k12-badges/students?school=" + school + "&max=50", true, true),
                new View("students: one grade (2), first page", "GET", "k12-badges/students?grade=2&max=50", true, true),
                new View("students: one class, first page", "GET", "k12-badges/students?class=" + classId + "&max=50", true, true),
                new View("students: deep page", "GET", "k12-badges/students?first={deep}&max=50", true, true),
                new View("me", "GET", "k12-badges/me", true, true),
                new View("classes of one school", "GET", "k12-badges/classes?school=" + school, true, true),
                new View("opt-outs", "GET", "k12-badges/opt-outs", false, true),
                new View("default passwords: whole scope, first page", "GET", "k12-default-passwords/students?max=50", true, false),
                new View("default passwords: one school", "GET", "k12-default-passwords/students?school=" + school, true, false),
                new View("default passwords CSV: one school", "GET", "k12-default-passwords/students.csv?school=" + school, true, false),
                new View("print one class (labels)", "POST", "k12-badges/print\n" + printBody, true, false));
    }

    private ViewResult measure(String psu, int size, String role, StaffSession staff, View view, String path, int expected,
                               int warmups, int runs, double budget) throws Exception {
        List<Long> times = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        int failures = 0;
        String firstFailure = null;
        int total = -1;
        int warm = 0;
        int over2s = 0;
        double firstCall = -1;
        List<Double> all = new ArrayList<>();
        long warmStart = System.nanoTime();
        long measuredStart = 0;
        while (true) {
            boolean warming = warm < warmups && System.nanoTime() - warmStart < budget / 3;
            if (!warming) {
                if (measuredStart == 0) {
                    measuredStart = System.nanoTime();
                }
                if (times.size() + failures >= runs || (times.size() + failures >= MIN_RUNS && System.nanoTime() - measuredStart > budget)) {
                    break;
                }
            }
            StaffSession.Call call = view.method().equals("POST")
                    ? staff.post(path.substring(0, path.indexOf('\n')), path.substring(path.indexOf('\n') + 1))
                    : staff.get(path);
            if (firstCall < 0) {
                firstCall = call.nanos() / 1e6;
            }
            if (warming) {
                warm++;
            } else {
                all.add(Math.round(call.nanos() / 1e4) / 100.0);
                statuses.merge(call.status() == 0 ? "failed" : String.valueOf(call.status()), 1, Integer::sum);
                if (call.status() == expected) {
                    times.add(call.nanos());
                } else {
                    failures++;
                    if (firstFailure == null) {
                        firstFailure = call.failure() != null ? call.failure()
                                : "HTTP " + call.status() + " " + abbreviate(call.body());
                    }
                }
            }
            if (call.status() == 200 && total < 0 && call.body().startsWith("{")) {
                JsonNode body = JSON.readTree(call.body());
                total = body.has("total") ? body.path("total").asInt() : body.path("students").size();
            }
            if (!warming && (call.status() == 0 || call.nanos() / 1e6 > SLOW_MILLIS)) {
                over2s++;
            }
            if (call.serverGone()) {
                if (warming) {
                    failures++;
                    statuses.merge("failed", 1, Integer::sum);
                    firstFailure = firstFailure == null ? call.failure() : firstFailure;
                }
                break;
            }
        }
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
        ViewResult r = new ViewResult(psu, size, role, staff.username(), view.name(), view.method() + " " + path.split("\n")[0],
                expected, warm, sorted.length + failures, percentile(sorted, 50), percentile(sorted, 95),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6, over2s, statuses, failures,
                firstFailure, total, firstCall, all);
        System.out.printf("  %-18s %-40s %3d runs  p50 %8.1f  p95 %8.1f  max %8.1f ms  first call %8.1f ms  %s%s%n", role,
                view.name(), r.runs(), r.p50(), r.p95(), r.max(), firstCall, statuses,
                firstFailure == null ? "" : "  first failure: " + firstFailure);
        return r;
    }

    // --- phase 2: badge logins alone, then beside staff paging ---

    private boolean concurrency(String psu, String badgePsu) throws Exception {
        int size = sizes.getOrDefault(psu, 0);
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "10"));
        double rate = Double.parseDouble(o.getOrDefault("badge-rate", "20"));
        int staffCount = Integer.parseInt(o.getOrDefault("staff", "20"));
        int think = Integer.parseInt(o.getOrDefault("think-ms", "1000"));
        Path file = out.resolve("concurrency.json");
        System.out.printf("%nBadge logins (%d clients, %.0f a second in all, students of PSU %s), %d rounds of %d s alone and %d s "
                + "beside %d staff paging through PSU %s (%,d students; %d ms between a person's clicks, %s paging)%n", clients, rate,
                badgePsu, Integer.parseInt(o.getOrDefault("rounds", "3")), seconds, seconds, staffCount, psu, size, think,
                o.getOrDefault("paging", "portal"));

        // badges for 60 students of the badge PSU (PreK-5), issued through the API as its LEA administrator
        StaffSession badgeAdmin = session("lea-admin." + badgePsu);
        List<String> payloads = new ArrayList<>();
        for (int grade : new int[] {2, 3, 1, 4}) {
            StaffSession.Call list = badgeAdmin.get("k12-badges/students?grade=" + grade + "&max=60");
            if (list.status() != 200) {
                return abort(file, psu, size, badgePsu, clients, rate, staffCount, think, seconds,
                        "could not list badge students: " + describe(list));
            }
            for (JsonNode student : JSON.readTree(list.body()).path("students")) {
                if (payloads.size() >= 60 || !student.path("badgeAllowed").asBoolean()) {
                    continue;
                }
                StaffSession.Call issued = badgeAdmin.post("k12-badges/users/" + student.path("id").asText(), "");
                if (issued.status() != 200) {
                    return abort(file, psu, size, badgePsu, clients, rate, staffCount, think, seconds,
                            "could not issue a badge: " + describe(issued));
                }
                payloads.add(JSON.readTree(issued.body()).path("payload").asText());
            }
            if (payloads.size() >= 60) {
                break;
            }
        }
        LoginClient app = new LoginClient(http, server + "/realms/" + realm, "k12-demo-app", null, "http://localhost:8400/callback");

        // what the staff page through: the PSU's schools and some of their classes (read with the master admin)
        String master = LoginClient.masterToken(http, server, o.getOrDefault("admin", "admin"), o.getOrDefault("admin-password", "admin"));
        String psuGroup = groupId("psu-" + psu);
        List<String> schools = new ArrayList<>();
        for (JsonNode g : JSON.readTree(adminGet(master, "groups/" + psuGroup + "/children?briefRepresentation=true&max=1000"))) {
            schools.add(g.path("name").asText());
        }
        List<String> classIds = new ArrayList<>();
        List<String> teachers = new ArrayList<>();
        for (String school : schools.subList(0, Math.min(10, schools.size()))) {
            String schoolId = groupId("psu-" + psu + "/" + school);
            for (JsonNode g : JSON.readTree(adminGet(master, "groups/" + schoolId + "/children?briefRepresentation=false&max=1000"))) {
                classIds.add(g.path("id").asText());
                if (teachers.size() < staffCount) {
                    teachers.add("t." + school.toLowerCase() + "." + g.path("name").asText());
                }
            }
        }
        List<StaffSession> staff = new ArrayList<>();
        for (int i = 0; i < staffCount; i++) {
            String user = i % 4 < 2 ? "lea-admin." + psu : i % 4 == 2 ? "lea-auditor." + psu : teachers.get(i % teachers.size());
            StaffSession s = session(user);
            s.signIn();
            staff.add(s);
        }

        int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        try (ServerHeap heap = ServerHeap.attach(pid())) {
            AtomicBoolean gone = new AtomicBoolean();
            AtomicReference<String> staffFailure = new AtomicReference<>();
            System.out.println("  warm-up: badge logins for 10 s, then the staff paging for 10 s");
            badgeLoad(app, payloads, clients, rate, 10, gone);
            staffPaging(staff, size, schools, classIds, think, 10, gone, new ConcurrentHashMap<>(), new AtomicReference<>());
            if (heap != null) {
                heap.liveNow();
            }
            // alone and beside the staff in turn (alone first in odd rounds, beside first in even ones), so that a slow
            // stretch of this shared machine falls on both sides rather than on one
            List<long[]> aloneEntries = new ArrayList<>();
            List<long[]> besideEntries = new ArrayList<>();
            List<long[]> paged = new ArrayList<>();
            Map<String, List<long[]>> byFilter = new ConcurrentHashMap<>();
            List<Window> windows = new ArrayList<>();
            ServerHeap.Segment heapAlone = null;
            ServerHeap.Segment heapBeside = null;
            String aloneFailure = null;
            String besideFailure = null;
            double aloneSeconds = 0;
            double besideSeconds = 0;
            for (int round = 1; round <= rounds && !gone.get(); round++) {
                for (boolean withStaff : round % 2 == 1 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                    if (gone.get()) {
                        break;
                    }
                    if (withStaff) {
                        // fresh tokens, one sign-in after another, before the window: no sign-in falls inside it. (Ten
                        // sign-ins of one account in the same second make Keycloak's brute-force detection lock it.)
                        for (StaffSession s : staff) {
                            s.renew();
                        }
                    }
                    if (heap != null) {
                        heap.begin(withStaff ? "badge logins beside staff paging" : "badge logins alone");
                    }
                    long serverCpu = serverCpuMillis();
                    long ownCpu = ownCpuMillis();
                    long began = System.nanoTime();
                    ExecutorService staffRun = Executors.newSingleThreadExecutor();
                    Future<List<long[]>> staffDone = withStaff
                            ? staffRun.submit(() -> staffPaging(staff, size, schools, classIds, think, seconds, gone, byFilter, staffFailure))
                            : null;
                    Timed badge = badgeLoad(app, payloads, clients, rate, seconds, gone);
                    List<long[]> pages = staffDone == null ? List.of() : staffDone.get();
                    staffRun.shutdown();
                    double elapsed = (System.nanoTime() - began) / 1e9;
                    double serverCpuPerSecond = serverCpu < 0 ? -1 : (serverCpuMillis() - serverCpu) / elapsed;
                    double ownCpuPerSecond = (ownCpuMillis() - ownCpu) / elapsed;
                    ServerHeap.Segment segment = heap == null ? null : heap.end();
                    LoadResult window = load("badge logins", badge.entries(), badge.seconds(), badge.firstFailure());
                    windows.add(new Window(round, withStaff ? "beside the staff" : "alone", window.count(), window.p50(), window.p95(),
                            pages.size(), serverCpuPerSecond, ownCpuPerSecond));
                    System.out.printf("  round %d, %-16s badge logins %5d  p50 %6.1f  p95 %6.1f ms   staff pages %5d   server CPU %5.0f ms/s"
                                    + "   this benchmark's CPU %5.0f ms/s%n", round, withStaff ? "beside the staff" : "alone", window.count(),
                            window.p50(), window.p95(), pages.size(), serverCpuPerSecond, ownCpuPerSecond);
                    if (withStaff) {
                        besideEntries.addAll(badge.entries());
                        besideSeconds += badge.seconds();
                        besideFailure = besideFailure == null ? badge.firstFailure() : besideFailure;
                        paged.addAll(pages);
                        heapBeside = heapBeside == null ? segment : segment == null ? heapBeside : heapBeside.and(segment);
                    } else {
                        aloneEntries.addAll(badge.entries());
                        aloneSeconds += badge.seconds();
                        aloneFailure = aloneFailure == null ? badge.firstFailure() : aloneFailure;
                        heapAlone = heapAlone == null ? segment : segment == null ? heapAlone : heapAlone.and(segment);
                    }
                }
            }
            LoadResult alone = load("badge logins", aloneEntries, aloneSeconds, aloneFailure);
            LoadResult withStaff = load("badge logins", besideEntries, besideSeconds, besideFailure);
            LoadResult paging = load("staff paging (GET students)", paged, besideSeconds, staffFailure.get());
            Map<String, LoadResult> filters = new TreeMap<>();
            double pagingSeconds = besideSeconds;
            byFilter.forEach((k, v) -> filters.put(k, load(k, v, pagingSeconds, null)));
            print(alone);
            print(withStaff);
            print(paging);
            filters.values().forEach(StaffViewsBenchmark::print);
            if (!answers()) {
                gone.set(true); // died with requests in flight (they fail with a closed connection, not a refused one)
            }
            long live = heap != null && !gone.get() ? heap.liveNow() : -1;
            HeapFigures heapAloneFigures = heapAlone == null ? null : HeapFigures.of(heapAlone, -1);
            HeapFigures heapWithFigures = heapBeside == null || gone.get() ? null : HeapFigures.of(heapBeside, live);
            String aborted = gone.get() ? "the server stopped answering (died) during the staff paging" : null;
            write(file, new ConcurrencyPhase(psu, size, badgePsu, clients, rate, staffCount, think, seconds, rounds, alone, withStaff,
                    paging, filters, windows, heapAloneFigures, heapWithFigures, aborted));
            if (aborted != null) {
                System.out.println("  ABORTED: " + aborted);
            }
            return aborted == null;
        }
    }

    /** The server's CPU time so far (user and system, all threads), ms; -1 where /proc cannot tell. */
    private long serverCpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // clock ticks of 10 ms
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** This benchmark's own CPU time so far (it shares the machine with the server), ms. */
    private static long ownCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    /** The staff paging for {@code seconds}, every member of staff at once; entries {nanos, status}. */
    private List<long[]> staffPaging(List<StaffSession> staff, int size, List<String> schools, List<String> classIds, int think,
                                     int seconds, AtomicBoolean gone, Map<String, List<long[]>> byFilter,
                                     AtomicReference<String> firstFailure) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(staff.size());
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<List<long[]>>> results = new ArrayList<>();
        for (StaffSession s : staff) {
            boolean isTeacher = s.username().startsWith("t.");
            results.add(pool.submit(() -> page(s, isTeacher, size, schools, classIds, think, deadline, gone, byFilter, firstFailure)));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<List<long[]>> f : results) {
            all.addAll(f.get());
        }
        pool.shutdown();
        return all;
    }

    private boolean abort(Path file, String psu, int size, String badgePsu, int clients, double rate, int staff, int think,
                          int seconds, String why) throws IOException {
        System.out.println("  ABORTED: " + why);
        write(file, new ConcurrencyPhase(psu, size, badgePsu, clients, rate, staff, think, seconds, 0, null, null, null, Map.of(),
                List.of(), null, null, why));
        return false;
    }

    /** Badge logins from {@code clients} clients at {@code rate} a second in all; entries {nanos, status (200 or 0)}. */
    private Timed badgeLoad(LoginClient app, List<String> payloads, int clients, double rate,
                                 int seconds, AtomicBoolean gone) throws Exception {
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

    /** One member of staff paging until the deadline; entries {nanos, status}. */
    private List<long[]> page(StaffSession s, boolean teacher, int size, List<String> schools, List<String> classIds, int think,
                              long deadline, AtomicBoolean gone, Map<String, List<long[]>> byFilter,
                              AtomicReference<String> firstFailure) throws InterruptedException {
        List<long[]> done = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Thread.sleep(random.nextInt(Math.max(1, think) + 1)); // people do not click in step
        // "portal": a filter's first page, then Next (three times in four) to its end, as the portal's pager goes;
        // "jump": every request a random page of a random filter, anywhere in the list (as a script could)
        boolean jump = o.getOrDefault("paging", "portal").equals("jump");
        String filter = null;
        String base = null;
        int next = 0;
        while (System.nanoTime() < deadline && !gone.get()) {
            String query;
            if (filter != null && !jump && next > 0) {
                query = base + "first=" + next;
            } else {
                switch (random.nextInt(4)) {
                    case 0 -> {
                        filter = "whole scope";
                        base = "";
                        next = teacher ? 0 : 50 * random.nextInt(Math.max(1, size / 50));
                    }
                    case 1 -> {
                        filter = "one school";
                        base = "school=" + schools.get(random.nextInt(schools.size())) + "&";
                        next = teacher ? 0 : 50 * random.nextInt(10);
                    }
                    case 2 -> {
                        filter = "one grade";
                        base = "grade=" + (random.nextInt(16) - 3) + "&";
                        next = teacher ? 0 : 50 * random.nextInt(Math.max(1, size / 16 / 50));
                    }
                    default -> {
                        filter = teacher ? "whole scope" : "one class";
                        base = teacher ? "" : "class=" + classIds.get(random.nextInt(classIds.size())) + "&";
                        next = 0;
                    }
                }
                if (!jump) {
                    next = 0;
                }
                query = base + "first=" + next;
            }
            StaffSession.Call call = s.get("k12-badges/students?" + query + "&max=50");
            long[] entry = {call.nanos(), call.status()};
            done.add(entry);
            byFilter.computeIfAbsent("staff paging: " + filter + (teacher ? " (teachers)" : !jump && next > 0 ? ", next pages" : ""),
                    k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(entry);
            if (call.status() != 200) {
                firstFailure.compareAndSet(null, describe(call) + " (" + s.username() + ", " + query + ")");
            }
            if (call.serverGone()) {
                gone.set(true);
            }
            next = call.status() == 200 && random.nextInt(4) > 0 && next + 50 < total(call.body()) ? next + 50 : 0;
            Thread.sleep(think);
        }
        return done;
    }

    private static long total(String listing) {
        try {
            return JSON.readTree(listing).path("total").asLong();
        } catch (IOException e) {
            return 0;
        }
    }

    private static LoadResult load(String name, List<long[]> entries, double seconds, String firstFailure) {
        long[] ok = entries.stream().filter(e -> e[1] == 200).mapToLong(e -> e[0]).sorted().toArray();
        Map<String, Integer> statuses = new TreeMap<>();
        entries.forEach(e -> statuses.merge(e[1] == 0 ? "failed" : String.valueOf(e[1]), 1, Integer::sum));
        int over2s = (int) entries.stream().filter(e -> e[0] / 1e6 > SLOW_MILLIS || e[1] == 0).count();
        return new LoadResult(name, entries.size(), entries.size() - ok.length, ok.length / seconds, percentile(ok, 50),
                percentile(ok, 95), ok.length == 0 ? Double.NaN : ok[ok.length - 1] / 1e6, over2s, statuses, firstFailure);
    }

    private static void print(LoadResult r) {
        System.out.printf("  %-46s %6d requests  %6.1f/s  p50 %8.1f  p95 %8.1f  max %8.1f ms  over 2 s or failed %d  %s%s%n",
                r.name(), r.count(), r.perSecond(), r.p50(), r.p95(), r.max(), r.over2s(), r.statuses(),
                r.firstFailure() == null ? "" : "  first failure: " + r.firstFailure());
    }

    // --- phase 3: the report ---

    private void report() throws IOException {
        List<ViewsPhase> phases = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("views-.*\\.json")).toList()) {
                phases.add(JSON.readValue(f.toFile(), ViewsPhase.class));
            }
        }
        phases.sort(Comparator.comparingInt(ViewsPhase::size));
        Path machine = out.resolve("machine.txt");
        if (Files.exists(machine)) {
            Files.readAllLines(machine).forEach(line -> System.out.println(line + "  "));
        }
        System.out.println();
        if (phases.isEmpty()) {
            System.out.println("No views measured.");
        } else {
            System.out.println("Times in ms: p50 / p95 / max of the runs (runs in brackets when fewer than asked); "
                    + "a view the role may not use answers 403, as expected.");
            System.out.println();
            StringBuilder head = new StringBuilder("| view | role |");
            StringBuilder rule = new StringBuilder("|---|---|");
            for (ViewsPhase p : phases) {
                head.append(String.format(" %,d students |", p.size()));
                rule.append("---|");
            }
            boolean ratio = phases.size() > 1;
            if (ratio) {
                head.append(String.format(" p95 %,d / %,d |", phases.get(phases.size() - 1).size(), phases.get(0).size()));
                rule.append("---|");
            }
            System.out.println(head);
            System.out.println(rule);
            Map<String, Map<Integer, ViewResult>> rows = new LinkedHashMap<>();
            for (ViewsPhase p : phases) {
                for (ViewResult r : p.views()) {
                    rows.computeIfAbsent(r.view() + "|" + r.role(), k -> new HashMap<>()).put(p.size(), r);
                }
            }
            List<String> keys = new ArrayList<>(rows.keySet());
            List<String> roleOrder = List.of("LEA administrator", "LEA data auditor", "teacher");
            List<String> viewOrder = new ArrayList<>();
            keys.forEach(k -> {
                String v = k.split("\\|")[0];
                if (!viewOrder.contains(v)) {
                    viewOrder.add(v);
                }
            });
            keys.sort(Comparator.comparingInt((String k) -> viewOrder.indexOf(k.split("\\|")[0]))
                    .thenComparingInt(k -> roleOrder.indexOf(k.split("\\|")[1])));
            for (String key : keys) {
                String[] vr = key.split("\\|");
                Map<Integer, ViewResult> bySize = rows.get(key);
                StringBuilder line = new StringBuilder("| " + vr[0] + " | " + vr[1] + " |");
                for (ViewsPhase p : phases) {
                    line.append(' ').append(cell(bySize.get(p.size()), p.runsAsked())).append(" |");
                }
                if (ratio) {
                    ViewResult small = bySize.get(phases.get(0).size());
                    ViewResult large = bySize.get(phases.get(phases.size() - 1).size());
                    line.append(small != null && large != null && large.failures() == 0 && small.p95() > 0
                            ? String.format(" %.1fx |", large.p95() / small.p95()) : " - |");
                }
                System.out.println(line);
            }
            System.out.println();
            System.out.println("The first call of each view, before its warm-ups (a cold cache; not in the figures above), ms:");
            System.out.println();
            System.out.println(head.toString().replaceFirst(" p95 [^|]*\\|$", ""));
            System.out.println(ratio ? rule.substring(0, rule.length() - 4) : rule);
            for (String key : keys) {
                String[] vr = key.split("\\|");
                StringBuilder line = new StringBuilder("| " + vr[0] + " | " + vr[1] + " |");
                for (ViewsPhase p : phases) {
                    ViewResult r = rows.get(key).get(p.size());
                    line.append(' ').append(r == null || !(r.firstCallMillis() > 0) ? "-" : ms(r.firstCallMillis())).append(" |");
                }
                System.out.println(line);
            }
            System.out.println();
            System.out.println("| server heap during the views (max heap) | highest after a GC, MiB | highest after a full GC, MiB | GCs (full) | GC pauses, ms | live after, MiB |");
            System.out.println("|---|---|---|---|---|---|");
            for (ViewsPhase p : phases) {
                heapRow(String.format("PSU %s, %,d students", p.psu(), p.size()), p.heap(), p.aborted());
            }
        }
        Path concurrency = out.resolve("concurrency.json");
        if (Files.exists(concurrency)) {
            ConcurrencyPhase c = JSON.readValue(concurrency.toFile(), ConcurrencyPhase.class);
            System.out.println();
            System.out.printf("Badge logins (%d clients, %.0f a second in all, students of PSU %s), %d rounds of %d s alone and %d s beside "
                            + "%d staff paging through PSU %s (%,d students), %d ms between a person's clicks; figures pooled over the "
                            + "rounds%n%n", c.clients(), c.badgeRate(), c.badgePsu(), c.rounds(), c.seconds(), c.seconds(), c.staff(), c.psu(),
                    c.size(), c.thinkMillis());
            System.out.println("| requests | done | per second | p50 ms | p95 ms | max ms | other than 200 | over 2 s or failed |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            List<LoadResult> loads = new ArrayList<>();
            if (c.badgeAlone() != null) {
                loads.add(rename(c.badgeAlone(), "badge logins alone"));
            }
            if (c.badgeWithStaff() != null) {
                loads.add(rename(c.badgeWithStaff(), "badge logins beside the staff"));
            }
            if (c.staffPaging() != null) {
                loads.add(c.staffPaging());
            }
            if (c.staffByFilter() != null) {
                loads.addAll(c.staffByFilter().values());
            }
            for (LoadResult r : loads) {
                System.out.printf("| %s | %d | %.1f | %s | %s | %s | %d | %d |%n", r.name(), r.count(), r.perSecond(), ms(r.p50()),
                        ms(r.p95()), ms(r.max()), r.count() - r.statuses().getOrDefault("200", 0), r.over2s());
            }
            if (c.badgeAlone() != null && c.badgeWithStaff() != null) {
                System.out.printf("%nBadge login p95 beside the staff / alone, pooled over the rounds: %.2fx (target: at most 1.20x)%n",
                        c.badgeWithStaff().p95() / c.badgeAlone().p95());
            }
            if (c.windows() != null && !c.windows().isEmpty()) {
                System.out.println();
                System.out.println("| round | badge logins | done | p50 ms | p95 ms | staff pages | server CPU, ms a second | this benchmark's CPU, ms a second |");
                System.out.println("|---|---|---|---|---|---|---|---|");
                for (Window w : c.windows()) {
                    System.out.printf("| %d | %s | %d | %s | %s | %d | %.0f | %.0f |%n", w.round(), w.with(), w.badgeLogins(), ms(w.p50()),
                            ms(w.p95()), w.staffPages(), w.serverCpuPerSecond(), w.benchmarkCpuPerSecond());
                }
                StringBuilder ratios = new StringBuilder();
                for (int round = 1; round <= c.rounds(); round++) {
                    int r = round;
                    double aloneP95 = c.windows().stream().filter(w -> w.round() == r && w.with().equals("alone")).mapToDouble(Window::p95).findFirst().orElse(Double.NaN);
                    double besideP95 = c.windows().stream().filter(w -> w.round() == r && !w.with().equals("alone")).mapToDouble(Window::p95).findFirst().orElse(Double.NaN);
                    ratios.append(ratios.length() == 0 ? "" : ", ").append(String.format("%.2fx", besideP95 / aloneP95));
                }
                System.out.printf("%nBadge login p95 beside / alone, round by round: %s%n", ratios);
            }
            loads.stream().filter(r -> r.firstFailure() != null).forEach(r -> System.out.printf("First failure, %s: %s%n", r.name(), r.firstFailure()));
            System.out.println();
            System.out.println("| server heap | highest after a GC, MiB | highest after a full GC, MiB | GCs (full) | GC pauses, ms | live after, MiB |");
            System.out.println("|---|---|---|---|---|---|");
            heapRow("badge logins alone", c.heapAlone(), null);
            heapRow("badge logins beside the staff", c.heapWithStaff(), c.aborted());
        }
        Path deaths = out.resolve("server-deaths.txt");
        System.out.println();
        if (!phases.isEmpty()) {
            targets(phases);
        }
        for (ViewsPhase p : phases) {
            if (p.aborted() != null) {
                System.out.printf("PSU %s: %s%n", p.psu(), p.aborted());
            }
        }
        if (Files.exists(deaths)) {
            Files.readAllLines(deaths).forEach(line -> System.out.println("Server: " + line));
        }
    }

    /** The targets, checked on what was measured. */
    private static void targets(List<ViewsPhase> phases) {
        ViewsPhase small = phases.get(0);
        ViewsPhase large = phases.get(phases.size() - 1);
        List<String> slowFirst = new ArrayList<>();
        for (ViewResult r : large.views()) {
            boolean firstOrMe = r.view().contains("first page") || r.view().equals("me");
            if (firstOrMe && r.expected() == 200 && (r.failures() > 0 || !(r.p95() < 150))) {
                slowFirst.add(r.view() + " as " + r.role() + " (" + ms(r.p95()) + " ms)");
            }
        }
        System.out.printf("Target: every first page and me under 150 ms p95 at %,d students: %s%n", large.size(),
                slowFirst.isEmpty() ? "met" : "missed by " + slowFirst.size() + ": " + String.join("; ", slowFirst));
        if (phases.size() > 1) {
            List<String> over = new ArrayList<>();
            for (ViewResult r : large.views()) {
                small.views().stream().filter(x -> x.view().equals(r.view()) && x.role().equals(r.role())).findFirst()
                        .ifPresent(x -> {
                            if (r.failures() > 0 || r.runs() == 0 || r.p95() > 2 * x.p95()) {
                                over.add(String.format("%s as %s (%s)", r.view(), r.role(), r.failures() > 0 || r.runs() == 0
                                        ? "failed" : String.format("%.1fx", r.p95() / x.p95())));
                            }
                        });
            }
            System.out.printf("Target: %,d-student figures within 2x of the %,d-student figures (p95): %s%n", large.size(),
                    small.size(), over.isEmpty() ? "met" : "missed by " + over.size() + ": " + String.join("; ", over));
        }
        for (ViewsPhase p : phases) {
            long slow = p.views().stream().mapToLong(ViewResult::over2s).sum();
            long failed = p.views().stream().mapToLong(ViewResult::failures).sum();
            System.out.printf("Target: no request over 2 s at %,d students: %s%n", p.size(), slow == 0 && failed == 0 ? "met"
                    : "missed: " + slow + " timed requests over 2 s or failed, " + failed + " with another status than expected");
        }
    }

    private static LoadResult rename(LoadResult r, String name) {
        return new LoadResult(name, r.count(), r.failures(), r.perSecond(), r.p50(), r.p95(), r.max(), r.over2s(), r.statuses(),
                r.firstFailure());
    }

    private static void heapRow(String name, HeapFigures h, String aborted) {
        if (h == null) {
            System.out.printf("| %s | %s | | | | |%n", name, aborted != null ? "server died" : "not measured");
            return;
        }
        System.out.printf("| %s (%.0f MiB) | %s | %s | %d (%d) | %d | %s |%n", name, h.maxHeapMiB(), mibCell(h.maxAfterGcMiB()),
                mibCell(h.maxAfterFullGcMiB()), h.collections(), h.fullCollections(), h.pauseMillis(), mibCell(h.liveAfterMiB()));
    }

    private static String cell(ViewResult r, int runsAsked) {
        if (r == null) {
            return "-";
        }
        if (r.runs() == 0) {
            return r.firstFailure() == null ? "-" : "failed: " + r.firstFailure();
        }
        String runs = r.runs() < runsAsked ? " (" + r.runs() + ")" : "";
        String times = Double.isNaN(r.p50()) ? "no answer" : ms(r.p50()) + " / " + ms(r.p95()) + " / " + ms(r.max());
        String status = r.expected() == 403 ? " 403" : "";
        String failed = r.failures() > 0 ? "; " + r.failures() + " failed (" + r.firstFailure() + ")" : "";
        return times + runs + status + failed;
    }

    private static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "-";
        }
        return millis >= 100 ? String.format("%,.0f", millis) : String.format("%.1f", millis);
    }

    private static String mibCell(double mib) {
        return mib < 0 ? "-" : String.format("%.0f", mib);
    }

    // --- helpers ---

    private String groupId(String path) throws IOException, InterruptedException {
        String master = LoginClient.masterToken(http, server, o.getOrDefault("admin", "admin"), o.getOrDefault("admin-password", "admin"));
        String encoded = Arrays.stream(path.split("/")).map(p -> URLEncoder.encode(p, StandardCharsets.UTF_8))
                .reduce((a, b) -> a + "/" + b).orElse("");
        return JSON.readTree(adminGet(master, "group-by-path/" + encoded)).path("id").asText();
    }

    /** Whether the server still answers (its realm's page), within 30 s. */
    private boolean answers() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(server + "/realms/" + realm)).timeout(Duration.ofSeconds(30)).GET()
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String adminGet(String token, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server + "/admin/realms/" + realm + "/" + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + ": HTTP " + r.statusCode() + " " + abbreviate(r.body()));
        }
        return r.body();
    }

    private static void write(Path file, Object value) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), value);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String describe(StaffSession.Call call) {
        return call.failure() != null ? call.failure() : "HTTP " + call.status() + " " + abbreviate(call.body());
    }

    private static String abbreviate(String body) {
        String b = body == null ? "" : body.replaceAll("\\s+", " ");
        return b.length() > 160 ? b.substring(0, 160) + "..." : b;
    }

    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    private static double mib(long bytes) {
        return bytes < 0 ? -1 : bytes / 1048576.0;
    }
}
