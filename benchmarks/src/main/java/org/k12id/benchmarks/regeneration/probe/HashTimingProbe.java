package org.k12id.benchmarks.regeneration.probe;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import javax.management.JMException;
import javax.management.ObjectName;

import org.keycloak.Config;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Benchmark tooling, never part of the pack: {@code tools/bench-regeneration.sh} installs it on the benchmark's own
 * server only, which it starts with JMX open on the loopback address. It registers the MBean
 * {@value #NAME}, whose {@code medianHashMillis(realm)} hashes a password 100 times, one after another, with the hash
 * provider the realm's policy names (Keycloak's default when it names none), inside the server's own JVM (the one that
 * does the resets), and answers the median time of one hash; {@code parallelHashesPerSecond(realm, threads)} hashes
 * on that many threads at once and answers how many hashes a second they made together. It serves no HTTP requests.
 */
public final class HashTimingProbe implements RealmResourceProviderFactory, HashTimingProbeMBean {

    static final String NAME = "org.k12id.benchmarks:type=HashTiming";
    static final int WARM_UP = 200;
    static final int SAMPLES = 100;

    private KeycloakSessionFactory factory;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return null;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        this.factory = factory;
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(this, new ObjectName(NAME));
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public double medianHashMillis(String realmName) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            RealmModel realm = session.realms().getRealmByName(realmName);
            PasswordPolicy policy = realm.getPasswordPolicy();
            PasswordHashProvider hash = hashProvider(session, policy);
            double[] millis = new double[SAMPLES];
            for (int i = -WARM_UP; i < SAMPLES; i++) {
                double t = once(hash, "Probe" + i + "Pw", policy.getHashIterations());
                if (i >= 0) {
                    millis[i] = t;
                }
            }
            Arrays.sort(millis);
            return millis[SAMPLES / 2];
        });
    }

    @Override
    public double parallelHashesPerSecond(String realmName, int threads) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            PasswordPolicy policy = session.realms().getRealmByName(realmName).getPasswordPolicy();
            PasswordHashProvider hash = hashProvider(session, policy);
            int each = SAMPLES / 2;
            Thread[] workers = new Thread[threads];
            long t0 = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                workers[t] = new Thread(() -> {
                    for (int i = 0; i < each; i++) {
                        once(hash, "Parallel" + i + "Pw", policy.getHashIterations());
                    }
                });
                workers[t].start();
            }
            for (Thread worker : workers) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return threads * each / ((System.nanoTime() - t0) / 1e9);
        });
    }

    @Override
    public String algorithm(String realmName) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            PasswordPolicy policy = session.realms().getRealmByName(realmName).getPasswordPolicy();
            PasswordHashProvider hash = hashProvider(session, policy);
            return hash.encodedCredential("x", policy.getHashIterations()).getPasswordCredentialData().getAlgorithm();
        });
    }

    /** As Keycloak's password credential provider chooses it: the policy's algorithm, else the server's default. */
    private static PasswordHashProvider hashProvider(KeycloakSession session, PasswordPolicy policy) {
        String algorithm = policy.getHashAlgorithm();
        PasswordHashProvider provider = algorithm == null ? null : session.getProvider(PasswordHashProvider.class, algorithm);
        return provider != null ? provider : session.getProvider(PasswordHashProvider.class);
    }

    private static double once(PasswordHashProvider provider, String password, int iterations) {
        long t0 = System.nanoTime();
        provider.encodedCredential(password, iterations);
        return (System.nanoTime() - t0) / 1e6;
    }

    @Override
    public String getId() {
        return "k12-bench-hash-timing";
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void close() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(NAME));
        } catch (JMException | RuntimeException ignored) {
            // the server is stopping
        }
    }
}
