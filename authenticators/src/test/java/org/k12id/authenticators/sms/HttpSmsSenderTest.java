package org.k12id.authenticators.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.util.JsonSerialization;

@DisplayName("The http SMS sender, against a gateway on a loopback port")
class HttpSmsSenderTest {

    private static final String NUMBER = "+19195550123";
    private static final String TEXT = "Your code is 123456 — válido 5 min & más";

    /** One request as the gateway received it. */
    record Received(String method, String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }
    }

    private HttpServer gateway;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean silent;

    @BeforeEach
    void start() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.setExecutor(Executors.newCachedThreadPool());
        gateway.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (received) {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        Map.copyOf(lowerCase(exchange.getRequestHeaders())), body));
            }
            if (silent) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] answer = "{\"sid\":\"SM1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        gateway.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        gateway.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + gateway.getAddress().getPort() + path;
    }

    private static SmsSender sender(String... pairs) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            options.put(pairs[i], pairs[i + 1]);
        }
        HttpSmsConfig config = HttpSmsConfig.read(options::get);
        return new HttpSmsSender(config, config.configured() ? HttpSmsSender.client(config) : null);
    }

    private Received only() {
        synchronized (received) {
            assertEquals(1, received.size(), "requests received");
            return received.get(0);
        }
    }

    @Test
    @DisplayName("json: POST {to, from, message} as JSON with the bearer token")
    void json() throws Exception {
        sender("url", url("/hooks/sms?district=920"), "token", "t0ken", "from", "District 920").send(NUMBER, TEXT);
        Received request = only();
        assertEquals("POST", request.method());
        assertEquals("/hooks/sms?district=920", request.path());
        assertEquals("application/json", request.header("content-type"));
        assertEquals("Bearer t0ken", request.header("authorization"));
        @SuppressWarnings("unchecked")
        Map<String, String> body = JsonSerialization.readValue(request.body(), Map.class);
        assertEquals(Map.of("to", NUMBER, "from", "District 920", "message", TEXT), body);
    }

    @Test
    @DisplayName("json without a token or sender: no Authorization header, no from")
    void jsonBare() throws Exception {
        sender("url", url("/sms")).send(NUMBER, "Hi \"there\"\n{}");
        Received request = only();
        assertNull(request.header("authorization"));
        @SuppressWarnings("unchecked")
        Map<String, String> body = JsonSerialization.readValue(request.body(), Map.class);
        assertEquals(Map.of("to", NUMBER, "message", "Hi \"there\"\n{}"), body);
    }

    @Test
    @DisplayName("twilio: POST form-encoded To, From, Body with basic auth")
    void twilio() throws Exception {
        status.set(201);
        sender("url", url("/2010-04-01/Accounts/AC0123/Messages.json"), "preset", "twilio",
                "username", "AC0123", "password", "auth:token", "from", "+19195550100").send(NUMBER, TEXT);
        Received request = only();
        assertEquals("POST", request.method());
        assertEquals("/2010-04-01/Accounts/AC0123/Messages.json", request.path());
        assertTrue(request.header("content-type").startsWith("application/x-www-form-urlencoded"),
                request.header("content-type"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("AC0123:auth:token".getBytes(StandardCharsets.UTF_8)),
                request.header("authorization"));
        assertEquals("To=%2B19195550123&From=%2B19195550100&Body="
                + java.net.URLEncoder.encode(TEXT, StandardCharsets.UTF_8), request.body());
    }

    @Test
    @DisplayName("an answer of 500 or 400 is a failure naming the status, and nothing else")
    void refusedByGateway() {
        SmsSender sender = sender("url", url("/sms"), "token", "t0ken");
        status.set(500);
        assertReason("gateway answered 500", () -> sender.send(NUMBER, TEXT));
        status.set(400);
        assertReason("gateway answered 400", () -> sender.send(NUMBER, TEXT));
        status.set(302);
        assertReason("gateway answered 302", () -> sender.send(NUMBER, TEXT));
    }

    @Test
    @DisplayName("a gateway that does not answer within the timeout: \"gateway timed out\", within about the timeout")
    void timeout() {
        silent = true;
        SmsSender sender = sender("url", url("/sms"), "timeout-ms", "500");
        long start = System.nanoTime();
        assertReason("gateway timed out", () -> sender.send(NUMBER, TEXT));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 450 && millis < 3000, "took " + millis + " ms");
    }

    @Test
    @DisplayName("nothing listening: \"gateway unreachable\"")
    void refused() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        SmsSender sender = sender("url", "http://127.0.0.1:" + port + "/sms");
        assertReason("gateway unreachable", () -> sender.send(NUMBER, TEXT));
    }

    @Test
    @DisplayName("not configured: says so, sends nothing")
    void unconfigured() {
        SmsSender sender = sender();
        assertFalse(sender.configured());
        assertReason("no SMS gateway is configured", () -> sender.send(NUMBER, TEXT));
        synchronized (received) {
            assertTrue(received.isEmpty());
        }
    }

    @Test
    @DisplayName("a number not in E.164 form, or an empty text, is not sent")
    void badInput() {
        SmsSender sender = sender("url", url("/sms"));
        assertTrue(sender.configured());
        assertReason("the number is not in E.164 form", () -> sender.send("919-555-0123", TEXT));
        assertReason("the number is not in E.164 form", () -> sender.send(null, TEXT));
        assertReason("the message is empty", () -> sender.send(NUMBER, ""));
        synchronized (received) {
            assertTrue(received.isEmpty());
        }
    }

    private static void assertReason(String reason, org.junit.jupiter.api.function.Executable send) {
        SmsSendException e = assertThrows(SmsSendException.class, send);
        assertEquals(reason, e.getMessage());
        assertNull(e.getCause());
    }

    private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new HashMap<>();
        headers.forEach((name, values) -> lower.put(name.toLowerCase(java.util.Locale.ROOT), values));
        return lower;
    }
}
