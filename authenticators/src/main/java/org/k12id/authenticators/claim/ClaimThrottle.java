package org.k12id.authenticators.claim;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Failed claims per network address in fixed 10-minute windows, kept in Keycloak's single-use store (replicated to
 * every node of a cluster, so each node sees the others' counts). A failure takes the first free slot of the window;
 * the address is exhausted once the last slot is taken. Nothing here survives the window.
 */
final class ClaimThrottle {

    static final int WINDOW_SECONDS = 600;

    private final SingleUseObjectProvider store;
    private final String prefix;
    private final long lifespan;

    ClaimThrottle(KeycloakSession session, RealmModel realm, String address) {
        this.store = session.singleUseObjects();
        int now = Time.currentTime();
        this.prefix = "k12.claim.failed." + realm.getId() + "." + address + "." + (now / WINDOW_SECONDS) + ".";
        this.lifespan = WINDOW_SECONDS - (now % WINDOW_SECONDS) + 1L;
    }

    /** True once {@code limit} failures were recorded in this window (a limit of 0 or less: always). */
    boolean exhausted(int limit) {
        return limit <= 0 || store.contains(prefix + (limit - 1));
    }

    /** Records one failure in the first free slot, if any is left. */
    void recordFailure(int limit) {
        for (int slot = 0; slot < limit; slot++) {
            if (store.putIfAbsent(prefix + slot, lifespan)) {
                return;
            }
        }
    }
}
