package org.k12id.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One node of a {@link KeycloakCluster}: its own copy of the built distribution, its own ports on the loopback
 * interface (HTTP, management, and the cluster's JGroups port, whose failure detection listens 50,000 above it), its
 * log appended to one file across restarts. Started with {@code kc.sh start --optimized}, stopped gently (SIGTERM, as
 * a service manager does) or killed ({@code kill -9} of the whole process tree).
 */
public final class ClusterNode {

    /** JGroups' failure detection (FD_SOCK2) listens at the transport's port plus this offset. */
    public static final int FAILURE_DETECTION_OFFSET = 50_000;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern CLUSTER_SIZE = Pattern.compile("^vendor_cluster_size\\{[^}]*node=\"([^\"]+)\"[^}]*} ([0-9.]+)$",
            Pattern.MULTILINE);

    private final String name;
    private final int httpPort;
    private final int managementPort;
    private final int clusterPort;
    private final Path home;
    private final Path log;
    private Process process;

    ClusterNode(String name, int httpPort, int managementPort, int clusterPort, Path home, Path log) {
        this.name = name;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.clusterPort = clusterPort;
        this.home = home;
        this.log = log;
    }

    public String name() {
        return name;
    }

    /** The node's own address (not through the front). */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String realmUrl() {
        return url() + "/realms/" + DemoRealm.NAME;
    }

    public int httpPort() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    public int clusterPort() {
        return clusterPort;
    }

    /** The node's log: every start of it, its whole console output. */
    public Path log() {
        return log;
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** The options of {@code kc.sh start} for this node, after {@code common}. */
    List<String> command(List<String> common) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized"));
        command.addAll(common);
        command.addAll(List.of("--http-port=" + httpPort, "--http-management-port=" + managementPort,
                "--cache-embedded-network-bind-port=" + clusterPort));
        return command;
    }

    /** Starts the node in the background; {@link #awaitReady} waits for it. */
    void launch(List<String> command, Map<String, String> environment) throws IOException {
        Files.writeString(log, "\n===== " + Instant.now() + " k12 cluster test: starting node " + name + ": "
                        + String.join(" ", command.subList(1, command.size())) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /** Waits until the node reports itself ready (management {@code /health/ready}) and serves the demo realm. */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!running()) {
                throw new IllegalStateException("node " + name + " stopped while starting; see " + log + "\n" + tail(40));
            }
            if (status("http://127.0.0.1:" + managementPort + "/health/ready") == 200
                    && status(realmUrl() + "/.well-known/openid-configuration") == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("node " + name + " not ready after " + timeout + "; see " + log + "\n" + tail(40));
    }

    /**
     * The cluster as this node sees it, from its own metrics (management {@code /metrics}, {@code vendor_cluster_size}):
     * this node's name in the cluster and how many members its view has.
     */
    public View view() throws IOException, InterruptedException {
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/metrics"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher size = CLUSTER_SIZE.matcher(metrics.body());
        if (metrics.statusCode() != 200 || !size.find()) {
            throw new IllegalStateException("node " + name + " reports no cluster size: " + metrics.statusCode());
        }
        return new View(size.group(1), (int) Double.parseDouble(size.group(2)));
    }

    /** A node's view of the cluster: its own member name and the number of members. */
    public record View(String member, int size) {
    }

    /** The node's processes: {@code kc.sh} and the JVM it runs. */
    public List<Long> pids() {
        if (process == null) {
            return List.of();
        }
        return Stream.concat(Stream.of(process.toHandle()), process.descendants()).map(ProcessHandle::pid).toList();
    }

    /** kill -9: the node and every process under it, at once, with no shutdown. */
    public void kill() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(handle -> handle.onExit().join());
    }

    /** Stops the node as a service manager does (SIGTERM, which kc.sh passes to Keycloak); kills it if it hangs. */
    public void stop() throws InterruptedException {
        if (!running()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
        process.descendants().forEach(handle -> handle.onExit().join());
    }

    /** The last lines of the node's log, for failure messages. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static int status(String url) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return "node " + name + " (" + url() + ")";
    }
}
