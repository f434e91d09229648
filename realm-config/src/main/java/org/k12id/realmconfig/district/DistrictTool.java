package org.k12id.realmconfig.district;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Command line for generated districts (see tools/district.sh):
 * <pre>
 *   generate --students 50000 [--seed 42] [--psu 900] [--out target/district] [--class-size 25] [--school-size 500]
 *            [--batch 500] [--first-student-number 5000000001] [--password Tarheel2026] [--psus 1]
 *   load     [--dir target/district] [--server http://localhost:8080] [--realm k12-demo]
 *            [--admin admin] [--admin-password admin] [--parallel 2]
 * </pre>
 * With {@code --psus N} (a state), {@code --students} is per PSU and the PSUs' codes follow {@code --psu}, each in a
 * folder {@code psu-<code>} of {@code --out} ({@link StatePlan}); {@code load} of such a folder loads its PSUs in order.
 * A load is resumable ({@link LoadJournal}) and reports people per second.
 */
public final class DistrictTool {

    private DistrictTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("generate") || args[0].equals("load"))) {
            System.err.println("usage: district.sh generate --students N [options] | district.sh load [options]");
            System.exit(2);
        }
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (args[0].equals("generate")) {
            generate(options);
        } else {
            load(options);
        }
    }

    private static void generate(Map<String, String> o) throws Exception {
        DistrictSpec spec;
        try {
            DistrictSpec defaults = DistrictSpec.of(1, 42);
            spec = new DistrictSpec(
                    Long.parseLong(o.getOrDefault("seed", "42")),
                    o.getOrDefault("psu", defaults.psuCode()),
                    o.getOrDefault("psu-name", defaults.psuName()),
                    Integer.parseInt(required(o, "students")),
                    Integer.parseInt(o.getOrDefault("class-size", String.valueOf(defaults.classSize()))),
                    Integer.parseInt(o.getOrDefault("school-size", String.valueOf(defaults.schoolSize()))),
                    Long.parseLong(o.getOrDefault("first-student-number", String.valueOf(defaults.firstStudentNumber()))),
                    o.getOrDefault("password", defaults.password()),
                    Integer.parseInt(o.getOrDefault("batch", String.valueOf(defaults.batchSize()))));
        } catch (IllegalArgumentException e) {
            System.err.println("generate: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path out = Path.of(o.getOrDefault("out", "target/district"));
        long start = System.nanoTime();
        if (o.containsKey("psus")) {
            StatePlan plan;
            try {
                plan = new StatePlan(spec.seed(), spec.psuCode(), Integer.parseInt(o.get("psus")), spec.students(),
                        spec.firstStudentNumber(), spec.classSize(), spec.schoolSize(), spec.password(), spec.batchSize());
            } catch (IllegalArgumentException e) {
                System.err.println("generate: " + e.getMessage());
                System.exit(2);
                return;
            }
            for (DistrictSpec district : plan.districts()) {
                new DistrictGenerator(district).write(out.resolve(StatePlan.folder(district)));
            }
            System.out.printf("Wrote %d PSUs from %s with %d students each to %s in %.1f s%n", plan.psus(),
                    plan.firstPsu(), plan.studentsPerPsu(), out.toAbsolutePath(), (System.nanoTime() - start) / 1e9);
            return;
        }
        List<Path> files = new DistrictGenerator(spec).write(out);
        System.out.printf("Wrote PSU %s with %d students to %s (%d files) in %.1f s%n", spec.psuCode(),
                spec.students(), out.toAbsolutePath(), files.size(), (System.nanoTime() - start) / 1e9);
    }

    private static void load(Map<String, String> o) throws Exception {
        Path dir = Path.of(o.getOrDefault("dir", "target/district"));
        List<Path> folders;
        try (Stream<Path> list = Files.list(dir)) {
            folders = list.filter(p -> Files.isDirectory(p) && p.getFileName().toString().matches("psu-[0-9A-Z]{3}"))
                    .sorted().toList();
        }
        if (folders.isEmpty()) {
            folders = List.of(dir);
        }
        List<List<Path>> filesPerFolder = new ArrayList<>();
        for (Path folder : folders) {
            filesPerFolder.add(generatedFiles(folder));
        }
        if (filesPerFolder.stream().anyMatch(List::isEmpty)) {
            System.err.println("load: no generated files in " + dir.toAbsolutePath() + " (run generate first)");
            System.exit(2);
        }
        DistrictLoader loader = new DistrictLoader(URI.create(o.getOrDefault("server", "http://localhost:8080")),
                o.getOrDefault("realm", "k12-demo"), o.getOrDefault("admin", "admin"),
                o.getOrDefault("admin-password", "admin"));
        long start = System.nanoTime();
        int parallel;
        try {
            parallel = Integer.parseInt(o.getOrDefault("parallel", "2"));
            if (parallel < 1 || parallel > 16) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            System.err.println("load: --parallel must be a whole number from 1 to 16");
            System.exit(2);
            return;
        }
        long people = 0;
        long before = 0;
        for (int i = 0; i < folders.size(); i++) {
            LoadJournal journal = LoadJournal.open(folders.get(i));
            long had = journal.people();
            before += had;
            loader.load(filesPerFolder.get(i), parallel, System.out, journal);
            people += journal.people() - had;
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s done: %d of %d folders; %d people added by this run in %.0f s (%.1f people/s); "
                    + "%d added in all by the journals so far%n", folders.get(i).getFileName(), i + 1, folders.size(),
                    people, seconds, people / seconds, before + people);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Loaded: %d people added in %.1f s (%.1f people/s); %d people were loaded before this run%n",
                people, seconds, people / seconds, before);
    }

    private static List<Path> generatedFiles(Path folder) throws java.io.IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().matches("\\d{4}-(groups|users)\\.json")).sorted()
                    .toList();
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got: " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
