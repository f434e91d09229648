package org.k12id.it.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.it.support.Badges;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.RawHttp;
import org.k12id.it.support.TestUsers;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * More than a thousand malformed bodies, parameters and headers over every endpoint of the pack, sent as an LEA
 * administrator (so they reach the pack's own reading of them) and as nobody: not one answer of 5xx, not one hang, and
 * nothing recorded (no admin event, no regeneration request, no opt-out, no badge).
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given a thousand malformed requests to every pack endpoint")
class FuzzIT {

    private static final String HUGE = "A".repeat(5000);

    /** Hostile values for parameters, path segments and fields; none of them is a valid value of any of them. */
    private static final List<String> VALUES = List.of("", " ", "\u0000", "%00", "%ZZ", "\u0663", "\u0662\u0660\u0660",
            "-10", "99999999999999999999", "1e3", "0x10", "null", "true", "[]", "{}", "'; DROP TABLE USER_ENTITY;--",
            "../../etc/passwd", "..%2F..%2Fpom.xml", "<script>alert(1)</script>", HUGE, "920\u0000", "32A ", "\uFFFF",
            "K12B1.", "%", "+", "a4 ", "CARDS", "\u202E920", "\r\nX-Injected: 1");

    /** Bodies that are not what any endpoint reads: broken, wrong-typed, too deep, too large, or invalid. */
    private static final List<String> BODIES = bodies();

    private static final List<String> CONTENT_TYPES = List.of("application/json", "text/plain",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=k12", "application/json; charset=utf-16",
            "application/json; charset=no-such-charset");

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private TestUsers users;
    private String token;
    private String student;
    private final List<String> failures = new ArrayList<>();
    private int sent;

    private static List<String> bodies() {
        List<String> bodies = new ArrayList<>(List.of("", "{", "}", "[]", "null", "true", "1", "\"x\"", "{\"a\":1,}",
                "{\"userIds\":null}", "{\"userIds\":[]}", "{\"userIds\":\"x\"}", "{\"userIds\":[1,2]}", "{\"userIds\":[null]}",
                "{\"classId\":123}", "{\"classId\":\"\"}", "{\"schoolCode\":\"92030\\u0000\"}", "{\"schoolCode\":\"920304 \"}",
                "{\"classId\":\"x\",\"layout\":\"x\"}", "{\"classId\":\"x\",\"renew\":\"yes\"}", "{\"classId\":\"x\",\"paper\":\"A4\"}",
                "{\"grades\":[-3.5]}", "{\"grades\":[99999999999999]}", "{\"grades\":\"x\"}", "{\"grades\":[null]}",
                "{\"grades\":[-3],\"extra\":1}", "{\"psuCode\":\"920\\u0000\"}", "{\"psuCode\":920}",
                "{\"psuCode\":\"920\",\"campusCodes\":123}", "{\"psuCode\":\"920\",\"comments\":\"" + "x".repeat(3000) + "\"}",
                "{\"psuCode\":\"920\",\"comments\":\"a\\u0000b\"}",
                "{\"psuCode\":\"920\",\"gradeLevels\":\"3," + "9".repeat(1000) + "\"}", "{\"psuCode\":\"920\",\"resetPasswords\":1}",
                "{\"psuCode\":\"920\",\"campusCodes\":\"920304\",\"x\":1}", "{\"psuCode\":\"\\u0669\\u0662\\u0660\"}",
                "[".repeat(5000), "{\"a\":".repeat(3000), "{\"n\":1e99999}", "{\"n\":NaN}", "/* c */ {}", "\uFEFF{}",
                "{\"userIds\":[" + "\"x\",".repeat(3000) + "\"x\"]}", "password=%ZZ&client_id=x&tab_id=y",
                "--k12\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nabc", "password=" + HUGE + "&client_id=x&tab_id=y",
                "client_id=" + HUGE + "&tab_id=" + HUGE, "password=a&password=b", "%", "=&=&="));
        return List.copyOf(bodies);
    }

    @BeforeEach
    void setUp() throws Exception {
        users = new TestUsers(realm.admin());
        student = users.create("9100000801", "Fuzz", "Target", List.of("student"), List.of(),
                Map.of("psuCode", List.of("920"), "schoolCode", List.of("920304"), "gradeLevel", List.of("2")), null);
        token = Badges.accessToken(realm.getBaseUrl(), "lea-admin.920", DemoRealm.PASSWORD);
    }

    @AfterEach
    void tearDown() {
        users.removeAll();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void send(String method, String url, Map<String, String> headers, String body) {
        sent++;
        try {
            RawHttp.Answer answer = RawHttp.send(method, url, headers, body);
            if (answer.status() >= 500) {
                failures.add(method + " " + shorten(url) + " [" + headers.getOrDefault("Content-Type", "") + "] "
                        + shorten(String.valueOf(body)) + " -> " + answer);
            }
        } catch (HttpTimeoutException e) {
            failures.add("hang: " + method + " " + shorten(url) + " " + shorten(String.valueOf(body)));
        } catch (IllegalArgumentException unsendable) {
            sent--; // a header value the HTTP client itself refuses to send (CR LF): nothing reached the server
        } catch (Exception e) {
            failures.add(method + " " + shorten(url) + " " + shorten(String.valueOf(body)) + " -> " + e);
        }
    }

    private static String shorten(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }

    private Map<String, String> auth(String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return headers;
    }

    private String newestAdminEvent() {
        List<AdminEventRepresentation> events = realm.admin().getAdminEvents();
        return events.isEmpty() ? "none" : events.get(0).getTime() + " " + events.get(0).getResourcePath();
    }

    @Test
    @DisplayName("no answer is a 5xx, none hangs, and nothing is recorded")
    void malformedRequestsGetNo5xxNoHangAndRecordNothing() throws Exception {
        String badges = urls.getBase() + "/admin/realms/" + DemoRealm.NAME + "/k12-badges/";
        String defaults = urls.getBase() + "/admin/realms/" + DemoRealm.NAME + "/k12-default-passwords/";
        String check = realm.getBaseUrl() + "/k12-password-rules/check";
        String portal = realm.getBaseUrl() + "/k12-portal/";
        String eventsBefore = newestAdminEvent();
        String optOutsBefore = RawHttp.send("GET", badges + "opt-outs", auth(null), (String) null).body();
        String requestsBefore = RawHttp.send("GET", defaults + "requests?psu=920", auth(null), (String) null).body();

        for (String type : CONTENT_TYPES) {
            for (String body : BODIES) {
                send("POST", badges + "print", auth(type), body);
                send("POST", badges + "void", auth(type), body);
                send("PUT", badges + "opt-outs/920", auth(type), body);
                send("POST", defaults + "requests", auth(type), body);
                send("POST", check, Map.of("Content-Type", type), body);
            }
        }
        for (String value : VALUES) {
            String v = encoded(value);
            for (String parameter : List.of("school", "class", "grade", "first", "max")) {
                send("GET", badges + "students?" + parameter + "=" + v, auth(null), null);
            }
            send("GET", badges + "classes?school=" + v, auth(null), null);
            for (String parameter : value.isEmpty() ? List.<String>of() : List.of("school", "grade", "request")) {
                // (an empty filter is no filter: a real view or export, which is rightly recorded)
                send("GET", defaults + "students?" + parameter + "=" + v, auth(null), null);
                send("GET", defaults + "students.csv?" + parameter + "=" + v, auth(null), null);
            }
            if (!value.isEmpty()) {
                send("GET", defaults + "students?first=" + v, auth(null), null);
                send("GET", defaults + "students?max=" + v, auth(null), null);
            }
            send("GET", defaults + "requests?psu=" + v, auth(null), null);
            send("GET", defaults + "requests/" + v, auth(null), null);
            send("POST", badges + "users/" + v, auth(null), null);
            send("PUT", badges + "opt-outs/" + v, auth("application/json"), "{\"grades\":[]}");
            send("GET", portal + v, Map.of(), null);
            send("GET", badges + "me", Map.of("Authorization", "Bearer " + value), null);
            send("GET", badges + "me", Map.of("Authorization", value), null);
            send("GET", portal, Map.of("If-None-Match", value), null);
            send("GET", portal + "k12-portal.js", Map.of("If-None-Match", value, "Accept-Language", value), null);
            send("POST", check, Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    "password=" + v + "&client_id=" + v + "&tab_id=" + v);
            String malformedType = value.isBlank() ? "x" : value;
            send("POST", check, Map.of("Content-Type", malformedType), "password=a");
            send("POST", badges + "print", auth(malformedType), "{\"classId\":\"x\"}");
            send("PUT", badges + "opt-outs/920", auth(malformedType), "{\"grades\":[\"x\"]}");
            send("POST", defaults + "requests", auth(malformedType), "{}");
            send("GET", badges + "me", auth(malformedType), null);
            send("GET", portal, Map.of("Content-Type", malformedType), null);
            send("GET", badges + "students?first=" + v + "&max=" + v + "&grade=" + v, auth(null), null);
        }

        assertTrue(sent >= 1000, "sent " + sent);
        assertEquals(List.of(), failures, failures.size() + " of " + sent + " requests failed");
        assertEquals(eventsBefore, newestAdminEvent(), "no admin event was recorded");
        assertEquals(optOutsBefore, RawHttp.send("GET", badges + "opt-outs", auth(null), (String) null).body());
        assertEquals(requestsBefore, RawHttp.send("GET", defaults + "requests?psu=920", auth(null), (String) null).body());
        assertTrue(realm.admin().users().get(student).credentials().stream().noneMatch(c -> "k12-badge".equals(c.getType())),
                "no badge was issued");
    }
}
