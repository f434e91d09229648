package org.k12id.benchmarks.printing;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Heap use while something runs: the baseline after a full GC before it, the highest heap use a background sampler
 * saw during it (live objects and garbage not yet collected alike), and the highest heap use left after any garbage
 * collection during it (live objects only: what the work really keeps).
 */
final class HeapWatch {

    /** What one watched run used, in bytes above the baseline. */
    record Use(long baseline, long sampledPeak, long liveAfterGc, int collections) {
    }

    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong sampledPeak = new AtomicLong();
    private final AtomicLong livePeak = new AtomicLong(-1);
    private final AtomicInteger collections = new AtomicInteger();
    private final Thread sampler;
    private final NotificationListener listener = this::collected;
    private final long baseline;
    private volatile boolean running = true;

    private HeapWatch(long baseline) {
        this.baseline = baseline;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
        }
        sampler = new Thread(() -> {
            while (running) {
                sampledPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Collects garbage, takes the baseline and starts watching. */
    static HeapWatch start() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        Thread.sleep(100); // lets the notifications of these collections pass before watching
        return new HeapWatch(memory.getHeapMemoryUsage().getUsed());
    }

    private void collected(Notification notification, Object handback) {
        if (running && GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                    (CompositeData) notification.getUserData());
            collections.incrementAndGet();
            livePeak.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
        }
    }

    /** Stops watching (the caller stops the clock first: this waits for the sampler). */
    Use stop() throws InterruptedException {
        sampledPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        running = false;
        sampler.join();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        long live = livePeak.get();
        return new Use(baseline, sampledPeak.get() - baseline, live < 0 ? -1 : Math.max(0, live - baseline),
                collections.get());
    }

    private static long heapUsed(Map<String, MemoryUsage> pools) {
        return pools.entrySet().stream().filter(e -> HEAP_POOLS.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed()).sum();
    }
}
