package org.k12id.authenticators.sms;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.Function;

/**
 * The {@code http} provider's settings, read once from the server's options
 * {@code --spi-k12-sms-sender--http--<name>} and never changed after. No {@value #URL}: not configured
 * ({@link #NONE}), so no text messages are offered. A value out of place is refused at start with a message naming the
 * option, never its value (a secret may have been typed in the wrong option).
 *
 * @param url the gateway's address (https; http only to a loopback address)
 * @param preset how the request is shaped
 * @param username basic auth user (Twilio: the Account SID), or null
 * @param password basic auth password (Twilio: the auth token), or null
 * @param token bearer token ({@code json} only), or null
 * @param from the sender's number or id, or null ({@code json} only)
 * @param timeoutMillis how long to wait for the gateway to connect and answer
 */
public record HttpSmsConfig(URI url, Preset preset, String username, String password, String token, String from,
                            int timeoutMillis) {

    public static final String URL = "url";
    public static final String PRESET = "preset";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String TOKEN = "token";
    public static final String FROM = "from";
    public static final String TIMEOUT = "timeout-ms";
    public static final int DEFAULT_TIMEOUT = 5000;
    public static final int MIN_TIMEOUT = 500;
    public static final int MAX_TIMEOUT = 30_000;
    private static final String PREFIX = "spi-k12-sms-sender--http--";

    /** No gateway: nothing is sent. */
    public static final HttpSmsConfig NONE = new HttpSmsConfig(null, Preset.JSON, null, null, null, null, DEFAULT_TIMEOUT);

    /** The request shapes of the gateways the pack knows. */
    public enum Preset {
        /** Twilio's Messages API: form-encoded {@code To}, {@code From}, {@code Body}, basic auth. */
        TWILIO,
        /** A plain JSON webhook: {@code {"to", "from", "message"}}, an optional bearer token. */
        JSON;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean configured() {
        return url != null;
    }

    /** The settings from the server's options ({@code option} gives a value by its name, or null when unset). */
    public static HttpSmsConfig read(Function<String, String> option) {
        String url = value(option, URL);
        if (url == null) {
            return NONE;
        }
        Preset preset = preset(value(option, PRESET));
        String username = value(option, USERNAME);
        String password = value(option, PASSWORD);
        String token = value(option, TOKEN);
        String from = value(option, FROM);
        if ((username == null) != (password == null)) {
            throw refused(username == null ? USERNAME : PASSWORD, "is needed with --" + PREFIX
                    + (username == null ? PASSWORD : USERNAME) + " (basic auth takes both)");
        }
        if (preset == Preset.TWILIO) {
            if (username == null) {
                throw refused(USERNAME, "and --" + PREFIX + PASSWORD + " are needed with the twilio preset "
                        + "(the Account SID and the auth token)");
            }
            if (token != null) {
                throw refused(TOKEN, "is for the json preset; the twilio preset takes username and password");
            }
            if (from == null) {
                throw refused(FROM, "is needed with the twilio preset (the sending number, or a messaging service)");
            }
        } else if (token != null && username != null) {
            throw refused(TOKEN, "and --" + PREFIX + USERNAME + " are both set; the json preset takes one of them");
        }
        return new HttpSmsConfig(uri(url), preset, username, password, token, from, timeout(value(option, TIMEOUT)));
    }

    /** The gateway's scheme, host and port, for logs and server info (the path may hold an account id). */
    public String gateway() {
        if (url == null) {
            return "none";
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    @Override
    public String toString() {
        // never the credentials, nor the path (Twilio's holds the Account SID)
        return "HttpSmsConfig[" + gateway() + ", " + preset.id() + ", " + timeoutMillis + " ms]";
    }

    private static String value(Function<String, String> option, String name) {
        String value = option.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Preset preset(String value) {
        if (value == null) {
            return Preset.JSON;
        }
        for (Preset preset : Preset.values()) {
            if (preset.id().equals(value.toLowerCase(Locale.ROOT))) {
                return preset;
            }
        }
        throw refused(PRESET, "must be twilio or json");
    }

    private static URI uri(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw refused(URL, "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw refused(URL, "must be an https:// URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused(URL, "must not hold credentials; use --" + PREFIX + USERNAME + " and --" + PREFIX + PASSWORD);
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            throw refused(URL, "must be https:// (http:// only to a loopback address: it would send the credentials "
                    + "and the messages in clear)");
        }
        return uri;
    }

    private static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    private static int timeout(String value) {
        if (value == null) {
            return DEFAULT_TIMEOUT;
        }
        long millis;
        try {
            millis = Long.parseLong(value);
        } catch (NumberFormatException e) {
            millis = -1;
        }
        if (millis < MIN_TIMEOUT || millis > MAX_TIMEOUT) {
            throw refused(TIMEOUT, "must be a whole number of milliseconds from " + MIN_TIMEOUT + " to " + MAX_TIMEOUT);
        }
        return (int) millis;
    }

    private static IllegalArgumentException refused(String option, String why) {
        return new IllegalArgumentException("--" + PREFIX + option + " " + why);
    }
}
