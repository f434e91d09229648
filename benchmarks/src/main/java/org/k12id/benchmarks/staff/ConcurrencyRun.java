package org.k12id.benchmarks.staff;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import org.k12id.benchmarks.staff.StaffResults.ConcurrencyPhase;
import org.k12id.benchmarks.staff.StaffResults.HeapFigures;
import org.k12id.benchmarks.staff.StaffResults.LoadResult;
import org.k12id.benchmarks.staff.StaffResults.Window;

/**
 * The concurrency phase ({@code --phase concurrency}): badges issued to 60 students of the badge PSU, then badge
 * logins ({@link BadgeLoad}) at {@code --badge-rate} a second (20) from {@code --clients} clients (10), in
 * {@code --rounds} pairs of windows (3) of {@code --seconds} (60): alone, and beside {@code --staff} staff (20; half LEA
 * administrators, a quarter auditors, a quarter teachers) paging through the largest PSU ({@link StaffPaging},
 * {@code --think-ms} between a person's clicks, {@code --paging portal} or {@code jump}). The order alternates (alone
 * first in odd rounds, beside first in even ones) so that a slow stretch of a shared machine falls on both sides;
 * figures are pooled over the rounds, and each window's CPU time, the server's and this benchmark's, is noted. Writes
 * {@code concurrency.json}.
 */
final class ConcurrencyRun {

    private final StaffOptions options;
    private final StaffServer server;

    ConcurrencyRun(StaffOptions options, StaffServer server) {
        this.options = options;
        this.server = server;
    }

    /** Returns false if the set-up failed or the server stopped answering. */
    boolean run(String psu, String badgePsu) throws Exception {
        int size = options.size(psu);
        int seconds = options.whole("seconds", "60");
        int clients = options.whole("clients", "10");
        double rate = options.decimal("badge-rate", "20");
        int staffCount = options.whole("staff", "20");
        int think = options.whole("think-ms", "1000");
        Path file = options.out().resolve("concurrency.json");
        System.out.printf("%nBadge logins (%d clients, %.0f a second in all, students of PSU %s), %d rounds of %d s alone and %d s "
                + "beside %d staff paging through PSU %s (%,d students; %d ms between a person's clicks, %s paging)%n", clients, rate,
                badgePsu, options.whole("rounds", "3"), seconds, seconds, staffCount, psu, size, think,
                options.text("paging", "portal"));

        // badges for 60 students of the badge PSU (PreK-5), issued through the API as its LEA administrator
        StaffSession badgeAdmin = server.session("lea-admin." + badgePsu);
        List<String> payloads = new ArrayList<>();
        for (int grade : new int[] {2, 3, 1, 4}) {
            StaffSession.Call list = badgeAdmin.get("k12-badges/students?grade=" + grade + "&max=60");
            if (list.status() != 200) {
                return abort(file, psu, size, badgePsu, clients, rate, staffCount, think, seconds,
                        "could not list badge students: " + list.describe());
            }
            for (JsonNode student : StaffResults.JSON.readTree(list.body()).path("students")) {
                if (payloads.size() >= 60 || !student.path("badgeAllowed").asBoolean()) {
                    continue;
                }
                StaffSession.Call issued = badgeAdmin.post("k12-badges/users/" + student.path("id").asText(), "");
                if (issued.status() != 200) {
                    return abort(file, psu, size, badgePsu, clients, rate, staffCount, think, seconds,
                            "could not issue a badge: " + issued.describe());
                }
                payloads.add(StaffResults.JSON.readTree(issued.body()).path("payload").asText());
            }
            if (payloads.size() >= 60) {
                break;
            }
        }
        BadgeLoad badges = new BadgeLoad(server.badgeApp(), payloads, clients, rate);
        StaffPaging paging = staff(psu, size, staffCount, think);
        int rounds = options.whole("rounds", "3");
        try (ServerHeap heap = ServerHeap.attach(options.pid())) {
            AtomicBoolean gone = new AtomicBoolean();
            AtomicReference<String> staffFailure = new AtomicReference<>();
            System.out.println("  warm-up: badge logins for 10 s, then the staff paging for 10 s");
            badges.run(10, gone);
            paging.run(10, gone, new ConcurrentHashMap<>(), new AtomicReference<>());
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
                        paging.renew();
                    }
                    if (heap != null) {
                        heap.begin(withStaff ? "badge logins beside staff paging" : "badge logins alone");
                    }
                    long serverCpu = serverCpuMillis();
                    long ownCpu = ownCpuMillis();
                    long began = System.nanoTime();
                    ExecutorService staffRun = Executors.newSingleThreadExecutor();
                    Future<List<long[]>> staffDone = withStaff
                            ? staffRun.submit(() -> paging.run(seconds, gone, byFilter, staffFailure))
                            : null;
                    BadgeLoad.Timed badge = badges.run(seconds, gone);
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
            LoadResult staffPaging = load("staff paging (GET students)", paged, besideSeconds, staffFailure.get());
            Map<String, LoadResult> filters = new TreeMap<>();
            double pagingSeconds = besideSeconds;
            byFilter.forEach((k, v) -> filters.put(k, load(k, v, pagingSeconds, null)));
            print(alone);
            print(withStaff);
            print(staffPaging);
            filters.values().forEach(ConcurrencyRun::print);
            if (!server.answers()) {
                gone.set(true); // died with requests in flight (they fail with a closed connection, not a refused one)
            }
            long live = heap != null && !gone.get() ? heap.liveNow() : -1;
            HeapFigures heapAloneFigures = heapAlone == null ? null : HeapFigures.of(heapAlone, -1);
            HeapFigures heapWithFigures = heapBeside == null || gone.get() ? null : HeapFigures.of(heapBeside, live);
            String aborted = gone.get() ? "the server stopped answering (died) during the staff paging" : null;
            StaffResults.write(file, new ConcurrencyPhase(psu, size, badgePsu, clients, rate, staffCount, think, seconds, rounds, alone,
                    withStaff, staffPaging, filters, windows, heapAloneFigures, heapWithFigures, aborted));
            if (aborted != null) {
                System.out.println("  ABORTED: " + aborted);
            }
            return aborted == null;
        }
    }

    /**
     * What the staff page through, and the staff signed in: the PSU's schools and the classes of the first ten (read
     * with the master admin); {@code staffCount} people, two in four {@code lea-admin.<psu>}, one {@code lea-auditor.<psu>},
     * one a teacher of those classes.
     */
    private StaffPaging staff(String psu, int size, int staffCount, int think) throws IOException, InterruptedException {
        String master = server.masterToken();
        String psuGroup = server.groupId("psu-" + psu);
        List<String> schools = new ArrayList<>();
        String psuChildren = "groups/" + psuGroup + "/children?briefRepresentation=true&max=1000";
        for (JsonNode g : StaffResults.JSON.readTree(server.adminGet(master, psuChildren))) {
            schools.add(g.path("name").asText());
        }
        List<String> classIds = new ArrayList<>();
        List<String> teachers = new ArrayList<>();
        for (String school : schools.subList(0, Math.min(10, schools.size()))) {
            String schoolId = server.groupId("psu-" + psu + "/" + school);
            String schoolChildren = "groups/" + schoolId + "/children?briefRepresentation=false&max=1000";
            for (JsonNode g : StaffResults.JSON.readTree(server.adminGet(master, schoolChildren))) {
                classIds.add(g.path("id").asText());
                if (teachers.size() < staffCount) {
                    teachers.add("t." + school.toLowerCase() + "." + g.path("name").asText());
                }
            }
        }
        List<StaffSession> staff = new ArrayList<>();
        for (int i = 0; i < staffCount; i++) {
            String user = i % 4 < 2 ? "lea-admin." + psu : i % 4 == 2 ? "lea-auditor." + psu : teachers.get(i % teachers.size());
            StaffSession s = server.session(user);
            s.signIn();
            staff.add(s);
        }
        return new StaffPaging(staff, size, schools, classIds, think, options.text("paging", "portal").equals("jump"));
    }

    private boolean abort(Path file, String psu, int size, String badgePsu, int clients, double rate, int staff, int think,
                          int seconds, String why) throws IOException {
        System.out.println("  ABORTED: " + why);
        StaffResults.write(file, new ConcurrencyPhase(psu, size, badgePsu, clients, rate, staff, think, seconds, 0, null, null, null,
                Map.of(), List.of(), null, null, why));
        return false;
    }

    /** The server's CPU time so far (user and system, all threads), ms; -1 where /proc cannot tell. */
    private long serverCpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/" + options.pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // clock ticks of 10 ms
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** This benchmark's own CPU time so far (it shares the machine with the server), ms. */
    private static long ownCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    }

    private static LoadResult load(String name, List<long[]> entries, double seconds, String firstFailure) {
        long[] ok = entries.stream().filter(e -> e[1] == 200).mapToLong(e -> e[0]).sorted().toArray();
        Map<String, Integer> statuses = new TreeMap<>();
        entries.forEach(e -> statuses.merge(e[1] == 0 ? "failed" : String.valueOf(e[1]), 1, Integer::sum));
        int over2s = (int) entries.stream().filter(e -> e[0] / 1e6 > StaffResults.SLOW_MILLIS || e[1] == 0).count();
        return new LoadResult(name, entries.size(), entries.size() - ok.length, ok.length / seconds, StaffResults.percentile(ok, 50),
                StaffResults.percentile(ok, 95), ok.length == 0 ? Double.NaN : ok[ok.length - 1] / 1e6, over2s, statuses, firstFailure);
    }

    private static void print(LoadResult r) {
        System.out.printf("  %-46s %6d requests  %6.1f/s  p50 %8.1f  p95 %8.1f  max %8.1f ms  over 2 s or failed %d  %s%s%n",
                r.name(), r.count(), r.perSecond(), r.p50(), r.p95(), r.max(), r.over2s(), r.statuses(),
                r.firstFailure() == null ? "" : "  first failure: " + r.firstFailure());
    }
}
