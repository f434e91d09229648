package org.k12id.it.secondfactor;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.keycloak.admin.client.resource.RealmResource;

/**
 * The text message code tests' setting, beside the email code's ({@link EmailCodes}: the app, the teachers, the
 * server's clock, what must not be disclosed): the demo realm's "k12 second factor" sub-flow, where "K12 Text Message
 * Code" is an ALTERNATIVE, and its "Set Up Text Message Code"; the texts read from the gateway stand-in
 * ({@code support/SmsGateway}).
 */
final class SmsCodes {

    static final String TYPE = "k12-sms-code";
    static final String SETUP = "k12-sms-code-setup";
    static final String NUMBER_FORM = "#k12-sms-number-form";
    static final String NUMBER_FIELD = "k12_phone";
    static final String SEND_FAILED = "We could not send a text message just now. Try again in a few minutes, or try another way.";

    private SmsCodes() {
    }

    /** A new mobile number of the test, in E.164: +1 555 and 7 random digits. */
    static String number() {
        return "+1555" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    }

    /** The number as the pages show it: {@code +1 •••-•••-4567}. */
    static String masked(String e164) {
        return "+1 \u2022\u2022\u2022-\u2022\u2022\u2022-" + e164.substring(e164.length() - 4);
    }

    /** What must not appear of a number in events or the log: the whole number and its 7 digits after +1 555. */
    static List<String> details(String e164) {
        return List.of(e164, e164.substring(5));
    }

    static long credentials(RealmResource realm, String userId) {
        return realm.users().get(userId).credentials().stream().filter(c -> TYPE.equals(c.getType())).count();
    }
}
