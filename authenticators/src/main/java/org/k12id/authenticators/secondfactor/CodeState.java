package org.k12id.authenticators.secondfactor;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The code of one sign-in (or set-up) as the authentication session keeps it: its seal, when it expires, when it was
 * sent. Pure logic over {@link Notes}, so it is the same whether the notes are an authentication session's or a test's.
 * A code is used once: accepting it forgets it; an expired one is refused like a wrong one. The time a code was sent
 * outlives the code, so the resend cooldown holds after a code was used or expired.
 */
public final class CodeState {

    /** The notes the state lives in (the authentication session's, on the server). */
    public interface Notes {
        String get(String name);

        void set(String name, String value);

        void remove(String name);

        /** Notes read, written and removed by these three. */
        static Notes of(Function<String, String> get, BiConsumer<String, String> set, Consumer<String> remove) {
            return new Notes() {
                @Override
                public String get(String name) {
                    return get.apply(name);
                }

                @Override
                public void set(String name, String value) {
                    set.accept(name, value);
                }

                @Override
                public void remove(String name) {
                    remove.accept(name);
                }
            };
        }
    }

    static final String SEAL = "k12.code.seal";
    static final String EXPIRES = "k12.code.expires";
    static final String SENT = "k12.code.sent";
    static final String WRONG = "k12.code.wrong";
    /** Wrong tries after which a code is forgotten (a new one must be sent, within the cooldown and the cap). */
    public static final int MAX_WRONG = 5;

    private final Notes notes;

    public CodeState(Notes notes) {
        this.notes = notes;
    }

    /** Keeps a code just sent ({@code seal} of it) at {@code now}, good for {@code expirySeconds}. */
    public void sent(String seal, long now, int expirySeconds) {
        notes.set(SEAL, seal);
        notes.set(EXPIRES, String.valueOf(now + expirySeconds));
        notes.set(SENT, String.valueOf(now));
        notes.remove(WRONG);
    }

    /** Counts a wrong try; the {@value #MAX_WRONG}th forgets the code. */
    public void wrong() {
        long tries = Math.max(0, number(WRONG)) + 1;
        if (tries >= MAX_WRONG) {
            used();
        } else {
            notes.set(WRONG, String.valueOf(tries));
        }
    }

    /** Whether a code is waiting to be typed (sent and not expired or used). */
    public boolean pending(long now) {
        return notes.get(SEAL) != null && now < number(EXPIRES);
    }

    /** The seal of the code waiting to be typed, or null when there is none (never sent, used or expired). */
    public String pendingSeal(long now) {
        return pending(now) ? notes.get(SEAL) : null;
    }

    /** Forgets the code: after it was accepted, it cannot be used again. */
    public void used() {
        notes.remove(SEAL);
        notes.remove(EXPIRES);
        notes.remove(WRONG);
    }

    /** Seconds until another code may be sent after the last one ({@code cooldownSeconds}); 0 when it may now. */
    public long resendWait(long now, int cooldownSeconds) {
        long sent = number(SENT);
        return sent == Long.MIN_VALUE ? 0 : Math.max(0, sent + cooldownSeconds - now);
    }

    /** Forgets everything, the time of the last send too (the person starts over or set-up finished). */
    public void clear() {
        used();
        notes.remove(SENT);
    }

    private long number(String name) {
        String value = notes.get(name);
        try {
            return value == null ? Long.MIN_VALUE : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }
}
