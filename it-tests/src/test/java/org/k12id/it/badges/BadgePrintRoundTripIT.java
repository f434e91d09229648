package org.k12id.it.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.adminrest.badges.BadgePdfDecoder;
import org.k12id.it.support.BadgeApi;
import org.k12id.it.support.BadgeApi.Answer;
import org.k12id.it.support.Badges;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.K12ServerConfig;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Print a class's badges through the API, render the PDF's pages to images, decode every QR code on them, and log
 * each student in with what was decoded: the whole chain a teacher relies on, on the real server.
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given Ms. Garcia's PreK class (Pine Elementary, PSU 920)")
class BadgePrintRoundTripIT {

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private static Set<String> loginAll(String realmUrl, List<String> payloads) throws Exception {
        Set<String> usernames = new TreeSet<>();
        for (String payload : payloads) {
            JsonNode id = Badges.login(realmUrl, payload);
            assertEquals("badge", id.path("k12_login_method").asText());
            usernames.add(id.path("preferred_username").asText());
        }
        return usernames;
    }

    @Test
    @DisplayName("every badge on the printed sheet logs its own student in; reprints are the same badges; renewal voids")
    void roundTrip() throws Exception {
        String classId = realm.admin().getGroupByPath("/psu-920/920304/prek-garcia").getId();
        BadgeApi teacher = BadgeApi.as(urls.getBase(), realm.getBaseUrl(), "t.garcia");
        Set<String> roster = new TreeSet<>();
        teacher.get("students?class=" + classId).json().path("students").forEach(s -> roster.add(s.path("username").asText()));
        assertTrue(roster.size() >= 2, roster::toString);

        Answer sheet = teacher.post("print", "{\"classId\":\"" + classId + "\",\"layout\":\"labels\",\"paper\":\"letter\"}");
        assertEquals(200, sheet.status(), sheet::toString);
        assertEquals("application/pdf", sheet.contentType());
        List<String> payloads = BadgePdfDecoder.payloads(sheet.bytes());
        assertEquals(roster.size(), payloads.size(), "one badge per student");
        assertEquals(String.valueOf(roster.size()), sheet.header("X-K12-Badges-Printed"));
        assertEquals(roster, loginAll(realm.getBaseUrl(), payloads), "each printed badge logs its own student in");

        Answer again = teacher.post("print", "{\"classId\":\"" + classId + "\",\"layout\":\"cards\",\"paper\":\"a4\"}");
        assertEquals(200, again.status(), again::toString);
        assertEquals(new TreeSet<>(payloads), new TreeSet<>(BadgePdfDecoder.payloads(again.bytes())),
                "printing again gives the same badges, whatever the layout");

        String first = teacher.get("students?class=" + classId).json().path("students").path(0).path("id").asText();
        Answer renewed = teacher.post("print", "{\"userIds\":[\"" + first + "\"],\"renew\":true}");
        assertEquals(200, renewed.status(), renewed::toString);
        List<String> fresh = BadgePdfDecoder.payloads(renewed.bytes());
        assertEquals(1, fresh.size());
        String old = payloads.stream().filter(p -> p.startsWith(fresh.get(0).substring(0, 33))).findFirst().orElseThrow();
        assertNotEquals(old, fresh.get(0));
        Badges.assertRefused(realm.getBaseUrl(), old);
        assertEquals(1, loginAll(realm.getBaseUrl(), fresh).size());

        List<String> rest = new ArrayList<>(payloads);
        rest.remove(old);
        assertEquals(roster.size() - 1, loginAll(realm.getBaseUrl(), rest).size(), "the others' badges still work");
    }
}
