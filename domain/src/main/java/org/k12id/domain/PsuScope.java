package org.k12id.domain;

import java.util.Collection;

/**
 * A privileged role is scoped to the PSU(s) in the holder's {@code psuCode} attribute: an administrator of 920 never
 * sees or changes anyone in 32A. A malformed code on either side grants nothing.
 */
public final class PsuScope {

    private PsuScope() {
    }

    public static boolean covers(Collection<String> holderPsuCodes, String targetPsuCode) {
        return PsuCode.isWellFormed(targetPsuCode) && holderPsuCodes != null
                && holderPsuCodes.stream().anyMatch(code -> PsuCode.isWellFormed(code) && code.equals(targetPsuCode));
    }
}
