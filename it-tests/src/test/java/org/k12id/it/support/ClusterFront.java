package org.k12id.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The district's load balancer in front of a cluster, as small as a test needs: one address for every node (so tokens,
 * cookies and pages carry one issuer and one origin, as behind a real proxy), forwarding each request to the node the
 * test chose, or to each node in turn, with the {@code X-Forwarded-*} headers a reverse proxy sets (the nodes run with
 * {@code --proxy-headers=xforwarded}). A node that does not answer gives 502, as a proxy would.
 */
public final class ClusterFront implements AutoCloseable {

    /** Headers a proxy does not pass on (hop-by-hop), or that Java's HTTP client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "x-forwarded-for", "x-forwarded-host",
            "x-forwarded-proto", "x-forwarded-port");

    private final HttpServer server;
    private final ExecutorService threads;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final List<ClusterNode> nodes;
    /** The node every request goes to; null for each node in turn. */
    private final AtomicReference<ClusterNode> pinned = new AtomicReference<>();
    private final AtomicInteger turn = new AtomicInteger();

    private ClusterFront(HttpServer server, ExecutorService threads, List<ClusterNode> nodes) {
        this.server = server;
        this.threads = threads;
        this.nodes = List.copyOf(nodes);
    }

    /** Listens on {@code port} of the loopback interface, in front of {@code nodes}, sending everything to the first. */
    public static ClusterFront open(int port, List<ClusterNode> nodes) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        ClusterFront front = new ClusterFront(server, threads, nodes);
        front.pinned.set(nodes.get(0));
        server.createContext("/", front::forward);
        server.setExecutor(threads);
        server.start();
        return front;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String realmUrl() {
        return url() + "/realms/" + DemoRealm.NAME;
    }

    /** Every request from now on goes to {@code node}. */
    public void routeTo(ClusterNode node) {
        pinned.set(node);
    }

    /** From now on each request goes to the next node in turn (no stickiness at all). */
    public void alternate() {
        pinned.set(null);
    }

    private ClusterNode next() {
        ClusterNode node = pinned.get();
        return node != null ? node : nodes.get(Math.floorMod(turn.getAndIncrement(), nodes.size()));
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            ClusterNode node = next();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String host = exchange.getRequestHeaders().getFirst("Host");
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url() + exchange.getRequestURI().toString()))
                    .timeout(Duration.ofMinutes(2))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    header.getValue().forEach(value -> request.header(header.getKey(), value));
                }
            }
            request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress())
                    .header("X-Forwarded-Proto", "http")
                    .header("X-Forwarded-Host", host == null ? url().substring("http://".length()) : host)
                    .header("X-Forwarded-Port", String.valueOf(server.getAddress().getPort()));
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException unreachable) {
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            boolean noBody = answer.length == 0 || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : answer.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }
}
