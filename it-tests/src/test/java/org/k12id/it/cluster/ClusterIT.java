package org.k12id.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.k12id.adminrest.badges.BadgePdfDecoder;
import org.k12id.it.claim.Claims;
import org.k12id.it.recovery.Questions;
import org.k12id.it.support.BadgeApi;
import org.k12id.it.support.Badges;
import org.k12id.it.support.Browser;
import org.k12id.it.support.ClusterFront;
import org.k12id.it.support.ClusterNode;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.IdentifierFirst;
import org.k12id.it.support.KeycloakCluster;
import org.k12id.it.support.ListeningSockets;
import org.k12id.it.support.Mailbox;
import org.k12id.it.support.Oidc;
import org.k12id.it.support.Postgres;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.util.JsonSerialization;

/**
 * The pack on a production cluster: two Keycloak nodes ({@code kc.sh start}, production mode) with the pack, on one
 * PostgreSQL, forming one cluster through JDBC_PING, with a load balancer in front ({@link KeycloakCluster}). Started
 * once for every test here; the tests run in order, each leaving the cluster as the next expects: node a is killed in
 * the middle of a reset, then the whole cluster is stopped and started again. Everything goes through the doors people
 * use: the pack's REST APIs with staff's own tokens, and the login pages over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Given two Keycloak nodes with the pack, on one PostgreSQL, forming one cluster")
class ClusterIT {

    static final int STUDENTS = 2000;
    static final String SCHOOL = "920995";
    /** The nodes take a silent node's regeneration request over after 8 s (the pack's default is 60 s). */
    static final int TAKEOVER_SECONDS = 8;
    static final String DEFAULTS = "k12-default-passwords";
    static final String CLAIMED_PASSWORD = "Lantern2026q";
    static final String GUARDIAN_PASSWORD = "Orchard2026k";
    static final Pattern CODE = Pattern.compile("\\b([2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5})\\b");

    private Postgres database;
    private KeycloakCluster cluster;
    private ClusterNode a;
    private ClusterNode b;
    private ClusterFront front;
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, Duration> timings = new LinkedHashMap<>();
    private long began;

    // what earlier tests leave for later ones
    private String voidedBadge;
    private String renewedOldBadge;
    private String renewedBadge;
    private String optedOutBadge;
    private Oidc sessionApp;
    private Browser sessionBrowser;
    private JsonNode badgeSession;
    private String guardianCode;
    private String resetRequest;
    private Map<String, String> resetDefaults;
    private final Map<String, String> beforeRestart = new LinkedHashMap<>();

    @BeforeAll
    void startCluster() throws Exception {
        began = System.nanoTime();
        database = Postgres.start();
        timings.put("PostgreSQL started", since(began));
        cluster = KeycloakCluster.start(database,
                List.of("--spi-admin-realm-restapi-extension--k12-default-passwords--takeover-seconds=" + TAKEOVER_SECONDS),
                Map.of(DemoRealm.NAME + "-users-0.json", students()));
        a = cluster.a();
        b = cluster.b();
        front = cluster.front();
        timings.putAll(cluster.timings());
        try (Keycloak admin = cluster.admin(b)) {
            for (String username : List.of("9000000011", "9000000013", "9000000015", "8000000037", "g.newparent")) {
                ids.put(username, admin.realm(DemoRealm.NAME).users().search(username, true).get(0).getId());
            }
        }
    }

    @AfterAll
    void stopCluster() throws Exception {
        timings.put("the whole class", since(began));
        timings.forEach((step, time) -> System.out.printf("k12 cluster timing: %-80s %6.1f s%n", step, time.toMillis() / 1000.0));
        if (cluster != null) {
            cluster.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /**
     * The students of school 920995 (PSU 920, grade 2), as a users file of Keycloak's realm import, which node a reads
     * with the demo realm on its first start: about 2,000 people in 10 s there, where the admin API's partial import
     * took 50 s on this machine (4 imports of 500, two at a time, one on each node).
     */
    private static String students() throws Exception {
        RealmRepresentation file = new RealmRepresentation();
        file.setRealm(DemoRealm.NAME);
        List<UserRepresentation> users = new ArrayList<>();
        for (int i = 1; i <= STUDENTS; i++) {
            UserRepresentation user = new UserRepresentation();
            String username = String.format("95%08d", i);
            user.setUsername(username);
            user.setEnabled(true);
            user.setFirstName("Cluster");
            user.setLastName(String.format("Student%04d", i));
            user.setAttributes(Map.of("psuCode", List.of("920"), "schoolCode", List.of(SCHOOL), "gradeLevel", List.of("2"),
                    "studentNumber", List.of(username)));
            user.setRealmRoles(List.of("student"));
            users.add(user);
        }
        file.setUsers(users);
        return JsonSerialization.writeValueAsString(file);
    }

    @Test
    @Order(1)
    @DisplayName("each node reports, from its own metrics, a cluster of two members: itself and the other, found through the database (JDBC_PING)")
    void clusterOfTwo() throws Exception {
        ClusterNode.View fromA = awaitView(a, 2);
        ClusterNode.View fromB = awaitView(b, 2);
        assertNotEquals(fromA.member(), fromB.member(), "two members, not one seen twice");
        String discovery = database.psql("SELECT name || ' ' || ip FROM jgroups_ping ORDER BY ip");
        assertEquals(List.of(fromA.member() + " 127.0.0.1:7900", fromB.member() + " 127.0.0.1:7901"), discovery.lines().toList(),
                discovery);
    }

    @Test
    @Order(2)
    @DisplayName("every port either node listens on is on the loopback interface: HTTP, management, the cluster transport and its failure detection")
    void loopbackOnly() throws Exception {
        for (ClusterNode node : cluster.nodes()) {
            List<ListeningSockets.Bound> bound = ListeningSockets.of(node.pids());
            assertTrue(bound.stream().allMatch(ListeningSockets.Bound::loopback), () -> node + " listens beyond the loopback interface: " + bound);
            Set<Integer> tcp = bound.stream().filter(s -> "tcp".equals(s.protocol())).map(ListeningSockets.Bound::port).collect(Collectors.toSet());
            assertTrue(tcp.containsAll(Set.of(node.httpPort(), node.managementPort(), node.clusterPort(),
                    node.clusterPort() + ClusterNode.FAILURE_DETECTION_OFFSET)), () -> node + " listens on " + bound);
        }
    }

    @Test
    @Order(3)
    @DisplayName("a regeneration request submitted on node a runs once: each of 2,000 students regenerated once, the counts exact, as node b sees them")
    void regenerationRunsOnce() throws Exception {
        BadgeApi onA = staff(a, "lea-admin.920", DEFAULTS);
        BadgeApi onB = staff(b, "lea-admin.920", DEFAULTS);
        long started = System.nanoTime();
        String id = submit(onA, false);
        JsonNode done = awaitRequest(onB, id, ClusterIT::finished, Duration.ofMinutes(3));
        timings.put("regenerate only, 2,000 students (submitted on a, followed on b)", since(started));
        assertEquals("completed", done.path("status").asText(), done::toString);
        assertCounts(done, STUDENTS, 0);
        Map<String, String> defaults = defaults(onB, id);
        // the counts grow by one with each student done, in the same transaction: 2,000 counted and 2,000 distinct
        // students whose current default this request made leave no room for a student done twice, or left out
        assertEquals(STUDENTS, defaults.size());
        assertTrue(defaults.values().stream().allMatch(p -> p != null && !p.isEmpty()), "every student has a default");
    }

    @Test
    @Order(10)
    @DisplayName("a badge issued on node b signs in on node a")
    void badgeIssuedOnB() throws Exception {
        optedOutBadge = Badges.issuePayload(b.url(), token(b, "lea-admin.32A"), ids.get("8000000037"));
        assertSignsIn(a, optedOutBadge, "8000000037");
    }

    @Test
    @Order(11)
    @DisplayName("a badge voided on node a is refused on node b at once")
    void badgeVoidedOnA() throws Exception {
        String student = ids.get("9000000013");
        String token = token(a, "lea-admin.920");
        voidedBadge = Badges.issuePayload(a.url(), token, student);
        assertSignsIn(b, voidedBadge, "9000000013");
        BadgeApi.Answer voided = new BadgeApi(a.url(), DemoRealm.NAME, token).post("void", "{\"userIds\":[\"" + student + "\"]}");
        assertEquals(200, voided.status(), voided::toString);
        Badges.assertRefused(b.realmUrl(), voidedBadge);
    }

    @Test
    @Order(12)
    @DisplayName("a badge renewed on node a is refused on node b at once, and the new badge signs in there")
    void badgeRenewedOnA() throws Exception {
        String student = ids.get("9000000015");
        BadgeApi onA = new BadgeApi(a.url(), DemoRealm.NAME, token(a, "lea-admin.920"));
        renewedOldBadge = printed(onA.post("print", "{\"userIds\":[\"" + student + "\"]}"));
        assertSignsIn(b, renewedOldBadge, "9000000015");
        renewedBadge = printed(onA.post("print", "{\"userIds\":[\"" + student + "\"],\"renew\":true}"));
        assertNotEquals(renewedOldBadge, renewedBadge);
        Badges.assertRefused(b.realmUrl(), renewedOldBadge);
        assertSignsIn(b, renewedBadge, "9000000015");
    }

    @Test
    @Order(13)
    @DisplayName("an opt-out set on node b applies on node a at once: the badge is refused there, and not printed")
    void optOutSetOnB() throws Exception {
        BadgeApi.Answer set = new BadgeApi(b.url(), DemoRealm.NAME, token(b, "lea-admin.32A")).put("opt-outs/32A", "{\"grades\":[1]}");
        assertEquals(200, set.status(), set::toString);
        Badges.assertRefused(a.realmUrl(), optedOutBadge);
        BadgeApi.Answer print = new BadgeApi(a.url(), DemoRealm.NAME, token(a, "lea-admin.32A"))
                .post("print", "{\"userIds\":[\"" + ids.get("8000000037") + "\"]}");
        assertEquals(409, print.status(), print::toString);
    }

    @Test
    @Order(15)
    @DisplayName("a student claims their account through the front with each request on the other node; a guardian is emailed a claim code")
    void claimsAcrossNodes() throws Exception {
        front.alternate();
        Browser browser = new Browser();
        Oidc app = Claims.app(front.realmUrl());
        Browser.Page terms = Claims.submit(browser, Claims.detailsPage(browser, app, "lea-student", "en"),
                Claims.student("9000000026", "9", "20110226", "920"));
        Browser.Page done = Claims.finish(browser, terms, CLAIMED_PASSWORD);
        assertTrue(app.exchange(app.codeFrom(done)).hasNonNull("access_token"), "signed in at the app");

        try (Keycloak admin = cluster.admin(b); Mailbox mail = Mailbox.open(admin.realm(DemoRealm.NAME))) {
            BadgeApi claims = new BadgeApi(a.url(), DemoRealm.NAME, "k12-claims", token(a, "lea-admin.920"));
            BadgeApi.Answer sent = claims.post("guardians/" + ids.get("g.newparent") + "/code", "");
            assertEquals(200, sent.status(), sent::toString);
            Matcher code = CODE.matcher(Mailbox.body(mail.await(0)));
            assertTrue(code.find(), "a claim code in the email");
            guardianCode = code.group(1);
        }
    }

    @Test
    @Order(20)
    @DisplayName("a student signs in with a badge through the front, on node a; the tokens name the front as issuer")
    void badgeSessionOnA() throws Exception {
        front.routeTo(a);
        String payload = Badges.issuePayload(a.url(), token(a, "lea-admin.920"), ids.get("9000000011"));
        sessionApp = new Oidc(front.realmUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        sessionBrowser = new Browser();
        Browser.Page done = Badges.scan(sessionBrowser, sessionBrowser.get(sessionApp.authorizationUrl()), payload);
        badgeSession = sessionApp.exchange(sessionApp.codeFrom(done));
        JsonNode id = Oidc.claims(badgeSession.path("id_token").asText());
        assertEquals("badge", id.path("k12_login_method").asText(), id::toString);
        assertEquals(front.realmUrl(), id.path("iss").asText());
    }

    @Test
    @Order(21)
    @DisplayName("node a killed (kill -9) in the middle of a 2,000-student reset: node b takes the request over and completes it; each student done once, nothing committed lost")
    void killDuringReset() throws Exception {
        BadgeApi onA = staff(a, "lea-admin.920", DEFAULTS);
        BadgeApi onB = staff(b, "lea-admin.920", DEFAULTS);
        long started = System.nanoTime();
        String id = submit(onA, true);
        JsonNode running = awaitRequest(onB, id, r -> finished(r) || r.path("counts").path("regenerated").asInt() >= 400,
                Duration.ofMinutes(3));
        assertEquals("running", running.path("status").asText(), () -> "still at work when node a is killed: " + running);
        Map<String, String> committed = defaults(onB, id);
        a.kill();
        long killed = System.nanoTime();
        timings.put("reset: submitted to node a killed (" + committed.size() + " students done)", Duration.ofNanos(killed - started));
        onB = staff(b, "lea-admin.920", DEFAULTS); // a token that lasts until the end

        // the request's counts and the students it has done agree: read the counts, the students, the counts again,
        // and compare when nothing moved meanwhile (node b may take the request over at any moment)
        JsonNode before = request(onB, id);
        Map<String, String> rows = defaults(onB, id);
        JsonNode after = request(onB, id);
        if (before.path("counts").equals(after.path("counts"))) {
            assertEquals(before.path("counts").path("regenerated").asInt(), rows.size(), before::toString);
            assertEquals(before.path("counts").path("reset").asInt(), rows.size(), before::toString);
        }
        assertTrue(rows.keySet().containsAll(committed.keySet()), "nothing committed before the kill is lost");
        // a student the request has not reached is untouched: no password set (the students are worked in id order,
        // so the one with the highest id is the last to be reached, long after this look)
        JsonNode untouched = students(onB, null).stream().filter(s -> !rows.containsKey(s.path("username").asText()))
                .max((x, y) -> x.path("id").asText().compareTo(y.path("id").asText())).orElseThrow();
        try (Keycloak admin = cluster.admin(b)) {
            assertEquals(List.of(), admin.realm(DemoRealm.NAME).users().get(untouched.path("id").asText()).credentials(),
                    "a student not yet done has no password set");
        }

        int atKill = after.path("counts").path("regenerated").asInt();
        JsonNode takenOver = awaitRequest(onB, id, r -> finished(r) || r.path("counts").path("regenerated").asInt() > atKill,
                Duration.ofMinutes(3));
        Duration takeover = since(killed);
        timings.put("reset: node a killed to node b's first chunk done", takeover);
        // 8 s of silence, the next look (every 4 s), a chunk of 200 hashed: far below the default's 60 s and more
        assertTrue(takeover.toSeconds() < 45, () -> "taken over after " + takeover + ": " + takenOver);
        JsonNode finished = awaitRequest(onB, id, ClusterIT::finished, Duration.ofMinutes(5));
        timings.put("reset: node a killed to completed on node b", since(killed));
        assertEquals("completed", finished.path("status").asText(), finished::toString);
        assertCounts(finished, STUDENTS, STUDENTS);
        Map<String, String> all = defaults(onB, id);
        assertEquals(STUDENTS, all.size(), "every student done");
        committed.forEach((username, password) -> assertEquals(password, all.get(username),
                () -> username + ", done before the kill, was done again"));
        // with counts and students in step, 2,000 counted and 2,000 students done: none twice
        String early = committed.keySet().iterator().next();
        String late = all.keySet().stream().filter(u -> !committed.containsKey(u)).reduce((x, y) -> y).orElseThrow();
        assertPasswordSignsIn(b, early, all.get(early));
        assertPasswordSignsIn(b, late, all.get(late));
        for (ClusterNode node : cluster.nodes()) {
            assertFalse(Files.readString(node.log()).contains("Cannot obtain session from thread"),
                    () -> node + ": hashing threads without a session (a warning per password) in " + node.log());
        }
        resetRequest = id;
        resetDefaults = all;
    }

    @Test
    @Order(22)
    @DisplayName("the student signed in through node a keeps the session on node b: the token refreshes there and still says badge, and the browser is signed in again without a login page")
    void sessionOnB() throws Exception {
        assertFalse(a.running(), "node a is down");
        front.routeTo(b);
        String sid = Oidc.claims(badgeSession.path("id_token").asText()).path("sid").asText();
        JsonNode refreshed = sessionApp.refresh(badgeSession.path("refresh_token").asText());
        JsonNode id = Oidc.claims(refreshed.path("id_token").asText());
        assertEquals("badge", id.path("k12_login_method").asText(), id::toString);
        assertEquals(sid, id.path("sid").asText(), "the same session");

        Oidc again = new Oidc(front.realmUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        Browser.Page sso = sessionBrowser.get(again.authorizationUrl());
        JsonNode viaCookie = Oidc.claims(again.exchange(again.codeFrom(sso)).path("id_token").asText());
        assertEquals("badge", viaCookie.path("k12_login_method").asText(), viaCookie::toString);
        assertEquals(sid, viaCookie.path("sid").asText());
        badgeSession = refreshed;
    }

    @Test
    @Order(30)
    @DisplayName("both nodes stopped and started again form a cluster of two again")
    void fullRestart() throws Exception {
        String admin920 = token(b, "lea-admin.920");
        String teacher = token(b, "t.jones");
        beforeRestart.putAll(staffViews(b, admin920, teacher, token(b, "lea-admin.32A")));
        long stopping = System.nanoTime();
        cluster.restart();
        timings.put("full restart: node b stopped, both started at once", since(stopping));
        ClusterNode.View fromA = awaitView(a, 2);
        ClusterNode.View fromB = awaitView(b, 2);
        assertNotEquals(fromA.member(), fromB.member());
    }

    @Test
    @Order(31)
    @DisplayName("after the restart, badges and opt-outs are as they were: voided and replaced badges refused, the renewed one signs in, the opted-out grade is refused until the opt-out is lifted")
    void badgesSurvive() throws Exception {
        Badges.assertRefused(a.realmUrl(), voidedBadge);
        Badges.assertRefused(b.realmUrl(), renewedOldBadge);
        assertSignsIn(a, renewedBadge, "9000000015");
        Badges.assertRefused(b.realmUrl(), optedOutBadge);
        BadgeApi onA = new BadgeApi(a.url(), DemoRealm.NAME, token(a, "lea-admin.32A"));
        assertEquals("[1]", onA.get("opt-outs").json().path("psus").path(0).path("grades").toString());
        assertEquals(200, onA.put("opt-outs/32A", "{\"grades\":[]}").status());
        assertSignsIn(b, optedOutBadge, "8000000037");
    }

    @Test
    @Order(32)
    @DisplayName("after the restart, the regeneration requests and every default password are as they were, and a default still signs in")
    void defaultPasswordsSurvive() throws Exception {
        BadgeApi onA = staff(a, "lea-admin.920", DEFAULTS);
        assertEquals(beforeRestart.get("requests"), onA.get("requests?psu=920").json().toString());
        Map<String, String> after = defaults(onA, resetRequest);
        assertEquals(resetDefaults, after);
        String someone = after.keySet().stream().skip(STUDENTS / 2).findFirst().orElseThrow();
        assertPasswordSignsIn(a, someone, after.get(someone));
    }

    @Test
    @Order(33)
    @DisplayName("after the restart, the claimed student signs in with their password and cannot claim again, their challenge questions are asked and accepted, and the guardian claims with the code emailed before")
    void claimsAndQuestionsSurvive() throws Exception {
        front.alternate();
        Browser person = new Browser();
        Oidc app = Claims.app(front.realmUrl());
        Browser.Page signedIn = IdentifierFirst.login(person, person.get(app.authorizationUrl()), "9000000026", CLAIMED_PASSWORD);
        assertTrue(app.exchange(app.codeFrom(signedIn)).hasNonNull("access_token"), "straight to the app: no claim, terms or questions again");

        Browser other = new Browser();
        Browser.Page again = Claims.submit(other, Claims.detailsPage(other, Claims.app(front.realmUrl()), "lea-student", "en"),
                Claims.student("9000000026", "9", "20110226", "920"));
        assertTrue(again.document().text().contains("This account has already been claimed"), again::body);

        Browser forgot = new Browser();
        Browser.Page answers = Questions.answersPage(forgot, front.realmUrl(), "9000000026", "en");
        assertFalse(Questions.asked(answers).isEmpty(), answers::body);
        Browser.Page newPassword = Questions.answer(forgot, answers, null);
        assertNotNull(newPassword.document().selectFirst("#password-new"), () -> "the answers are accepted:\n" + newPassword.body());

        Browser guardian = new Browser();
        Oidc guardianApp = Claims.app(front.realmUrl());
        Browser.Page terms = Claims.submit(guardian, Claims.detailsPage(guardian, guardianApp, "guardian", "en"),
                Map.of("k12_claim_code", guardianCode, "k12_claim_email", "maria.newparent@example.org"));
        Browser.Page claimed = Claims.finish(guardian, terms, GUARDIAN_PASSWORD);
        assertTrue(guardianApp.exchange(guardianApp.codeFrom(claimed)).hasNonNull("access_token"), "the guardian is signed in");
    }

    @Test
    @Order(34)
    @DisplayName("after the restart, the staff views show the same students, classes, badges and requests")
    void rosterSurvives() throws Exception {
        Map<String, String> now = staffViews(a, token(a, "lea-admin.920"), token(a, "t.jones"), token(a, "lea-admin.32A"));
        now.remove("opt-outs"); // lifted on purpose after the restart
        now.forEach((view, json) -> assertEquals(beforeRestart.get(view), json, view));
    }

    @Test
    @Order(35)
    @DisplayName("after the restart, the badge session still refreshes and still says how the student signed in")
    void sessionSurvives() throws Exception {
        front.alternate();
        JsonNode refreshed = sessionApp.refresh(badgeSession.path("refresh_token").asText());
        assertEquals("badge", Oidc.claims(refreshed.path("id_token").asText()).path("k12_login_method").asText());
    }

    /** What staff see: roster pages of a PSU's school and a teacher's students, opt-outs, the PSU's requests. */
    private Map<String, String> staffViews(ClusterNode node, String admin920, String teacher, String admin32A) throws Exception {
        Map<String, String> views = new TreeMap<>();
        BadgeApi badges = new BadgeApi(node.url(), DemoRealm.NAME, admin920);
        views.put("me", badges.get("me").json().toString());
        views.put("school " + SCHOOL, badges.get("students?school=" + SCHOOL + "&max=200").json().toString());
        views.put("school 920304", badges.get("students?school=920304&max=200").json().toString());
        views.put("teacher", new BadgeApi(node.url(), DemoRealm.NAME, teacher).get("students?max=200").json().toString());
        views.put("opt-outs", new BadgeApi(node.url(), DemoRealm.NAME, admin32A).get("opt-outs").json().toString());
        views.put("requests", new BadgeApi(node.url(), DemoRealm.NAME, DEFAULTS, admin920).get("requests?psu=920").json().toString());
        return views;
    }

    /** Regenerates the school's defaults (and resets the passwords to them, when asked) as that administrator: the request's id. */
    private static String submit(BadgeApi api, boolean reset) throws Exception {
        BadgeApi.Answer submitted = api.post("requests", "{\"psuCode\":\"920\",\"campusCodes\":\"" + SCHOOL + "\",\"resetPasswords\":"
                + reset + "}");
        assertEquals(202, submitted.status(), submitted::toString);
        return submitted.json().path("id").asText();
    }

    private static boolean finished(JsonNode request) {
        return Set.of("completed", "failed", "interrupted").contains(request.path("status").asText());
    }

    private static void assertCounts(JsonNode request, int regenerated, int reset) {
        JsonNode counts = request.path("counts");
        assertEquals(STUDENTS, counts.path("targeted").asInt(), request::toString);
        assertEquals(regenerated, counts.path("regenerated").asInt(), request::toString);
        assertEquals(reset, counts.path("reset").asInt(), request::toString);
        assertEquals(0, counts.path("failed").asInt(), request::toString);
    }

    private static JsonNode request(BadgeApi api, String id) throws Exception {
        BadgeApi.Answer answer = api.get("requests/" + id);
        assertEquals(200, answer.status(), answer::toString);
        return answer.json();
    }

    private static JsonNode awaitRequest(BadgeApi api, String id, Predicate<JsonNode> until, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode request = request(api, id);
        while (!until.test(request) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            request = request(api, id);
        }
        return request;
    }

    /** Username to default password of the students whose current default the request made, in roster order. */
    private static Map<String, String> defaults(BadgeApi api, String requestId) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>();
        students(api, requestId).forEach(s -> defaults.put(s.path("username").asText(), s.path("defaultPassword").asText(null)));
        return defaults;
    }

    /** The students of the school in the defaults view, every page: all of them, or those the request did (when given). */
    private static List<JsonNode> students(BadgeApi api, String requestId) throws Exception {
        List<JsonNode> students = new ArrayList<>();
        int total;
        do {
            BadgeApi.Answer page = api.get("students?school=" + SCHOOL + (requestId == null ? "" : "&request=" + requestId)
                    + "&max=1000&first=" + students.size());
            assertEquals(200, page.status(), page::toString);
            total = page.json().path("total").asInt();
            int before = students.size();
            page.json().path("students").forEach(students::add);
            if (students.size() == before) {
                break;
            }
        } while (students.size() < total);
        return students;
    }

    private static ClusterNode.View awaitView(ClusterNode node, int members) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ClusterNode.View view = node.view();
        while (view.size() != members && System.nanoTime() < deadline) {
            Thread.sleep(500);
            view = node.view();
        }
        assertEquals(members, view.size(), () -> node + " sees " + node.tail(20));
        return view;
    }

    private static String printed(BadgeApi.Answer sheet) throws Exception {
        assertEquals(200, sheet.status(), sheet::toString);
        List<String> payloads = BadgePdfDecoder.payloads(sheet.bytes());
        assertEquals(1, payloads.size());
        return payloads.get(0);
    }

    private static void assertSignsIn(ClusterNode node, String payload, String username) throws Exception {
        JsonNode id = Badges.login(node.realmUrl(), payload);
        assertEquals(username, id.path("preferred_username").asText(), id::toString);
        assertEquals("badge", id.path("k12_login_method").asText(), id::toString);
    }

    private static void assertPasswordSignsIn(ClusterNode node, String username, String password) throws Exception {
        Oidc app = new Oidc(node.realmUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        Browser browser = new Browser();
        JsonNode id = Oidc.claims(app.exchange(app.codeFrom(IdentifierFirst.login(browser, browser.get(app.authorizationUrl()),
                username, password))).path("id_token").asText());
        assertEquals(username, id.path("preferred_username").asText(), id::toString);
    }

    private static String token(ClusterNode node, String username) throws Exception {
        return Badges.accessToken(node.realmUrl(), username, DemoRealm.PASSWORD);
    }

    private static BadgeApi staff(ClusterNode node, String username, String resource) throws Exception {
        return new BadgeApi(node.url(), DemoRealm.NAME, resource, token(node, username));
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
