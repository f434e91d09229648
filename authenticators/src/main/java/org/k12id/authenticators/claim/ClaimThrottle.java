package org.k12id.authenticators.claim;

import org.k12id.authenticators.WindowThrottle;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Failed claims per network address in fixed 10-minute windows, counted by a {@link WindowThrottle} in Keycloak's
 * single-use store, which every node of a cluster shares.
 */
final class ClaimThrottle {

    static final int WINDOW_SECONDS = 600;

    private final WindowThrottle window;

    ClaimThrottle(KeycloakSession session, RealmModel realm, String address) {
        this.window = new WindowThrottle(session, "k12.claim.failed." + realm.getId() + "." + address, WINDOW_SECONDS);
    }

    /** True once {@code limit} failures were recorded in this window (a limit of 0 or less: always). */
    boolean exhausted(int limit) {
        return window.exhausted(limit);
    }

    /** Records one failure in the first free slot, if any is left. */
    void recordFailure(int limit) {
        window.take(limit);
    }
}
