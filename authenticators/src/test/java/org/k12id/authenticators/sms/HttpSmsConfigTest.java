package org.k12id.authenticators.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The http SMS sender's server options")
class HttpSmsConfigTest {

    private static final String TWILIO = "https://api.twilio.com/2010-04-01/Accounts/AC0123/Messages.json";

    private static HttpSmsConfig read(String... pairs) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            options.put(pairs[i], pairs[i + 1]);
        }
        return HttpSmsConfig.read(options::get);
    }

    @Test
    @DisplayName("no URL: not configured, whatever else is set")
    void none() {
        assertSame(HttpSmsConfig.NONE, read());
        assertSame(HttpSmsConfig.NONE, read("url", "  ", "preset", "twilio"));
        assertFalse(HttpSmsConfig.NONE.configured());
    }

    @Test
    @DisplayName("a URL alone: the json preset, no credentials, a 5000 ms timeout")
    void defaults() {
        HttpSmsConfig config = read("url", "https://sms.example.org/send");
        assertTrue(config.configured());
        assertEquals(new HttpSmsConfig(URI.create("https://sms.example.org/send"), HttpSmsConfig.Preset.JSON,
                null, null, null, null, 5000), config);
        assertEquals("https://sms.example.org", config.gateway());
    }

    @Test
    @DisplayName("Twilio: the Account SID and auth token as basic auth, a sending number")
    void twilio() {
        HttpSmsConfig config = read("url", TWILIO, "preset", "TWILIO", "username", "AC0123", "password", "tok3n",
                "from", "+19195550100", "timeout-ms", " 2000 ");
        assertEquals(new HttpSmsConfig(URI.create(TWILIO), HttpSmsConfig.Preset.TWILIO, "AC0123", "tok3n", null,
                "+19195550100", 2000), config);
        assertEquals("https://api.twilio.com", config.gateway());
    }

    @Test
    @DisplayName("json with a bearer token, and a loopback gateway over http")
    void json() {
        HttpSmsConfig config = read("url", "http://localhost:8597/sms", "preset", "json", "token", "t0ken",
                "from", "District");
        assertEquals("t0ken", config.token());
        assertEquals("http://localhost:8597", config.gateway());
        assertEquals("http://127.0.0.1:1/x", read("url", "http://127.0.0.1:1/x").url().toString());
    }

    @Test
    @DisplayName("its text shows neither a credential nor the URL's path")
    void text() {
        String text = read("url", TWILIO, "preset", "twilio", "username", "AC0123", "password", "s3cr3t",
                "from", "+19195550100").toString();
        assertFalse(text.contains("s3cr3t"), text);
        assertFalse(text.contains("AC0123"), text);
        assertFalse(read("url", "https://x.example/y", "token", "t0ken").toString().contains("t0ken"));
    }

    @ParameterizedTest(name = "{0}={1} is refused, naming --spi-k12-sms-sender--http--{2}")
    @CsvSource(delimiter = '|', value = {
            "url        | not a url                  | url",
            "url        | /relative/path             | url",
            "url        | ftp://sms.example.org/     | url",
            "url        | http://sms.example.org/    | url",
            "url        | https://user:pw@sms.example.org/ | url",
            "preset     | carrier-pigeon             | preset",
            "timeout-ms | 499                        | timeout-ms",
            "timeout-ms | 30001                      | timeout-ms",
            "timeout-ms | soon                       | timeout-ms",
            "timeout-ms | 99999999999999999999       | timeout-ms",
            "username   | only-a-user                | password",
            "password   | only-a-password            | username"})
    void refused(String option, String value, String named) {
        Map<String, String> options = new HashMap<>(Map.of("url", "https://sms.example.org/send"));
        options.put(option, value);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HttpSmsConfig.read(options::get));
        assertTrue(e.getMessage().startsWith("--spi-k12-sms-sender--http--" + named + " "), e.getMessage());
        if (!option.equals("url") && !option.equals("timeout-ms") && !option.equals("preset")) {
            assertFalse(e.getMessage().contains(value), "echoes the value: " + e.getMessage());
        }
    }

    @Test
    @DisplayName("Twilio without its credentials or sending number, or with a bearer token, is refused")
    void twilioIncomplete() {
        assertRefused("username", "url", TWILIO, "preset", "twilio", "from", "+19195550100");
        assertRefused("from", "url", TWILIO, "preset", "twilio", "username", "AC1", "password", "p");
        assertRefused("token", "url", TWILIO, "preset", "twilio", "username", "AC1", "password", "p",
                "from", "+19195550100", "token", "s3cr3t");
        assertRefused("token", "url", "https://x.example/", "username", "u", "password", "p", "token", "s3cr3t");
    }

    private static void assertRefused(String named, String... pairs) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(pairs));
        assertTrue(e.getMessage().startsWith("--spi-k12-sms-sender--http--" + named + " "), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    }
}
