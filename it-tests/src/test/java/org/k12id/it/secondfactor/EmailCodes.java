package org.k12id.it.secondfactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.Disclosures;
import org.k12id.it.support.Mailbox;
import org.k12id.it.support.Oidc;
import org.k12id.it.support.ServerLog;
import org.k12id.it.support.TestUsers;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The email code tests' setting: the demo realm's "k12 second factor" sub-flow, where "K12 Email Code" is an ALTERNATIVE
 * beside Keycloak's app code, and its "Set Up Email Code"; teachers with an address, codes read from the emails, the server's clock moved, and what must never
 * appear in events or the server's log.
 */
final class EmailCodes {

    static final String TYPE = "k12-email-code";
    static final String SETUP = "k12-email-code-setup";
    static final String PASSWORD = "Harbor2026x";
    private static final Pattern CODE = Pattern.compile("(?m)^\\s*(\\d{6})\\s*$");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private EmailCodes() {
    }

    static Oidc app(String realmUrl) {
        return new Oidc(realmUrl, DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
    }

    /**
     * A teacher with {@code email} (none if null), a password, and {@code requiredActions}: the demo realm asks anyone
     * but a student for the second factor they have set up.
     */
    static String person(RealmResource realm, TestUsers users, String username, String email, String language,
                         String... requiredActions) {
        String id = users.create(username, "Rosa", "Quintero", List.of("employee", "teacher"), List.of(), Map.of(
                "staffId", List.of(username), "psuCode", List.of("920"), "schoolCode", List.of("920308"),
                "claimed", List.of("true"), "locale", List.of(language)),
                TestUsers.passwordSetDaysAgo(PASSWORD, 1));
        UserRepresentation rep = realm.users().get(id).toRepresentation();
        rep.setEmail(email);
        rep.setEmailVerified(email != null);
        rep.setRequiredActions(List.of(requiredActions));
        realm.users().get(id).update(rep);
        return id;
    }

    /** The code in email number {@code index}, which went to {@code address}. */
    static String code(Mailbox mail, int index, String address) throws Exception {
        MimeMessage message = mail.await(index);
        assertEquals(address, Mailbox.recipient(message));
        String body = Mailbox.body(message);
        Matcher code = CODE.matcher(body);
        assertTrue(code.find(), () -> "a code in the email:\n" + body);
        Disclosures.sent(Disclosures.Kind.CODE, code.group(1));
        return code.group(1);
    }

    static long credentials(RealmResource realm, String userId) {
        return realm.users().get(userId).credentials().stream().filter(c -> TYPE.equals(c.getType())).count();
    }

    /** Moves the server's clock (the test probe beside the pack); 0 puts it back. */
    static void timeOffset(String realmUrl, int seconds) throws Exception {
        HttpResponse<String> set = HTTP.send(HttpRequest.newBuilder(URI.create(realmUrl + "/k12-test-probe/time-offset/"
                + seconds)).PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, set.statusCode(), set.body());
    }

    /** How long the server's log is now: what a test checks afterwards is what came after this. */
    static int logMark() throws Exception {
        return ServerLog.text().length();
    }

    /**
     * No code (as a number of its own, not inside a longer one) and no address of the test (nor its local part) in the
     * realm's events (user and admin) or in what the server logged since {@code logMark}.
     */
    static void assertNotDisclosed(RealmResource realm, int logMark, List<String> codes, List<String> addresses)
            throws Exception {
        assertAbsent(realm, logMark, codes, addresses.stream().map(a -> a.substring(0, a.indexOf('@'))).toList());
    }

    /**
     * No code (as a number of its own, not inside a longer one) and none of {@code details} (a person's address, phone
     * number) in the realm's events (user and admin) or in what the server logged since {@code logMark}.
     */
    static void assertAbsent(RealmResource realm, int logMark, List<String> codes, List<String> details) throws Exception {
        String events = JSON.writeValueAsString(realm.getEvents(null, null, null, null, null, null, 0, 1000))
                + JSON.writeValueAsString(realm.getAdminEvents());
        String whole = ServerLog.text();
        assertFalse(whole.isEmpty(), "the server writes its log to " + ServerLog.FILE);
        String log = whole.substring(Math.min(logMark, whole.length()));
        for (String code : codes) {
            Pattern alone = Pattern.compile("(?<![0-9A-Za-z])" + code + "(?![0-9A-Za-z])");
            assertFalse(alone.matcher(events).find(), "an event carries a code");
            assertFalse(alone.matcher(log).find(), "the server's log carries a code");
        }
        for (String detail : details) {
            assertFalse(events.contains(detail), "an event carries a person's detail of the test");
            assertFalse(log.contains(detail), "the server's log carries a person's detail of the test");
        }
    }
}
