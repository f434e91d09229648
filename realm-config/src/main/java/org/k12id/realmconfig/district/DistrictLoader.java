package org.k12id.realmconfig.district;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads generated files into a running server through the admin REST API's partial import, one file per request:
 * the groups file first, then the users files, {@code parallel} at a time (one request uses about one server core).
 * People who already exist are skipped, and the files the server accepted are listed in the folder's
 * {@link LoadJournal}, so a load that stopped at any point goes on where it was when run again.
 */
public final class DistrictLoader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_MAX_AGE = Duration.ofSeconds(30);

    private final URI server;
    private final String realm;
    private final String adminUser;
    private final String adminPassword;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String token;
    private long tokenAt;

    public DistrictLoader(URI server, String realm, String adminUser, String adminPassword) {
        this.server = server;
        this.realm = realm;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /**
     * Posts every file the journal does not list yet, the first (the groups) alone; returns the number of users and
     * groups this run added.
     */
    public long load(List<Path> files, int parallel, PrintStream progress, LoadJournal journal)
            throws IOException, InterruptedException {
        if (parallel < 1 || parallel > 16) {
            throw new IllegalArgumentException("parallel must be between 1 and 16");
        }
        long start = System.nanoTime();
        if (files.isEmpty()) {
            return 0;
        }
        long added = journal.done(files.get(0)) ? 0 : post(files.get(0), start, progress, journal);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (Path file : files.subList(1, files.size())) {
                if (!journal.done(file)) {
                    results.add(pool.submit(() -> post(file, start, progress, journal)));
                }
            }
            for (Future<Long> result : results) {
                added += result.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return added;
    }

    private long post(Path file, long start, PrintStream progress, LoadJournal journal)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/admin/realms/"
                        + URLEncoder.encode(realm, StandardCharsets.UTF_8) + "/partialImport"))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(file.getFileName() + ": the server answered " + response.statusCode() + " "
                    + abbreviate(response.body()));
        }
        JsonNode result = JSON.readTree(response.body());
        journal.record(file, result.path("added").asLong(), result.path("skipped").asLong());
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.printf("%s/%s: added %d, skipped %d (%.0f s so far)%n", file.getParent().getFileName(), file.getFileName(),
                result.path("added").asLong(), result.path("skipped").asLong(), seconds);
        return result.path("added").asLong();
    }

    private synchronized String token() throws IOException, InterruptedException {
        if (token != null && System.nanoTime() - tokenAt < TOKEN_MAX_AGE.toNanos()) {
            return token;
        }
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(adminUser, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("could not sign in to the master realm as " + adminUser + " (HTTP "
                    + response.statusCode() + ")");
        }
        token = JSON.readTree(response.body()).path("access_token").asText();
        tokenAt = System.nanoTime();
        return token;
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
