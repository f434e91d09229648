package org.k12id.benchmarks.staff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What the phases of {@link StaffViewsBenchmark} write into {@code --out} and the report reads back: one JSON file
 * each ({@code views-<psu>.json}, {@code concurrency.json}). The report reads files written by earlier runs too, so
 * the records' names, their components and their order are the files' shape: change them only with that in mind.
 * Also how the figures are taken from the timings (nearest-rank percentiles, what counts as slow).
 */
final class StaffResults {

    /** Indented on write; fields a record no longer has are ignored on read. */
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** A request slower than this counts as "over 2 s". */
    static final double SLOW_MILLIS = 2000;

    private StaffResults() {
    }

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

    /** The views phase at one PSU: every view for every role, the server's heap meanwhile; why it stopped, if it did. */
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

    /** Writes {@code value} to {@code file} whole: into a temporary file first, then moved over it. */
    static void write(Path file, Object value) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), value);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    static <T> T read(Path file, Class<T> type) throws IOException {
        return JSON.readValue(file.toFile(), type);
    }

    /** Nearest-rank percentile of sorted durations, ms; NaN when there are none. */
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
