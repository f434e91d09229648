package org.k12id.benchmarks.staff;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.k12id.benchmarks.staff.StaffResults.HeapFigures;
import org.k12id.benchmarks.staff.StaffResults.ViewResult;
import org.k12id.benchmarks.staff.StaffResults.ViewsPhase;

/**
 * The views phase ({@code --phase views}), one PSU at a time: as {@code lea-admin.<psu>}, {@code lea-auditor.<psu>}
 * and the generated teacher of class {@code g2-001} of school {@code <psu>001}, times every staff view
 * ({@link #views(String, String)}): {@code --warmups} warm-ups (3), then {@code --runs} (20); a view slower than
 * {@code --view-budget} seconds (30) in all stops after at least 3 runs. A view the role may not use is timed too (its
 * 403 is expected). Writes {@code views-<psu>.json} after every view, and the server's heap over the phase at the end.
 */
final class ViewsRun {

    private static final int MIN_RUNS = 3;

    private record View(String name, String method, String path, boolean teacherMay, boolean auditorMay) {
    }

    private final StaffOptions options;
    private final StaffServer server;

    ViewsRun(StaffOptions options, StaffServer server) {
        this.options = options;
        this.server = server;
    }

    /** Returns false if the server stopped answering. */
    boolean run(String psu) throws Exception {
        int size = options.size(psu);
        int runs = options.whole("runs", "20");
        int warmups = options.whole("warmups", "3");
        double budget = options.decimal("view-budget", "30") * 1e9;
        String school = psu + "001";
        String className = "g2-001";
        String teacher = "t." + school.toLowerCase() + "." + className;
        System.out.printf("%nPSU %s (%,d students): views as lea-admin.%s, lea-auditor.%s and %s; %d runs after %d warm-ups%n",
                psu, size, psu, psu, teacher, runs, warmups);
        String classId = server.groupId("psu-" + psu + "/" + school + "/" + className);
        List<ViewResult> results = new ArrayList<>();
        Path file = options.out().resolve("views-" + psu + ".json");
        String started = Instant.now().toString();
        String aborted = null;
        try (ServerHeap heap = ServerHeap.attach(options.pid())) {
            if (heap != null) {
                heap.liveNow();
                heap.begin("views, PSU " + psu);
            }
            roles:
            for (String[] role : new String[][] {{"LEA administrator", "lea-admin." + psu}, {"LEA data auditor", "lea-auditor." + psu},
                    {"teacher", teacher}}) {
                StaffSession staff = server.session(role[1]);
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
                    StaffResults.write(file, new ViewsPhase(psu, size, started, runs, results, null, aborted));
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
            StaffResults.write(file, new ViewsPhase(psu, size, started, runs, results, figures, aborted));
        }
        if (aborted != null) {
            System.out.println("  ABORTED: " + aborted);
        }
        return aborted == null;
    }

    /**
     * Every view timed: the first page of 50 of the whole scope, of one school, of one grade, of one class, a page deep
     * in the list ({@code first=1000}, or the last full page of a shorter list), {@code me}, the classes of one school,
     * {@code opt-outs}, the default passwords (first page, one school as JSON and CSV), and a print of the class.
     */
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
                        firstFailure = call.describe();
                    }
                }
            }
            if (call.status() == 200 && total < 0 && call.body().startsWith("{")) {
                JsonNode body = StaffResults.JSON.readTree(call.body());
                total = body.has("total") ? body.path("total").asInt() : body.path("students").size();
            }
            if (!warming && (call.status() == 0 || call.nanos() / 1e6 > StaffResults.SLOW_MILLIS)) {
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
                expected, warm, sorted.length + failures, StaffResults.percentile(sorted, 50), StaffResults.percentile(sorted, 95),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6, over2s, statuses, failures,
                firstFailure, total, firstCall, all);
        System.out.printf("  %-18s %-40s %3d runs  p50 %8.1f  p95 %8.1f  max %8.1f ms  first call %8.1f ms  %s%s%n", role,
                view.name(), r.runs(), r.p50(), r.p95(), r.max(), firstCall, statuses,
                firstFailure == null ? "" : "  first failure: " + firstFailure);
        return r;
    }
}
