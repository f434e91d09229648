package org.k12id.it.hardening;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.Disclosures;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.ServerLog;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * After the whole suite (the last class of the run, by {@code junit-platform.properties}): no email address mail went
 * to, no code emailed or texted and no mobile number texted anywhere in the test run appears in the server's log or in
 * the demo realm's events (issue 20). The other tests record what they sent in {@link Disclosures}.
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@Order(Integer.MAX_VALUE)
@DisplayName("Given everything the suite sent to people by email and text message")
class SuiteDisclosureIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @Test
    @DisplayName("no address, code or number of it is in the server's log or the demo realm's events")
    void nothingSentIsLoggedOrInEvents() throws Exception {
        String log = ServerLog.sinceThisRunStarted();
        assertFalse(log.isEmpty(), "the server writes its log to " + ServerLog.FILE);
        String events = JSON.writeValueAsString(realm.admin().getEvents(null, null, null, null, null, null, 0, 100_000))
                + JSON.writeValueAsString(realm.admin().getAdminEvents(null, null, null, null, null, null, null, null, 0, 100_000));
        List<Disclosures.Sent> sent = Disclosures.all();
        System.out.printf("SuiteDisclosureIT: %d values sent in this run checked against %d characters of log and %d of events%n",
                sent.size(), log.length(), events.length());
        List<String> found = new ArrayList<>();
        for (Disclosures.Sent one : sent) {
            String inLog = Disclosures.foundIn(one, log);
            if (inLog != null) {
                found.add("log: " + inLog);
            }
            String inEvents = Disclosures.foundIn(one, events);
            if (inEvents != null) {
                found.add("events: " + inEvents);
            }
        }
        assertTrue(found.isEmpty(), () -> found.size() + " place(s) show what was sent to a person:\n" + String.join("\n", found));
    }
}
