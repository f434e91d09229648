package org.k12id.benchmarks.staff;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Staff paging through the students of a PSU, every member of staff at once, {@code think} ms between a person's
 * clicks. Paging {@code portal}: a random filter's first page, then Next three times in four, as the portal's pager
 * goes; {@code jump}: a random page of a random filter every time. A teacher (a user {@code t.*}) pages through their
 * own classes: no class filter, and a jump always lands on a first page.
 */
final class StaffPaging {

    private final List<StaffSession> staff;
    private final int size;
    private final List<String> schools;
    private final List<String> classIds;
    private final int think;
    private final boolean jump;

    StaffPaging(List<StaffSession> staff, int size, List<String> schools, List<String> classIds, int think, boolean jump) {
        this.staff = staff;
        this.size = size;
        this.schools = schools;
        this.classIds = classIds;
        this.think = think;
        this.jump = jump;
    }

    /** Every member of staff signs in again now, one after another. */
    void renew() throws IOException, InterruptedException {
        for (StaffSession s : staff) {
            s.renew();
        }
    }

    /**
     * The staff paging for {@code seconds}; entries {nanos, status}, also kept by filter in {@code byFilter}. A
     * refused connection sets {@code gone}; the first answer other than 200 goes to {@code firstFailure}.
     */
    List<long[]> run(int seconds, AtomicBoolean gone, Map<String, List<long[]>> byFilter, AtomicReference<String> firstFailure)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(staff.size());
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<List<long[]>>> results = new ArrayList<>();
        for (StaffSession s : staff) {
            boolean isTeacher = s.username().startsWith("t.");
            results.add(pool.submit(() -> page(s, isTeacher, deadline, gone, byFilter, firstFailure)));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<List<long[]>> f : results) {
            all.addAll(f.get());
        }
        pool.shutdown();
        return all;
    }

    /** One member of staff paging until the deadline; entries {nanos, status}. */
    private List<long[]> page(StaffSession s, boolean teacher, long deadline, AtomicBoolean gone, Map<String, List<long[]>> byFilter,
                              AtomicReference<String> firstFailure) throws InterruptedException {
        List<long[]> done = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Thread.sleep(random.nextInt(Math.max(1, think) + 1)); // people do not click in step
        // "portal": a filter's first page, then Next (three times in four) to its end, as the portal's pager goes;
        // "jump": every request a random page of a random filter, anywhere in the list (as a script could)
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
                    k -> Collections.synchronizedList(new ArrayList<>())).add(entry);
            if (call.status() != 200) {
                firstFailure.compareAndSet(null, call.describe() + " (" + s.username() + ", " + query + ")");
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
            return StaffResults.JSON.readTree(listing).path("total").asLong();
        } catch (IOException e) {
            return 0;
        }
    }
}
