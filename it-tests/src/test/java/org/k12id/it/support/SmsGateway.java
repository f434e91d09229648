package org.k12id.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The carrier's SMS gateway, standing in for it in the integration tests: a small HTTP server on the fixed loopback
 * port {@value #PORT} that takes what the pack's {@code http} SMS sender posts in its {@code json} preset
 * ({@code {"to", "from", "message"}} with the bearer token {@link #TOKEN}; {@link K12ServerConfig} points the suite's
 * server at it) and records each text for the test to read. It can be switched {@link Mode#DOWN down} (it answers 503)
 * or {@link Mode#SILENT silent} (it answers nothing until well after the server's timeout of {@value #SERVER_TIMEOUT_MS}
 * ms). A request without the token, or whose body is not such a JSON object, is answered 401 or 400 and not recorded.
 * One at a time (the port is fixed): open it in a test, close it at the end.
 */
public final class SmsGateway implements AutoCloseable {

    /** Free in the suite (which uses 8080, 8181, 8580, 8581, 8590, 9000, 9580, 9581, 7900, 7901 and Apache's). */
    public static final int PORT = 8597;
    public static final String URL = "http://127.0.0.1:" + PORT + "/k12-test-sms/messages";
    /** The bearer token the suite's server is given: a value of the tests', never a real credential. */
    public static final String TOKEN = "k12-it-sms-token-7d1e9c";
    public static final String FROM = "K12 District";
    /** The server's timeout for the gateway (short, so a silent gateway fails a sign-in step quickly). */
    public static final int SERVER_TIMEOUT_MS = 2000;

    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the gateway answers. */
    public enum Mode {
        /** 200, and the text is recorded. */
        UP,
        /** 503, nothing recorded. */
        DOWN,
        /** no answer for 4 times the server's timeout (then 503), nothing recorded. */
        SILENT
    }

    /** One text message the gateway accepted. */
    public record Text(String to, String from, String message) {
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final List<Text> texts = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Mode mode = Mode.UP;
    private int refused;

    private SmsGateway(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Starts the gateway on {@value #PORT}, up. */
    public static SmsGateway open() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 16);
        ExecutorService threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        SmsGateway gateway = new SmsGateway(server, threads);
        server.createContext("/k12-test-sms/messages", gateway::handle);
        server.start();
        return gateway;
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** Every text accepted so far, oldest first. */
    public synchronized List<Text> texts() {
        return List.copyOf(texts);
    }

    /** The texts accepted for one number (E.164), oldest first. */
    public synchronized List<Text> textsTo(String number) {
        return texts.stream().filter(t -> t.to().equals(number)).toList();
    }

    /** The last text sent to {@code number}, waiting up to 10 s for one to arrive (or fails). */
    public Text awaitLastTo(String number) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            List<Text> to = textsTo(number);
            if (!to.isEmpty()) {
                return to.get(to.size() - 1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no text message arrived for the number; " + texts().size() + " for others");
    }

    /** The 6-digit code in the last text sent to {@code number}, waiting up to 10 s for one. */
    public String awaitCodeTo(String number) throws InterruptedException {
        Matcher code = CODE.matcher(awaitLastTo(number).message());
        if (!code.find()) {
            throw new AssertionError("the last text to the number holds no 6-digit code");
        }
        return code.group(1);
    }

    /** How many requests were refused for a missing or wrong token or an unreadable body. */
    public synchronized int refused() {
        return refused;
    }

    /** Forgets the texts and refusals so far, and is up again. */
    public synchronized void clear() {
        texts.clear();
        refused = 0;
        mode = Mode.UP;
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(64 * 1024);
            Mode now = mode;
            if (now == Mode.SILENT) {
                closing.await(4L * SERVER_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            }
            if (now != Mode.UP) {
                answer(exchange, 503, "{\"error\":\"down\"}");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())
                    || !("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                refuse(exchange, 401);
                return;
            }
            Text text = read(exchange.getRequestHeaders().getFirst("Content-Type"), body);
            if (text == null) {
                refuse(exchange, 400);
                return;
            }
            synchronized (this) {
                texts.add(text);
                Disclosures.sent(Disclosures.Kind.PHONE, text.to());
                Disclosures.codesIn(text.message());
            }
            answer(exchange, 200, "{\"status\":\"queued\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private static Text read(String contentType, byte[] body) {
        if (contentType == null || !contentType.startsWith("application/json")) {
            return null;
        }
        try {
            Map<?, ?> fields = JSON.readValue(body, Map.class);
            if (fields.get("to") instanceof String to && fields.get("message") instanceof String message
                    && (fields.get("from") == null || fields.get("from") instanceof String)) {
                return new Text(to, (String) fields.get("from"), message);
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private void refuse(HttpExchange exchange, int status) throws IOException {
        synchronized (this) {
            refused++;
        }
        answer(exchange, status, "{\"error\":\"refused\"}");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
