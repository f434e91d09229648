package org.k12id.benchmarks.staff;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.tools.attach.VirtualMachine;

/**
 * The server's heap, read from outside while the benchmark runs: the benchmark attaches to the server's JVM by its
 * process id (the JDK's attach API, same user, no server option needed: a plain {@code kc.sh start-dev} will do),
 * starts its local JMX agent and listens to every garbage collection. A segment notes the highest heap use right after
 * any collection (live objects plus old garbage not yet collected), the highest after a full collection, how many
 * collections ran and how long they paused. {@link #liveNow()} asks for a full collection and reads what stays: the
 * live heap at rest. If attaching fails, nothing is measured and the benchmark goes on.
 */
final class ServerHeap implements AutoCloseable {

    /** One watched stretch of the benchmark, in bytes; -1 when not measured. */
    record Segment(String label, long maxAfterGc, long maxAfterFullGc, int collections, int fullCollections,
                   long pauseMillis, long maxHeap) {
        static Segment none(String label) {
            return new Segment(label, -1, -1, 0, 0, 0, -1);
        }

        /** This stretch and {@code other} as one (highest of the highs, sums of the counts). */
        Segment and(Segment other) {
            return new Segment(label, Math.max(maxAfterGc, other.maxAfterGc), Math.max(maxAfterFullGc, other.maxAfterFullGc),
                    collections + other.collections, fullCollections + other.fullCollections, pauseMillis + other.pauseMillis,
                    Math.max(maxHeap, other.maxHeap));
        }
    }

    private final JMXConnector connector;
    private final MBeanServerConnection mbeans;
    private final AtomicLong maxAfterGc = new AtomicLong(-1);
    private final AtomicLong maxAfterFull = new AtomicLong(-1);
    private final AtomicInteger collections = new AtomicInteger();
    private final AtomicInteger full = new AtomicInteger();
    private final AtomicLong pause = new AtomicLong();
    private final NotificationListener listener = this::collected;
    private String label = "";

    private ServerHeap(JMXConnector connector) throws IOException, javax.management.JMException {
        this.connector = connector;
        this.mbeans = connector.getMBeanServerConnection();
        for (ObjectName gc : mbeans.queryNames(new ObjectName(ManagementFactory.GARBAGE_COLLECTOR_MXBEAN_DOMAIN_TYPE + ",*"), null)) {
            mbeans.addNotificationListener(gc, listener, null, null);
        }
    }

    /** Attaches to the JVM of process {@code pid}; null (and a note) when it cannot. */
    static ServerHeap attach(long pid) {
        if (pid <= 0) {
            System.out.println("  (no server process id given: heap not measured)");
            return null;
        }
        try {
            VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            return new ServerHeap(JMXConnectorFactory.connect(new JMXServiceURL(address)));
        } catch (Exception | LinkageError e) {
            System.out.println("  (could not attach to the server's JVM, pid " + pid + ": " + e + "; heap not measured)");
            return null;
        }
    }

    /** Starts a new segment. */
    synchronized void begin(String label) {
        this.label = label;
        maxAfterGc.set(-1);
        maxAfterFull.set(-1);
        collections.set(0);
        full.set(0);
        pause.set(0);
    }

    /** Ends the current segment. */
    synchronized Segment end() {
        return new Segment(label, maxAfterGc.get(), maxAfterFull.get(), collections.get(), full.get(), pause.get(), maxHeap());
    }

    /** A full collection now, and the heap left after it (the live heap at rest); -1 if it cannot be read. */
    long liveNow() {
        try {
            MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
            memory.gc();
            long live = memory.getHeapMemoryUsage().getUsed();
            Thread.sleep(500); // lets this collection's notification pass before a new segment begins
            return live;
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private long maxHeap() {
        try {
            return ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class)
                    .getHeapMemoryUsage().getMax();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (info.getGcName().contains("Concurrent")) {
            return; // G1's concurrent cycle (newer JDKs report it): no pause, and the heap is not compacted by it
        }
        long after = heapUsed(info.getGcInfo().getMemoryUsageAfterGc());
        collections.incrementAndGet();
        pause.addAndGet(info.getGcInfo().getDuration());
        maxAfterGc.accumulateAndGet(after, Math::max);
        if (info.getGcAction().contains("major") || info.getGcName().contains("Old") || info.getGcName().contains("MarkSweep")) {
            full.incrementAndGet();
            maxAfterFull.accumulateAndGet(after, Math::max);
        }
    }

    private static long heapUsed(Map<String, MemoryUsage> pools) {
        // G1's heap pools; the non-heap pools (Metaspace, code cache, ...) are left out
        return pools.entrySet().stream()
                .filter(e -> e.getKey().contains("Eden") || e.getKey().contains("Survivor") || e.getKey().contains("Old")
                        || e.getKey().contains("Tenured"))
                .mapToLong(e -> e.getValue().getUsed()).sum();
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException | RuntimeException ignored) {
            // the server may be gone
        }
    }
}
