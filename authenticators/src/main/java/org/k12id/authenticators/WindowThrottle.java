package org.k12id.authenticators;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * A count of events per key in fixed windows (10 minutes, an hour), kept in Keycloak's single-use store (replicated to
 * every node of a cluster, so each node sees the others' counts). An event takes the first free slot of the window;
 * the key is exhausted once the last slot is taken. Nothing here survives the window. The key should name no person:
 * hash an address or a name before it goes into the key.
 */
public final class WindowThrottle {

    private final SingleUseObjectProvider store;
    private final String prefix;
    private final long lifespan;

    public WindowThrottle(KeycloakSession session, String key, int windowSeconds) {
        this.store = session.singleUseObjects();
        int now = Time.currentTime();
        this.prefix = key + "." + (now / windowSeconds) + ".";
        this.lifespan = windowSeconds - (now % windowSeconds) + 1L;
    }

    /** Seconds until this window ends and the next, with every slot free, begins. */
    public long secondsLeft() {
        return lifespan - 1;
    }

    /** True once {@code limit} events were recorded in this window (a limit of 0 or less: always). */
    public boolean exhausted(int limit) {
        return limit <= 0 || store.contains(prefix + (limit - 1));
    }

    /** Records one event in the first free slot; false when none was left (the key was exhausted). */
    public boolean take(int limit) {
        for (int slot = 0; slot < limit; slot++) {
            if (store.putIfAbsent(prefix + slot, lifespan)) {
                return true;
            }
        }
        return false;
    }
}
