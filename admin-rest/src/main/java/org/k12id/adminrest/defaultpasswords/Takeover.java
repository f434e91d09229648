package org.k12id.adminrest.defaultpasswords;

/**
 * When a node takes over a regeneration request from a node that stopped: the request's heartbeat must be older than
 * {@link #staleMillis()}, and every node looks for such requests every {@link #checkMillis()} (at most
 * {@value #MAX_CHECK_MILLIS} ms, at least twice per staleness). The staleness is the SPI option
 * {@value #OPTION} (seconds, default {@value #DEFAULT_SECONDS}). A running node renews its heartbeat with every chunk
 * and holds the request's row lock while it works one, so a staleness shorter than a chunk still never lets two nodes
 * work the same request: a node that wants to take over waits for the lock and then sees the fresh heartbeat.
 */
public record Takeover(long staleMillis) {

    /** The option's name: {@code --spi-admin-realm-restapi-extension--k12-default-passwords--takeover-seconds}. */
    public static final String OPTION = "takeover-seconds";
    public static final int DEFAULT_SECONDS = 60;
    public static final int MIN_SECONDS = 5;
    public static final int MAX_SECONDS = 86_400;
    static final long MAX_CHECK_MILLIS = 15_000;

    public static final Takeover DEFAULT = new Takeover(DEFAULT_SECONDS * 1000L);

    public Takeover {
        if (staleMillis < MIN_SECONDS * 1000L || staleMillis > MAX_SECONDS * 1000L) {
            throw new IllegalArgumentException(OPTION + " must be from " + MIN_SECONDS + " to " + MAX_SECONDS + " seconds");
        }
    }

    /** The option's value as configured: null for the default; anything but a whole number in range is refused. */
    public static Takeover ofSeconds(String configured) {
        if (configured == null || configured.isBlank()) {
            return DEFAULT;
        }
        long seconds;
        try {
            seconds = Long.parseLong(configured.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(OPTION + " must be a whole number of seconds, from " + MIN_SECONDS
                    + " to " + MAX_SECONDS);
        }
        if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException(OPTION + " must be from " + MIN_SECONDS + " to " + MAX_SECONDS + " seconds");
        }
        return new Takeover(seconds * 1000L);
    }

    /** Whether a request last heard of at {@code heartbeatAt} (null: never) is abandoned at {@code now}. */
    public boolean stale(Long heartbeatAt, long now) {
        return heartbeatAt == null || now - heartbeatAt > staleMillis;
    }

    /** How often every node looks for abandoned requests. */
    public long checkMillis() {
        return Math.min(MAX_CHECK_MILLIS, staleMillis / 2);
    }
}
