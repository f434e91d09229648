package org.k12id.benchmarks.staff;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command line of {@link StaffViewsBenchmark}: {@code --name value} pairs. The options every phase needs (the
 * request timeout, the results folder, the PSU sizes) are read at once; each phase reads its own when it starts, with
 * the defaults given there.
 */
public final class StaffOptions {

    private final Map<String, String> o;
    private final Duration timeout;
    private final Path out;
    private final Map<String, Integer> sizes = new LinkedHashMap<>();

    private StaffOptions(Map<String, String> o) {
        this.o = o;
        this.timeout = Duration.ofSeconds(Integer.parseInt(o.getOrDefault("timeout", "30")));
        this.out = Path.of(o.getOrDefault("out", "target/bench-staff/results/latest"));
        for (String pair : o.getOrDefault("sizes", "901=1000,910=10000,900=50000").split(",")) {
            String[] kv = pair.split("=");
            sizes.put(kv[0].trim(), Integer.parseInt(kv[1].trim()));
        }
    }

    /** {@code --name value} pairs (the leading dashes are dropped); a last name without a value is ignored. */
    public static StaffOptions parse(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return new StaffOptions(o);
    }

    public String text(String name, String otherwise) {
        return o.getOrDefault(name, otherwise);
    }

    public int whole(String name, String otherwise) {
        return Integer.parseInt(text(name, otherwise));
    }

    double decimal(String name, String otherwise) {
        return Double.parseDouble(text(name, otherwise));
    }

    /** Every request's timeout ({@code --timeout}, seconds; 30). */
    Duration timeout() {
        return timeout;
    }

    /** The folder of the JSON files and the report ({@code --out}). */
    Path out() {
        return out;
    }

    /** Students in each PSU ({@code --sizes 901=1000,...}); 0 for a PSU not named. */
    int size(String psu) {
        return sizes.getOrDefault(psu, 0);
    }

    /** The server's process id ({@code --pid}; 0: none), for its heap and its CPU time. */
    long pid() {
        return Long.parseLong(text("pid", "0"));
    }
}
