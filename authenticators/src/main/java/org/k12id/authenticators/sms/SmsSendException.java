package org.k12id.authenticators.sms;

/**
 * A text message that was not sent. Its message is a short reason ("gateway answered 503", "gateway timed out") that
 * never contains the number, the text or a credential, so it may be logged; it carries no cause for the same reason
 * (the HTTP client's exceptions may name the gateway's address, which can hold an account id).
 */
public final class SmsSendException extends Exception {

    private static final long serialVersionUID = 1L;

    public SmsSendException(String reason) {
        super(reason, null, false, false);
    }
}
