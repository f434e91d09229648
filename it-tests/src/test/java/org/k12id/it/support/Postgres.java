package org.k12id.it.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, from Debian's packages ({@code postgresql}, installed by {@code .ci/run}):
 * {@code initdb} in a temporary data directory, {@code pg_ctl} on a free loopback port, as an unprivileged user (the
 * {@code postgres} account of the package when the tests run as root, since PostgreSQL refuses to run as root), one
 * database and one password-protected role for Keycloak. {@link #close()} stops it and deletes the directory.
 */
public final class Postgres implements AutoCloseable {

    public static final String DATABASE = "keycloak";
    public static final String USER = "keycloak";

    private final Path dir;
    private final Path bin;
    private final int port;
    private final String password;
    private final boolean asRoot;

    private Postgres(Path dir, Path bin, int port, String password, boolean asRoot) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.password = password;
        this.asRoot = asRoot;
    }

    /** initdb, start, create the database; fails with what PostgreSQL printed if any step fails. */
    public static Postgres start() throws IOException, InterruptedException {
        Path bin = binaries();
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("k12-postgres");
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Files.writeString(dir.resolve("pwfile"), password + "\n", StandardCharsets.UTF_8);
        if (asRoot) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()), dir, null);
        }
        Postgres pg = new Postgres(dir, bin, freePort(), password, asRoot);
        try {
            pg.pg(List.of("initdb", "-D", pg.data().toString(), "-U", USER, "--pwfile=" + dir.resolve("pwfile"),
                    "--auth=scram-sha-256", "-E", "UTF8", "--locale=C"));
            Files.deleteIfExists(dir.resolve("pwfile"));
            pg.pg(List.of("pg_ctl", "-D", pg.data().toString(), "-l", dir.resolve("postgres.log").toString(), "-w", "-t", "60",
                    "-o", "-p " + pg.port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir
                            + " -c max_connections=300 -c shared_buffers=128MB",
                    "start"));
            pg.psql("postgres", "CREATE DATABASE " + DATABASE + " OWNER " + USER);
            return pg;
        } catch (IOException | InterruptedException | RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    /** The server's version, as it reports it (e.g. {@code 15.14 (Debian 15.14-0+deb12u1)}). */
    public String version() throws IOException, InterruptedException {
        return psql("postgres", "SHOW server_version");
    }

    /** The server's log file (PostgreSQL's own messages). */
    public Path log() {
        return dir.resolve("postgres.log");
    }

    /** Runs SQL with psql against {@code database}, as the Keycloak role; returns what psql printed (unaligned, no headers). */
    public String psql(String database, String sql) throws IOException, InterruptedException {
        return pg(List.of("psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-U", USER, "-d", database, "-c", sql));
    }

    /** Runs SQL against the Keycloak database. */
    public String psql(String sql) throws IOException, InterruptedException {
        return psql(DATABASE, sql);
    }

    @Override
    public void close() {
        try {
            if (Files.exists(data().resolve("postmaster.pid"))) {
                pg(List.of("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "-t", "30", "stop"));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private String pg(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asRoot) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.add(bin.resolve(command.get(0)).toString());
        full.addAll(command.subList(1, command.size()));
        return run(full, dir, password);
    }

    private static String run(List<String> command, Path dir, String password) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        if (password != null) {
            builder.environment().put("PGPASSWORD", password);
        }
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(Math.max(0, command.indexOf("--") + 1), command.size()))
                    + " failed:\n" + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8).strip();
    }

    /** The newest PostgreSQL under /usr/lib/postgresql (Debian's layout): its bin/ folder. */
    static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("PostgreSQL is not installed (Debian's postgresql package; .ci/run installs it)");
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(p -> Files.isExecutable(p.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().replaceAll("\\D", "0"))))
                    .map(p -> p.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("no initdb under " + root));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
