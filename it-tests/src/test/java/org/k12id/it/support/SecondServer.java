package org.k12id.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A second Keycloak, for tests that must kill a server and start it again on the same data: a copy of the
 * distribution the test framework unpacked (with the pack in providers/), on its own ports and a file H2 database, or,
 * when the suite runs on PostgreSQL ({@link PostgresSuite}), a PostgreSQL of its own.
 */
public final class SecondServer implements AutoCloseable {

    public static final int PORT = 8181;

    private final Path home;
    /** Its own database server when the suite runs on PostgreSQL, else null (a file H2 database in its home). */
    private final Postgres postgres;
    private Process process;

    private SecondServer(Path home, Postgres postgres) {
        this.home = home;
        this.postgres = postgres;
    }

    /** Copies the framework's distribution (without its data) and puts the demo realm up for import. */
    public static SecondServer prepare() throws IOException {
        Path source = Path.of(System.getProperty("java.io.tmpdir"), "kc-test-framework", "keycloak", "keycloak-26.7.0");
        Path home = Files.createTempDirectory("k12-second-server");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(p -> !source.relativize(p).startsWith("data")).toList()) {
                Path target = home.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.createDirectories(home.resolve("data/import"));
        try (InputStream realm = SecondServer.class.getResourceAsStream(DemoRealm.JSON)) {
            Files.copy(realm, home.resolve("data/import/k12-demo-realm.json"));
        }
        return new SecondServer(home, PostgresSuite.enabled() ? startPostgres(home) : null);
    }

    private static Postgres startPostgres(Path home) throws IOException {
        try {
            return Postgres.start();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the second server's PostgreSQL", e);
        } catch (IOException | RuntimeException e) {
            delete(home);
            throw e;
        }
    }

    public String url() {
        return "http://localhost:" + PORT;
    }

    /** Starts the server (importing the demo realm the first time) and waits until the demo realm answers. */
    public void start() throws Exception {
        start(List.of());
    }

    /**
     * Starts the server with these options besides its own and waits until the demo realm answers; throws
     * IllegalStateException when the server stops instead (its output is then in {@link #log()}).
     */
    public void start(List<String> options) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + PORT, "--http-management-port=" + (PORT + 1000), "--import-realm", "--cache=local",
                // a request whose node stopped is taken up again after 5 s (the least), not the default minute
                "--spi-admin-realm-restapi-extension--k12-default-passwords--takeover-seconds=5"));
        command.addAll(options);
        if (postgres == null) {
            command.add("--db=dev-file");
        } else {
            command.addAll(List.of("--db=postgres", "--db-url=" + postgres.jdbcUrl(), "--db-username=" + postgres.user()));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("server.log").toFile()));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        if (postgres != null) {
            // in the environment, not on the command line that ps shows
            builder.environment().put("KC_DB_PASSWORD", postgres.password());
        }
        process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 240_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the second server stopped; see " + home.resolve("server.log"));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/realms/" + DemoRealm.NAME
                        + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the second server did not start in time; see " + home.resolve("server.log"));
    }

    /** Everything the server has written to its console so far. */
    public String log() throws IOException {
        Path log = home.resolve("server.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
    }

    /** kill -9: the server and every process under it, at once, with no shutdown. */
    public void kill() throws InterruptedException {
        List<ProcessHandle> all = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            handle.onExit().join();
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            kill();
        }
        if (postgres != null) {
            postgres.close();
        }
        delete(home);
    }

    private static void delete(Path home) throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
