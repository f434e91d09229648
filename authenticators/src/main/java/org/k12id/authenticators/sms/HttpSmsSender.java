package org.k12id.authenticators.sms;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.util.JsonSerialization;

/**
 * Posts one text message to the configured HTTP gateway in its {@link HttpSmsConfig.Preset preset}'s shape; success
 * is any 2xx answer. Every failure is an {@link SmsSendException} with a short reason, logged at WARN with that reason
 * and the gateway's host only (never the number, the text or a credential).
 */
final class HttpSmsSender implements SmsSender {

    private static final Logger LOG = Logger.getLogger(HttpSmsSender.class);

    private final HttpSmsConfig config;
    private final HttpClient client;

    HttpSmsSender(HttpSmsConfig config, HttpClient client) {
        this.config = config;
        this.client = client;
    }

    /** The client the factory shares between senders (thread-safe, no per-request state). */
    static HttpClient client(HttpSmsConfig config) {
        // HTTP/1.1: no h2c upgrade offered to plain-http gateways (some answer it wrongly); https still works everywhere
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(config.timeoutMillis()))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public boolean configured() {
        return config.configured();
    }

    @Override
    public void send(String e164Number, String message) throws SmsSendException {
        if (!config.configured()) {
            throw new SmsSendException("no SMS gateway is configured");
        }
        if (!PhoneNumbers.isE164(e164Number)) {
            throw new SmsSendException("the number is not in E.164 form");
        }
        if (message == null || message.isEmpty()) {
            throw new SmsSendException("the message is empty");
        }
        int status;
        try {
            status = client.send(request(config, e164Number, message), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            throw failed("gateway timed out");
        } catch (ConnectException e) {
            throw failed("gateway unreachable");
        } catch (IOException e) {
            throw failed("gateway request failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("interrupted while sending");
        }
        if (status < 200 || status > 299) {
            throw failed("gateway answered " + status);
        }
    }

    /** The request for one message, in the preset's shape. */
    static HttpRequest request(HttpSmsConfig config, String to, String message) {
        HttpRequest.Builder request = HttpRequest.newBuilder(config.url())
                .timeout(Duration.ofMillis(config.timeoutMillis()));
        if (config.username() != null) {
            String pair = config.username() + ":" + config.password();
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else if (config.token() != null) {
            request.header("Authorization", "Bearer " + config.token());
        }
        if (config.preset() == HttpSmsConfig.Preset.TWILIO) {
            String form = "To=" + form(to) + "&From=" + form(config.from()) + "&Body=" + form(message);
            return request.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build();
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("to", to);
        if (config.from() != null) {
            body.put("from", config.from());
        }
        body.put("message", message);
        return request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8)).build();
    }

    private SmsSendException failed(String reason) {
        LOG.warnf("k12 SMS: a text message was not sent through %s (%s preset): %s", config.gateway(),
                config.preset().id(), reason);
        return new SmsSendException(reason);
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String json(Map<String, String> body) {
        try {
            return JsonSerialization.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }
}
