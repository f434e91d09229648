package org.k12id.it.support;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Runs the suite's server on PostgreSQL instead of the in-memory H2: when the system property {@value #SWITCH} is
 * {@code true} (the {@code postgres} Maven profile, and the default build's second Failsafe run), starts one
 * {@link Postgres} as the test JVM's launcher session opens, before the Keycloak test framework reads its configuration,
 * and points the framework's database at it ({@code kc.test.database=remote}); stops it when the session closes, after
 * the framework has stopped the server. Registered in {@code META-INF/services}; does nothing otherwise.
 */
public final class PostgresSuite implements LauncherSessionListener {

    /** The system property that turns PostgreSQL on for the whole test JVM. */
    public static final String SWITCH = "k12.it.postgres";
    /** Where the suite's PostgreSQL writes its own log (statements, when a test asks for them). */
    public static final String LOG = "k12.it.postgres.log";
    private static final String URL = "kc.test.database.url";
    private static final String USER = "kc.test.database.user";
    private static final String PASSWORD = "kc.test.database.password";

    private Postgres postgres;

    /** Whether this test JVM runs its servers on PostgreSQL. */
    public static boolean enabled() {
        return Boolean.getBoolean(SWITCH);
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!enabled() || postgres != null) {
            return;
        }
        String version;
        try {
            postgres = Postgres.start();
            version = postgres.version();
        } catch (Exception e) {
            throw new IllegalStateException("could not start PostgreSQL for the suite (" + SWITCH + "=true)", e);
        }
        Map.of("kc.test.database", "remote",
                "kc.test.database.vendor", "postgres",
                URL, postgres.jdbcUrl(),
                USER, postgres.user(),
                PASSWORD, postgres.password(),
                LOG, postgres.log().toString()).forEach(System::setProperty);
        System.out.println("k12: the suite's server runs on PostgreSQL " + version + " at " + postgres.jdbcUrl());
    }

    /** The suite's PostgreSQL as the test framework was pointed at it: its host (a loopback address). */
    public static String host() {
        return URI.create(running(URL).substring("jdbc:".length())).getHost();
    }

    public static int port() {
        return URI.create(running(URL).substring("jdbc:".length())).getPort();
    }

    /** The database the server runs on. */
    public static String database() {
        return URI.create(running(URL).substring("jdbc:".length())).getPath().substring(1);
    }

    /** A JDBC URL for another database of the same server. */
    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    public static String user() {
        return running(USER);
    }

    public static String password() {
        return running(PASSWORD);
    }

    /** The server's own log file. */
    public static Path log() {
        return Path.of(running(LOG));
    }

    private static String running(String property) {
        String value = System.getProperty(property);
        if (!enabled() || value == null) {
            throw new IllegalStateException("the suite does not run on PostgreSQL here (" + SWITCH + "=true starts it)");
        }
        return value;
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
