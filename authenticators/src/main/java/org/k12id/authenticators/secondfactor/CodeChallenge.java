package org.k12id.authenticators.secondfactor;

import java.security.SecureRandom;

import org.k12id.authenticators.WindowThrottle;
import org.k12id.authenticators.hashing.RealmKeys;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A one-time code sent to a person and typed back, for one authentication session (a sign-in, or setting a method
 * up), whatever carries it ({@link CodeSender}). The code lives only in the authentication session, sealed by
 * {@link OneTimeCodes} under a key derived from the realm's ({@value #KEY_LABEL}); sends are limited by a cooldown kept
 * in the authentication session and an hourly cap per account kept in Keycloak's single-use store (so every node of a
 * cluster counts the same sends). Nothing here logs or returns a code.
 */
public final class CodeChallenge {

    static final String KEY_LABEL = "k12-second-factor-code";
    private static final int HOUR = 3_600;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What became of a request to send a code. */
    public enum Sent { SENT, COOLDOWN, CAPPED, FAILED }

    /** The outcome of a send: {@code waitSeconds} says how long to wait, for COOLDOWN and CAPPED. */
    public record SendResult(Sent outcome, long waitSeconds) {
        /** The wait in whole minutes, rounded up (at least 1). */
        public long waitMinutes() {
            return Math.max(1, (waitSeconds + 59) / 60);
        }
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel user;
    private final CodeSettings settings;
    private final CodeState state;

    /**
     * The code of {@code method} (for instance {@code email}, {@code sms}) in this authentication session: each method
     * keeps its own code and cooldown, so a code sent one way is never typed in another's step.
     */
    public CodeChallenge(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession, UserModel user,
                         CodeSettings settings, String method) {
        this.session = session;
        this.realm = realm;
        this.user = user;
        this.settings = settings;
        String scope = method + ".";
        this.state = new CodeState(CodeState.Notes.of(name -> authSession.getAuthNote(scope + name),
                (name, value) -> authSession.setAuthNote(scope + name, value), name -> authSession.removeAuthNote(scope + name)));
    }

    /** Whether a code was sent and can still be typed. */
    public boolean pending() {
        return state.pending(Time.currentTime());
    }

    /**
     * Sends a new code through {@code sender}, unless the cooldown since the last one has not passed or the account
     * reached its hourly cap; a code that could not be sent changes nothing (the earlier code, if any, still works).
     */
    public SendResult send(CodeSender sender) {
        long now = Time.currentTime();
        long wait = state.resendWait(now, settings.resendCooldownSeconds());
        if (wait > 0) {
            return new SendResult(Sent.COOLDOWN, wait);
        }
        WindowThrottle hourly = new WindowThrottle(session, "k12.code.sends." + realm.getId() + "." + user.getId(), HOUR);
        if (hourly.exhausted(settings.sendsPerHour())) {
            return new SendResult(Sent.CAPPED, hourly.secondsLeft());
        }
        String code = OneTimeCodes.generate(RANDOM);
        try {
            sender.send(code, (int) Math.max(1, (settings.expirySeconds() + 59) / 60));
        } catch (CodeSender.NotSent e) {
            return new SendResult(Sent.FAILED, 0);
        }
        hourly.take(settings.sendsPerHour());
        state.sent(OneTimeCodes.seal(key(), user.getId(), code), now, settings.expirySeconds());
        return new SendResult(Sent.SENT, 0);
    }

    /**
     * Whether {@code typed} is the code waiting to be typed (not expired, not used); if it is, it is used up. A wrong,
     * expired or used code gives false alike, and takes as long to check;
     * after {@value CodeState#MAX_WRONG} wrong tries the code is forgotten.
     */
    public boolean verify(String typed) {
        String seal = state.pendingSeal(Time.currentTime());
        if (OneTimeCodes.matches(key(), user.getId(), typed, seal)) {
            state.used();
            return true;
        }
        state.wrong();
        return false;
    }

    /** Forgets the code and the cooldown (the method was set up; the next sign-in starts afresh). */
    public void clear() {
        state.clear();
    }

    private byte[] key() {
        return RealmKeys.active(session, realm, KEY_LABEL)
                .orElseThrow(() -> new IllegalStateException("realm " + realm.getName() + " has no active HS512 key"));
    }
}
