package org.k12id.it.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.SecondServer;
import org.k12id.it.support.ServerLog;
import org.k12id.it.support.SmsGateway;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.info.ProviderRepresentation;
import org.keycloak.representations.info.ServerInfoRepresentation;
import org.keycloak.representations.info.SpiInfoRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given the suite's server, started with the SMS gateway options of K12ServerConfig")
class SmsSenderIT {

    @InjectAdminClient
    Keycloak admin;

    @Test
    @DisplayName("the SPI k12-sms-sender is registered, public, with its http provider the default")
    void registered() {
        SpiInfoRepresentation spi = admin.serverInfo().getInfo().getProviders().get("k12-sms-sender");
        assertNotNull(spi, "SPI k12-sms-sender unknown to the server");
        assertFalse(spi.isInternal(), "the SPI is for districts' own providers too");
        assertEquals(List.of("http"), List.copyOf(spi.getProviders().keySet()));
        // the only provider, and ordered above 0: the session's default (DefaultKeycloakSessionFactory)
        assertEquals(1, spi.getProviders().get("http").getOrder());
    }

    @Test
    @DisplayName("the http provider is configured from the server options: the gateway, json, the timeout, a bearer token")
    void configuredFromOptions() {
        ProviderRepresentation http = admin.serverInfo().getInfo().getProviders().get("k12-sms-sender")
                .getProviders().get("http");
        assertEquals(Map.of("configured", "true", "gateway", "http://127.0.0.1:" + SmsGateway.PORT, "preset", "json",
                "timeout-ms", String.valueOf(SmsGateway.SERVER_TIMEOUT_MS), "auth", "bearer"), http.getOperationalInfo());
    }

    @Test
    @DisplayName("the token is in neither the server's info nor its log; the log says where messages go")
    void tokenNowhere() throws Exception {
        ServerInfoRepresentation info = admin.serverInfo().getInfo();
        String everything = new ObjectMapper().writeValueAsString(info);
        assertFalse(everything.contains(SmsGateway.TOKEN), "the server info shows the gateway's token");
        String log = ServerLog.text();
        assertFalse(log.isEmpty(), "the server writes its log to " + ServerLog.FILE);
        assertFalse(log.contains(SmsGateway.TOKEN), "the server log shows the gateway's token");
        assertTrue(log.contains("k12 SMS: text messages go to http://127.0.0.1:" + SmsGateway.PORT + " (json preset, "
                + SmsGateway.SERVER_TIMEOUT_MS + " ms timeout)"), "the start's line about the gateway is missing");
    }

    @Test
    @DisplayName("the gateway stand-in records what it is sent with the token, refuses the rest, can be down or silent")
    void standIn() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String body = "{\"to\":\"+19195550123\",\"from\":\"K12 District\",\"message\":\"Your code is 482913\"}";
        try (SmsGateway gateway = SmsGateway.open()) {
            assertEquals(401, post(client, body, "Bearer wrong"));
            assertEquals(400, post(client, "{\"to\":1}", "Bearer " + SmsGateway.TOKEN));
            assertEquals(200, post(client, body, "Bearer " + SmsGateway.TOKEN));
            assertEquals("482913", gateway.awaitCodeTo("+19195550123"));
            assertEquals(new SmsGateway.Text("+19195550123", "K12 District", "Your code is 482913"),
                    gateway.awaitLastTo("+19195550123"));
            assertEquals(2, gateway.refused());
            gateway.mode(SmsGateway.Mode.DOWN);
            assertEquals(503, post(client, body, "Bearer " + SmsGateway.TOKEN));
            gateway.mode(SmsGateway.Mode.SILENT);
            assertThrows(HttpTimeoutException.class, () -> client.send(HttpRequest.newBuilder(URI.create(SmsGateway.URL))
                    .timeout(Duration.ofMillis(SmsGateway.SERVER_TIMEOUT_MS)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + SmsGateway.TOKEN).POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.discarding()));
            assertEquals(1, gateway.texts().size());
        }
    }

    @Test
    @DisplayName("a server started with a bad gateway option stops at start, naming the option, never echoing a secret")
    void badOptionStopsTheStart() throws Exception {
        String secret = "k12-it-secret-never-logged-51c0";
        try (SecondServer server = SecondServer.prepare()) {
            IllegalStateException stopped = assertThrows(IllegalStateException.class, () -> server.start(List.of(
                    "--spi-k12-sms-sender--http--url=https://sms.example.org/send",
                    "--spi-k12-sms-sender--http--token=" + secret,
                    "--spi-k12-sms-sender--http--timeout-ms=soon")));
            assertTrue(stopped.getMessage().contains("stopped"), stopped.getMessage());
            String log = server.log();
            assertTrue(log.contains("--spi-k12-sms-sender--http--timeout-ms must be a whole number of milliseconds"),
                    "the start's failure does not name the option");
            assertFalse(log.contains(secret), "the failed start shows the token");
        }
    }

    private static int post(HttpClient client, String body, String authorization) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(SmsGateway.URL))
                        .header("Content-Type", "application/json").header("Authorization", authorization)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
