package org.k12id.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.keycloak.admin.client.Keycloak;

/**
 * Two Keycloak nodes in production mode on one PostgreSQL, forming one cluster, with the pack: the stock 26.7.0
 * distribution ({@code keycloak-quarkus-dist}, unpacked from the local Maven repository) with the pack JAR in
 * {@code providers/}, built once with {@code kc.sh build --db=postgres} (health and metrics on), one copy per node.
 * Each node runs {@code kc.sh start --optimized} on its own loopback ports with the default {@code ispn} cache and the
 * JDBC_PING discovery of 26.x (the nodes find each other through the shared database), its cluster transport and
 * failure detection bound to 127.0.0.1. The first node imports the demo realm on its first start, with the bootstrap
 * admin from the environment. A {@link ClusterFront} gives both one address, as a district's load balancer does.
 *
 * <p>The built distribution is kept under {@code target/k12-cluster/} for the next run with the same pack (the key is
 * what the JAR holds); node homes are temporary; node logs stay in {@code target/k12-cluster/logs/}.
 */
public final class KeycloakCluster implements AutoCloseable {

    public static final int FRONT_PORT = 8590;
    public static final String ADMIN = "admin";
    /** JVM options for both nodes: a bounded heap, and Argon2 compiled fast (the README's install step 6). */
    static final String JAVA_OPTS_APPEND =
            "-XX:CompileCommand=quiet -XX:CompileCommand=inline,org.bouncycastle.crypto.generators.Argon2BytesGenerator*::*";
    static final String HEAP = "-Xms256m -Xmx1g";
    static final List<String> BUILD = List.of("build", "--db=postgres", "--health-enabled=true", "--metrics-enabled=true");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Postgres database;
    private final Path homes;
    private final List<ClusterNode> nodes;
    private final List<String> options;
    private final String adminPassword;
    private final Map<String, Duration> timings = new LinkedHashMap<>();
    private ClusterFront front;
    private boolean imported;

    private KeycloakCluster(Postgres database, Path homes, List<ClusterNode> nodes, List<String> options, String adminPassword) {
        this.database = database;
        this.homes = homes;
        this.nodes = nodes;
        this.options = options;
        this.adminPassword = adminPassword;
    }

    /**
     * Builds (or reuses) the distribution, makes node homes a (HTTP 8580, management 9580, cluster 7900) and b (8581,
     * 9581, 7901) and the front on {@value #FRONT_PORT}, and starts node a, which creates the schema and imports the
     * demo realm and {@code imports} (more files of Keycloak's import folder, by name: e.g. a
     * {@code k12-demo-users-0.json} of people), then node b, which joins. {@code extraOptions} go to every node's
     * {@code kc.sh start} (e.g. the pack's SPI options).
     */
    public static KeycloakCluster start(Postgres database, List<String> extraOptions, Map<String, String> imports) throws Exception {
        Path work = Path.of(System.getProperty("k12.cluster.dir", "target/k12-cluster")).toAbsolutePath();
        Path logs = Files.createDirectories(work.resolve("logs"));
        for (int port : List.of(8580, 8581, 9580, 9581, 7900, 7901, 7900 + ClusterNode.FAILURE_DETECTION_OFFSET,
                7901 + ClusterNode.FAILURE_DETECTION_OFFSET, FRONT_PORT)) {
            assertFree(port);
        }
        long began = System.nanoTime();
        Path built = built(work, logs);
        Duration buildTime = Duration.ofNanos(System.nanoTime() - began);
        Path homes = Files.createTempDirectory("k12-cluster");
        List<ClusterNode> nodes = new ArrayList<>();
        long copying = System.nanoTime();
        for (String[] node : new String[][] {{"a", "8580", "9580", "7900"}, {"b", "8581", "9581", "7901"}}) {
            Path home = homes.resolve("node-" + node[0]);
            copy(built, home);
            Path log = logs.resolve("node-" + node[0] + ".log");
            Files.deleteIfExists(log);
            nodes.add(new ClusterNode(node[0], Integer.parseInt(node[1]), Integer.parseInt(node[2]), Integer.parseInt(node[3]), home, log));
        }
        Path importFolder = Files.createDirectories(homes.resolve("node-a/data/import"));
        try (InputStream realm = KeycloakCluster.class.getResourceAsStream(DemoRealm.JSON)) {
            Files.copy(realm, importFolder.resolve("k12-demo-realm.json"));
        }
        for (Map.Entry<String, String> file : imports.entrySet()) {
            Files.writeString(importFolder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        List<String> options = new ArrayList<>(List.of("--http-enabled=true", "--http-host=127.0.0.1", "--hostname-strict=false",
                "--proxy-headers=xforwarded", "--db-url=" + database.jdbcUrl(), "--db-username=" + database.user(),
                "--cache=ispn", "--cache-stack=jdbc-ping", "--cache-embedded-network-bind-address=127.0.0.1"));
        options.addAll(extraOptions);
        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        KeycloakCluster cluster = new KeycloakCluster(database, homes, List.copyOf(nodes), List.copyOf(options),
                HexFormat.of().formatHex(secret));
        cluster.timings.put("distribution built (or reused)", buildTime);
        cluster.timings.put("node homes copied", Duration.ofNanos(System.nanoTime() - copying));
        try {
            cluster.front = ClusterFront.open(FRONT_PORT, nodes);
            // one node first on an empty database: Keycloak 26.7 releases its boot lock before the first node's
            // bootstrap commits, so a second node starting at the same time creates the master realm again and stops
            // on a duplicate key (keycloak/keycloak#17017, #41801). Once the database is set up, nodes start at once.
            long first = System.nanoTime();
            cluster.start(List.of(nodes.get(0)));
            cluster.timings.put("node a started (schema created, demo realm and imports)", Duration.ofNanos(System.nanoTime() - first));
            long second = System.nanoTime();
            cluster.start(List.of(nodes.get(1)));
            cluster.timings.put("node b started (joined)", Duration.ofNanos(System.nanoTime() - second));
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    public ClusterNode a() {
        return nodes.get(0);
    }

    public ClusterNode b() {
        return nodes.get(1);
    }

    public List<ClusterNode> nodes() {
        return nodes;
    }

    public ClusterFront front() {
        return front;
    }

    public Postgres database() {
        return database;
    }

    /** How long each step of setting the cluster up took, in order. */
    public Map<String, Duration> timings() {
        return timings;
    }

    /** The master realm administrator's access token, from the server at {@code baseUrl} (a node or the front). */
    public String adminToken(String baseUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.encode(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", ADMIN, "password", adminPassword))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no admin token from " + baseUrl + ": " + response.statusCode());
        }
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    /** The admin client of the master realm's administrator, talking to {@code node}; close it when done. */
    public Keycloak admin(ClusterNode node) {
        return Keycloak.getInstance(node.url(), "master", ADMIN, adminPassword, "admin-cli");
    }

    /** Starts every node that is not running, all at once, and waits until each is ready. */
    public void startAll() throws IOException, InterruptedException {
        start(nodes.stream().filter(node -> !node.running()).toList());
    }

    /** Starts these nodes at once (node a imports the demo realm on its first start) and waits until each is ready. */
    private void start(List<ClusterNode> starting) throws IOException, InterruptedException {
        for (ClusterNode node : starting) {
            List<String> command = node.command(options);
            if (node == a() && !imported) {
                command.add("--import-realm");
                imported = true;
            }
            node.launch(command, Map.of("KC_DB_PASSWORD", database.password(),
                    "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN, "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword,
                    "JAVA_OPTS_KC_HEAP", HEAP, "JAVA_OPTS_APPEND", JAVA_OPTS_APPEND));
        }
        for (ClusterNode node : starting) {
            node.awaitReady(Duration.ofMinutes(6));
        }
    }

    /** Every node stopped as a service manager stops it (the ones still running), then every node started again at once. */
    public void restart() throws Exception {
        for (ClusterNode node : nodes) {
            node.stop();
        }
        startAll();
    }

    @Override
    public void close() throws Exception {
        if (front != null) {
            front.close();
        }
        for (ClusterNode node : nodes) {
            node.kill();
        }
        delete(homes);
    }

    /**
     * The distribution with the pack, built for PostgreSQL: from {@code target/k12-cluster/dist-<key>} when a run with
     * the same pack JAR built it, else unpacked from the stock ZIP, the pack copied in and {@code kc.sh build} run (its
     * output in {@code logs/build.log}), in a fresh folder that is renamed into place only once the build succeeded.
     */
    private static Path built(Path work, Path logs) throws IOException, InterruptedException {
        Path zip = Path.of(System.getProperty("k12.keycloak.dist", "missing-keycloak-quarkus-dist.zip"));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("the stock distribution is missing: " + zip.toAbsolutePath()
                    + " (the it-tests module depends on org.keycloak:keycloak-quarkus-dist:zip)");
        }
        Path jar = PackContents.jar();
        String key = contentKey(jar, zip.getFileName().toString() + String.join(" ", BUILD)).substring(0, 16);
        Path dist = work.resolve("dist-" + key);
        if (Files.isRegularFile(dist.resolve("k12-built"))) {
            return dist.resolve(topFolder(zip));
        }
        try (Stream<Path> old = Files.list(work)) {
            for (Path stale : old.filter(p -> p.getFileName().toString().startsWith("dist-")).toList()) {
                delete(stale);
            }
        }
        Path fresh = Files.createDirectories(work.resolve("dist-" + key + ".tmp"));
        unzip(zip, fresh);
        Path home = fresh.resolve(topFolder(zip));
        Files.copy(jar, home.resolve("providers").resolve(jar.getFileName()));
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString()));
        command.addAll(BUILD);
        Path log = logs.resolve("build.log");
        Process build = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0) {
            build.destroyForcibly();
            throw new IllegalStateException("kc.sh build failed; see " + log);
        }
        Files.writeString(fresh.resolve("k12-built"), jar + "\n", StandardCharsets.UTF_8);
        Files.move(fresh, dist, StandardCopyOption.ATOMIC_MOVE);
        return dist.resolve(topFolder(zip));
    }

    private static String topFolder(Path zip) {
        String name = zip.getFileName().toString();
        // keycloak-quarkus-dist-26.7.0.zip holds keycloak-26.7.0/
        return "keycloak-" + name.substring("keycloak-quarkus-dist-".length(), name.length() - ".zip".length());
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target);
                }
                if (entry.getName().endsWith(".sh")) {
                    target.toFile().setExecutable(true);
                }
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /**
     * A key for what the JAR holds, not when it was packed: its entries' names, sizes and CRCs (a rebuild of unchanged
     * sources makes a JAR with other timestamps, which should not build the server again).
     */
    private static String contentKey(Path jar, String salt) throws IOException {
        try (ZipFile file = new ZipFile(jar.toFile())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt.getBytes(StandardCharsets.UTF_8));
            file.stream().sorted(Comparator.comparing(ZipEntry::getName)).forEach(entry -> digest.update(
                    (entry.getName() + " " + entry.getSize() + " " + entry.getCrc() + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertFree(int port) throws IOException {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException taken) {
            throw new IllegalStateException("port " + port + " on 127.0.0.1 is in use: the cluster test needs it (run "
                    + "integration tests under flock /tmp/k12-it.lock; a node of an earlier run may still be running)");
        }
    }
}
