package org.k12id.it.support;

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
                "kc.test.database.url", postgres.jdbcUrl(),
                "kc.test.database.user", postgres.user(),
                "kc.test.database.password", postgres.password()).forEach(System::setProperty);
        System.out.println("k12: the suite's server runs on PostgreSQL " + version + " at " + postgres.jdbcUrl());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
