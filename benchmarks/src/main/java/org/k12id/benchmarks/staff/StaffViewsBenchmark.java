package org.k12id.benchmarks.staff;

import java.nio.file.Files;

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
 *       (its 403 is expected). {@link ViewsRun}.</li>
 *   <li>{@code concurrency --psus 900 --badge-psu 901}: badges issued to 60 students of the badge PSU, then badge
 *       logins at {@code --badge-rate} a second from {@code --clients} clients, in {@code --rounds} pairs of windows
 *       of {@code --seconds}: alone, and beside {@code --staff} staff (half LEA administrators, a quarter auditors, a
 *       quarter teachers) paging through the largest PSU, {@code --think-ms} between a person's clicks. The order
 *       alternates (alone first, then beside first, ...) so that a slow stretch of a shared machine falls on both
 *       sides; figures are pooled over the rounds and each window's server CPU is read from {@code /proc}. Paging
 *       {@code portal} (the default): a random filter's first page, then Next three times in four, as the portal's
 *       pager goes; {@code jump}: a random page of a random filter every time. {@link ConcurrencyRun}, with
 *       {@link BadgeLoad} and {@link StaffPaging}.</li>
 *   <li>{@code report}: the tables, the ratio of the largest PSU to the smallest, and the targets.
 *       {@link StaffReport}.</li>
 * </ul>
 *
 * The server's heap is watched over JMX by attaching to {@code --pid} ({@link ServerHeap}). Every request has a
 * timeout ({@code --timeout}, 30 s); a timeout, an error status or a server that stopped answering is counted and
 * reported, and a phase whose server died writes what it has and stops.
 *
 * <p>This class reads the command line ({@link StaffOptions}: {@code --phase views|concurrency|report}, then
 * {@code --name value} pairs) and runs the phase asked for against the server the options name ({@link StaffServer}).
 * What the phases write is in {@link StaffResults}. Exit status: 0 when the phase went through, 3 when the server
 * stopped answering or the set-up failed, 2 for an unknown phase.
 */
public final class StaffViewsBenchmark {

    private StaffViewsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        StaffOptions options = StaffOptions.parse(args);
        StaffServer server = new StaffServer(options);
        Files.createDirectories(options.out());
        int status = 0;
        switch (options.text("phase", "views")) {
            case "views" -> {
                ViewsRun views = new ViewsRun(options, server);
                for (String psu : options.text("psus", "901,910,900").split(",")) {
                    if (!views.run(psu.trim())) {
                        status = 3;
                        break;
                    }
                }
            }
            case "concurrency" -> {
                String[] psus = options.text("psus", "900").split(",");
                status = new ConcurrencyRun(options, server).run(psus[psus.length - 1].trim(), options.text("badge-psu", "901")) ? 0 : 3;
            }
            case "report" -> new StaffReport(options.out()).print();
            default -> {
                System.err.println("--phase views|concurrency|report");
                status = 2;
            }
        }
        System.exit(status);
    }
}
