package org.k12id.benchmarks.printing;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.UUID;

import org.k12id.adminrest.badges.BadgeCard;
import org.k12id.adminrest.badges.BadgeSheet;
import org.k12id.adminrest.badges.Paper;
import org.k12id.adminrest.badges.SheetLayout;
import org.k12id.authenticators.badge.BadgePayload;

/**
 * How fast badge sheets render and how much heap a render takes, for a class (30 badges), a school (1,000) and a
 * large print run (5,000), in both layouts, in one JVM: warm-up first, then timed repetitions, then one watched
 * render per size for memory. The PDF goes to a counting sink, so the heap holds only what the renderer keeps.
 * Run it with tools/bench-printing.sh.
 */
public final class SheetBenchmark {

    private static final String[] FIRST = {"María José", "Nguyễn Văn", "Zoë", "Liam", "Olivia", "Aaliyah", "Mateo",
            "Sofía", "Ethan", "Chloé", "Łukasz", "Ioana", "Kai", "Amara", "Björn", "Grace", "Santiago", "Ava",
            "Muhammad", "Emma", "Jayden", "Isabella", "Noah", "Camila"};
    private static final String[] LAST = {"Pérez", "O'Brien", "Thomas", "Johnson", "Hernández", "Okafor", "Nakamura",
            "Wójcik", "Dubois-Leclerc", "Ștefănescu", "Åström", "Lee", "García", "Smith", "Nguyen", "Williams",
            "Brown", "Martínez", "Davis", "Rodríguez", "Fernández-Villavicencio", "Patel", "Kim", "Jones"};
    private static final String[] SCHOOLS = {"Pine Elementary School", "Oak Middle School", "Maple High School",
            "Demo Charter Academy", "Riverside Early College High School", "Dr. Martin Luther King Jr. Elementary"};

    private SheetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int[] sizes = Arrays.stream(o.getOrDefault("sizes", "30,1000,5000").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        int warmups = Integer.parseInt(o.getOrDefault("warmup", "5"));
        Paper paper = Paper.parse(o.getOrDefault("paper", "letter")).orElseThrow();

        Runtime runtime = Runtime.getRuntime();
        System.out.printf("Java %s (%s), %d cores, max heap %d MiB, GC %s; paper %s%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"), runtime.availableProcessors(),
                runtime.maxMemory() >> 20, ManagementFactory.getGarbageCollectorMXBeans().get(0).getName(), paper);

        System.out.printf("Warming up: %d renders of 1,000 badges per layout...%n", warmups);
        for (int i = 0; i < warmups; i++) {
            for (SheetLayout layout : SheetLayout.values()) {
                render(1000, i, layout, paper);
            }
        }

        List<String> rows = new ArrayList<>();
        Map<String, Double> medians = new HashMap<>();
        for (SheetLayout layout : SheetLayout.values()) {
            for (int size : sizes) {
                int repetitions = repetitions(size, o);
                long[] nanos = new long[repetitions];
                long bytes = 0;
                for (int r = 0; r < repetitions; r++) {
                    long start = System.nanoTime();
                    bytes = render(size, 100 + r, layout, paper);
                    nanos[r] = System.nanoTime() - start;
                }
                Arrays.sort(nanos);
                double median = percentile(nanos, 50);
                medians.put(layout + "/" + size, median);
                HeapWatch watch = HeapWatch.start();
                render(size, 999, layout, paper);
                HeapWatch.Use use = watch.stop();
                rows.add(String.format("| %s | %,d | %d | %,.0f | %,.0f | %.2f | %,.0f | %.1f | %.1f | %s | %d |",
                        layout.name().toLowerCase(), size, repetitions, median, percentile(nanos, 95),
                        median / size, bytes / 1024.0, use.baseline() / 1048576.0, use.sampledPeak() / 1048576.0,
                        use.liveAfterGc() < 0 ? "no GC" : String.format("%.1f", use.liveAfterGc() / 1048576.0),
                        use.collections()));
            }
        }
        System.out.println();
        System.out.println("| layout | badges | runs | median ms | p95 ms | ms per badge | PDF KiB "
                + "| heap before, MiB | peak heap above it, MiB (sampled, garbage included) "
                + "| most kept after a GC, MiB | GCs during the render |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println();
        for (SheetLayout layout : SheetLayout.values()) {
            Double small = medians.get(layout + "/30");
            Double large = medians.get(layout + "/1000");
            if (small != null && large != null) {
                System.out.printf("%s: 1,000 badges take %.1fx the time of 30 (%.0fx the badges)%n",
                        layout.name().toLowerCase(), large / small, 1000 / 30.0);
            }
        }
    }

    /** Enough runs for a stable median, within a few seconds per size. */
    private static int repetitions(int size, Map<String, String> o) {
        if (o.containsKey("runs")) {
            return Integer.parseInt(o.get("runs"));
        }
        return size <= 100 ? 50 : size <= 1000 ? 15 : 7;
    }

    /** Nearest-rank percentile of sorted durations, in milliseconds. */
    private static double percentile(long[] sortedNanos, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.min(sortedNanos.length, Math.max(1, rank)) - 1] / 1e6;
    }

    /** Renders {@code count} badges made up on the fly; returns the PDF's size. */
    private static long render(int count, long seed, SheetLayout layout, Paper paper) throws IOException {
        Counting sink = new Counting();
        int drawn = BadgeSheet.render(cards(count, seed), layout, paper, sink);
        if (drawn != count) {
            throw new IllegalStateException(drawn + " badges drawn of " + count);
        }
        return sink.bytes;
    }

    /** Valid random badges with realistic names, made one at a time as the renderer asks for them. */
    static Iterator<BadgeCard> cards(int count, long seed) {
        Random random = new Random(seed);
        return new Iterator<>() {
            private int made;

            @Override
            public boolean hasNext() {
                return made < count;
            }

            @Override
            public BadgeCard next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                made++;
                byte[] secret = new byte[BadgePayload.SECRET_BYTES];
                random.nextBytes(secret);
                String payload = new BadgePayload(new UUID(random.nextLong(), random.nextLong()), secret).encode();
                int grade = random.nextInt(9) - 3;
                String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
                return new BadgeCard(payload, name, SCHOOLS[random.nextInt(SCHOOLS.length)],
                        grade + " \u00b7 g" + grade + "-" + LAST[random.nextInt(LAST.length)].toLowerCase(),
                        LocalDate.of(2026, 8, 1).plusDays(random.nextInt(120)), 1 + random.nextInt(3));
            }
        };
    }

    /** Counts the PDF's bytes and drops them. */
    private static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
