package org.k12id.benchmarks.printing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.k12id.benchmarks.logins.LoginClient;

/**
 * Badge printing through the real API on a running demo server, as a district's staff use it: an LEA administrator
 * POSTs {@code /k12-badges/print} for 30 and for 1,000 chosen students and gets the PDF. Times the whole request
 * (finding the students, issuing or reprinting each badge in the database, drawing the PDF, sending it). The first
 * print of a set issues the badges; later prints reprint them (the sealed secret is opened); {@code renew} issues anew.
 */
public final class PrintApiBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String server;
    private final String realm;

    private PrintApiBenchmark(String server, String realm) {
        this.server = server;
        this.realm = realm;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        PrintApiBenchmark bench = new PrintApiBenchmark(o.getOrDefault("server", "http://localhost:8080"), o.getOrDefault("realm", "k12-demo"));
        bench.run(Integer.parseInt(o.getOrDefault("students", "1000")), Integer.parseInt(o.getOrDefault("runs", "5")),
                o.getOrDefault("admin", "admin"), o.getOrDefault("admin-password", "admin"),
                o.getOrDefault("lea-admin", "lea-admin.920"), o.getOrDefault("lea-password", "Tarheel2026"));
    }

    private void run(int count, int runs, String admin, String adminPassword, String leaAdmin, String leaPassword) throws Exception {
        System.out.printf("Setting up %d print-bench students in %s (once)...%n", count, realm);
        List<String> ids = ensureStudents(LoginClient.masterToken(http, server, admin, adminPassword), count);
        LoginClient portal = new LoginClient(http, server + "/realms/" + realm, "k12-demo-portal",
                "demo-portal-secret-change-me", "http://localhost:8401/callback");
        String token = portal.accessToken(leaAdmin, leaPassword);
        List<String> thirty = ids.subList(0, Math.min(30, ids.size()));

        System.out.println("Warming up...");
        for (int i = 0; i < 3; i++) {
            print(token, thirty, "labels", false);
        }
        print(token, ids, "labels", false);

        System.out.println();
        System.out.println("| print | badges | runs | median ms | max ms | PDF KiB |");
        System.out.println("|---|---|---|---|---|---|");
        for (String layout : List.of("labels", "cards")) {
            report("reprint, " + layout, token, thirty, layout, false, runs);
            report("reprint, " + layout, token, ids, layout, false, runs);
        }
        report("renew (void and issue), labels", token, thirty, "labels", true, runs);
        report("renew (void and issue), labels", token, ids, "labels", true, Math.max(1, runs / 2));

        System.out.println();
        System.out.println("| listing (GET students, first page of 50) | runs | median ms | max ms | students in scope |");
        System.out.println("|---|---|---|---|---|");
        listing("whole PSU 920", token, "students?max=50", runs);
        listing("one school (920304)", token, "students?school=920304&max=50", runs);
        listing("one grade (2)", token, "students?grade=2&max=50", runs);
    }

    private void listing(String name, String token, String query, int runs) throws Exception {
        long[] millis = new long[runs];
        int total = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = send(token, "GET", server + "/admin/realms/" + realm + "/k12-badges/" + query, null);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            if (r.statusCode() != 200) {
                throw new IOException("listing failed: HTTP " + r.statusCode() + " " + r.body());
            }
            total = JSON.readTree(r.body()).path("total").asInt();
        }
        Arrays.sort(millis);
        System.out.printf("| %s | %d | %d | %d | %d |%n", name, runs, millis[runs / 2], millis[runs - 1], total);
    }

    private void report(String name, String token, List<String> ids, String layout, boolean renew, int runs) throws Exception {
        long[] millis = new long[runs];
        long bytes = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            bytes = print(token, ids, layout, renew);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf("| %s | %d | %d | %d | %d | %d |%n", name, ids.size(), runs, millis[runs / 2], millis[runs - 1], bytes / 1024);
    }

    private long print(String token, List<String> ids, String layout, boolean renew) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("userIds");
        ids.forEach(list::add);
        body.put("layout", layout).put("paper", "letter").put("renew", renew);
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(server + "/admin/realms/" + realm + "/k12-badges/print"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException("print failed: HTTP " + r.statusCode() + " " + new String(r.body()));
        }
        return r.body().length;
    }

    /** Grade-2 students {@code print-0001}... of PSU 920, school 920304, created by partial import once. */
    private List<String> ensureStudents(String token, int count) throws IOException, InterruptedException {
        String base = server + "/admin/realms/" + realm;
        for (int from = 1; from <= count; from += 500) {
            ObjectNode rep = JSON.createObjectNode().put("ifResourceExists", "SKIP");
            ArrayNode users = rep.putArray("users");
            for (int i = from; i < Math.min(from + 500, count + 1); i++) {
                String username = String.format("print-%04d", i);
                ObjectNode user = users.addObject().put("username", username).put("enabled", true)
                        .put("firstName", "Print " + i).put("lastName", "Bench");
                ObjectNode attributes = user.putObject("attributes");
                attributes.putArray("psuCode").add("920");
                attributes.putArray("schoolCode").add("920304");
                attributes.putArray("gradeLevel").add("2");
                attributes.putArray("studentNumber").add(String.format("77%08d", i));
                user.putArray("realmRoles").add("student");
            }
            HttpResponse<String> r = send(token, "POST", base + "/partialImport", rep.toString());
            if (r.statusCode() != 200) {
                throw new IOException("partial import failed: HTTP " + r.statusCode() + " " + r.body());
            }
        }
        JsonNode found = JSON.readTree(send(token, "GET", base + "/users?briefRepresentation=true&max=" + (count + 100)
                + "&search=print-", null).body());
        List<String> ids = new ArrayList<>();
        found.forEach(user -> {
            if (user.path("username").asText().matches("print-\\d{4}")) {
                ids.add(user.path("id").asText());
            }
        });
        if (ids.size() < count) {
            throw new IOException("expected " + count + " print-bench students, found " + ids.size());
        }
        return ids.subList(0, count);
    }

    private HttpResponse<String> send(String token, String method, String url, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(2));
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
