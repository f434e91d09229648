package org.k12id.authenticators.secondfactor;

/** Delivers a one-time code to the person (an email, a text message); the code goes nowhere else. */
@FunctionalInterface
public interface CodeSender {

    /** The code could not be delivered (the mail server or the gateway refused it or could not be reached). */
    final class NotSent extends Exception {
        public NotSent(String kind) {
            super(kind, null, false, false);
        }
    }

    /** Sends {@code code}, which is good for {@code expiryMinutes}; throws {@link NotSent} when it did not go. */
    void send(String code, int expiryMinutes) throws NotSent;
}
