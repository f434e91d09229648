package org.k12id.it.support;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the suite sent to people and must never find in the server's log or events: the email addresses mail went to
 * ({@link Mailbox}), the one-time codes emailed and texted, and the mobile numbers texted ({@link SmsGateway}). The
 * suite's last test ({@code hardening/SuiteDisclosureIT}) reads the whole log and the demo realm's events for each.
 * Kept for the test JVM's life: every IT class of a run shares it.
 */
public final class Disclosures {

    /** A kind of value sent, with how it is searched for. */
    public enum Kind {
        /** A whole address, in any letter case. */
        ADDRESS,
        /** A 6-digit one-time code, as a number of its own (not inside a longer run of letters and digits). */
        CODE,
        /** A mobile number in E.164, and its national digits (the number without + and country code 1). */
        PHONE
    }

    /** A value sent, of a kind. */
    public record Sent(Kind kind, String value) {
    }

    private static final Set<Sent> SENT = ConcurrentHashMap.newKeySet();
    private static final Pattern SIX_DIGITS = Pattern.compile("(?m)(?<![0-9A-Za-z])(\\d{6})(?![0-9A-Za-z])");

    private Disclosures() {
    }

    public static void sent(Kind kind, String value) {
        if (value != null && !value.isBlank()) {
            SENT.add(new Sent(kind, value.strip()));
        }
    }

    /** Every 6-digit number standing alone in a text sent to a person: the codes in it. */
    public static void codesIn(String text) {
        if (text == null) {
            return;
        }
        Matcher code = SIX_DIGITS.matcher(text);
        while (code.find()) {
            sent(Kind.CODE, code.group(1));
        }
    }

    public static List<Sent> all() {
        return List.copyOf(SENT);
    }

    /** Where {@code sent} shows in {@code text}, if it does: the first such place with a little around it. */
    public static String foundIn(Sent sent, String text) {
        Pattern pattern = switch (sent.kind()) {
            case ADDRESS -> Pattern.compile(Pattern.quote(sent.value()), Pattern.CASE_INSENSITIVE);
            case CODE -> Pattern.compile("(?<![0-9A-Za-z])" + Pattern.quote(sent.value()) + "(?![0-9A-Za-z])");
            case PHONE -> Pattern.compile("(?<![0-9])" + Pattern.quote(national(sent.value())) + "(?![0-9])");
        };
        Matcher found = pattern.matcher(text);
        if (!found.find()) {
            return null;
        }
        int from = Math.max(0, found.start() - 60);
        int to = Math.min(text.length(), found.end() + 60);
        // the value itself is not repeated in the failure: a kind and where it is
        return (text.substring(from, found.start()) + "[" + sent.kind() + "]" + text.substring(found.end(), to))
                .replace('\n', ' ');
    }

    /** The digits a number is found by: after "+1" for North American numbers, else all of them. */
    static String national(String e164) {
        String digits = e164.replaceAll("[^0-9]", "");
        return digits.length() == 11 && digits.startsWith("1") ? digits.substring(1) : digits;
    }
}
