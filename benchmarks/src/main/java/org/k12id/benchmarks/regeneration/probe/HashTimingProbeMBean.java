package org.k12id.benchmarks.regeneration.probe;

/** The probe's JMX operations: see {@link HashTimingProbe}. */
public interface HashTimingProbeMBean {

    /** The median time of one hash with the realm's algorithm, in milliseconds, one hash at a time. */
    double medianHashMillis(String realm);

    /** Hashes a second with {@code threads} threads hashing at once, 50 hashes each. */
    double parallelHashesPerSecond(String realm, int threads);

    /** The algorithm the realm's passwords are hashed with. */
    String algorithm(String realm);
}
