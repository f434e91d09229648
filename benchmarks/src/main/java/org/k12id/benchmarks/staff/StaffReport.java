package org.k12id.benchmarks.staff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.k12id.benchmarks.staff.StaffResults.ConcurrencyPhase;
import org.k12id.benchmarks.staff.StaffResults.HeapFigures;
import org.k12id.benchmarks.staff.StaffResults.LoadResult;
import org.k12id.benchmarks.staff.StaffResults.ViewResult;
import org.k12id.benchmarks.staff.StaffResults.ViewsPhase;
import org.k12id.benchmarks.staff.StaffResults.Window;

/**
 * The report phase ({@code --phase report}): reads what the other phases wrote into {@code --out} (this run's or an
 * earlier one's) and prints the tables in Markdown: the machine ({@code machine.txt}), every view for every role at
 * every PSU size with the ratio of the largest PSU to the smallest, the first call of each view, the server's heap,
 * the badge logins alone and beside the staff (pooled, then window by window), and the targets; last, the
 * phases that stopped and the server's deaths ({@code server-deaths.txt}).
 */
final class StaffReport {

    private final Path out;

    StaffReport(Path out) {
        this.out = out;
    }

    /** Prints the report of the results in {@code out} to the console. */
    void print() throws IOException {
        List<ViewsPhase> phases = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("views-.*\\.json")).toList()) {
                phases.add(StaffResults.read(f, ViewsPhase.class));
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
            views(phases);
        }
        Path concurrency = out.resolve("concurrency.json");
        if (Files.exists(concurrency)) {
            concurrency(StaffResults.read(concurrency, ConcurrencyPhase.class));
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

    /** Every view for every role, a column a PSU size; the first calls; the server's heap during the views. */
    private static void views(List<ViewsPhase> phases) {
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

    /** The badge logins alone and beside the staff: pooled over the rounds, then window by window; the server's heap. */
    private static void concurrency(ConcurrencyPhase c) {
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
}
