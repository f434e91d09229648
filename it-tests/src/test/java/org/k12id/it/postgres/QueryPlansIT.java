package org.k12id.it.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.k12id.it.support.Badges;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.PlanDatabase;
import org.k12id.it.support.PlanDatabase.Plan;
import org.k12id.it.support.PlanDatabase.Query;
import org.k12id.it.support.PostgresSuite;
import org.k12id.it.support.TestUsers;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The query plans of the pack's hot queries on PostgreSQL, at a state's size: the queries a teacher's class list, an
 * administrator's pages, the default passwords and a regeneration send (and Keycloak's own per login), as Hibernate
 * sends them, each planned and run ({@code EXPLAIN ANALYZE}) in a copy of the schema filled with
 * {@value #DEFAULT_STUDENTS} students ({@code -Dk12.plans.students=200000} for the figures in docs/data-model.md). Each
 * must be read through the index named here, never by reading a large table whole, with the plan made for its values
 * and with the generic plan PostgreSQL may switch to for a statement the driver prepared. The plans are written to
 * {@code target/k12-query-plans.txt}. So that the queries checked stay the ones the pack sends, one test drives the
 * views on the real server with PostgreSQL logging every statement and finds each of them in its log.
 */
@Tag("postgres")
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given the suite on PostgreSQL and a state of students in a copy of its schema")
class QueryPlansIT {

    static final int DEFAULT_STUDENTS = 20_000;
    private static final String ROSTER_ROW = "select re1_0.USER_ID,re1_0.REALM_ID,re1_0.PSU,re1_0.SCHOOL,re1_0.GRADE,re1_0.LAST_KEY,"
            + "re1_0.FIRST_KEY,re1_0.USERNAME from K12_ROSTER re1_0 where ";
    private static final String PAGE = " offset $%d rows fetch first $%d rows only";
    /** Tables a state fills: none of them may be read whole by a hot query. */
    private static final Set<String> LARGE = Set.of("k12_roster", "k12_default_password", "k12_regen_target", "user_entity",
            "user_attribute", "user_role_mapping", "user_group_membership", "credential", "keycloak_group");
    /** A PSU's rows, where their order does not matter (a count, a bitmap): either index led by realm and PSU serves. */
    private static final String PSU_INDEX = "idx_k12_roster_psu|idx_k12_roster_psu_grade";
    /**
     * A request's students among a PSU's: found by the request's index, or (the generic plan) the PSU's page read in order
     * and each checked by its default's primary key, which stops after the page.
     */
    private static final String REQUEST_INDEX = "idx_k12_default_password_req|pk_k12_default_password";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The server's own URLs, and the demo realm the views are driven in. */
    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    /**
     * A checked query: what it is, as the server sends it, with values from the state, and the indexes its plan must use
     * ({@code a|b}: either).
     */
    private record Checked(Query query, boolean pack, List<String> indexes, boolean inIndexOrder) {
    }

    private static Checked pack(String name, String sql, List<Object> parameters, String... indexes) {
        return new Checked(new Query(name, sql, parameters), true, List.of(indexes), false);
    }

    /** A page read straight from its index in roster order: no sort. */
    private static Checked ordered(String name, String sql, List<Object> parameters, String index) {
        return new Checked(new Query(name, sql, parameters), true, List.of(index), true);
    }

    private static Checked keycloak(String name, String sql, List<Object> parameters, String... indexes) {
        return new Checked(new Query(name, sql, parameters), false, List.of(indexes), false);
    }

    private static List<Object> values(Object... values) {
        return List.of(values);
    }

    private static List<Object> values(List<Object> first, List<String> list, Object... after) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(list);
        all.addAll(List.of(after));
        return all;
    }

    /** The values the queries are run with: PSU 120's first page, a class of PSU 120, requests, people of PSU 100. */
    private record Values(List<String> page, String classId, List<String> members, String request, String running,
                          List<String> psuPeople, String username) {

        static Values of(PlanDatabase db) throws Exception {
            List<String> page = db.column("SELECT user_id FROM k12_roster WHERE realm_id = 'plans' AND psu = '120'"
                    + " ORDER BY realm_id, psu, last_key, first_key, username LIMIT 50");
            String classId = db.column("SELECT m.group_id FROM user_group_membership m JOIN k12_roster r ON r.user_id = m.user_id"
                    + " WHERE r.psu = '120' ORDER BY m.group_id LIMIT 1").get(0);
            return new Values(page, classId, db.column("SELECT user_id FROM user_group_membership WHERE group_id = '" + classId + "'"),
                    db.column("SELECT md5('request12025')::uuid::text").get(0), db.column("SELECT md5('request10026')::uuid::text").get(0),
                    db.column("SELECT user_id FROM user_attribute WHERE name = 'psuCode' AND value = '100' ORDER BY user_id LIMIT 100"),
                    db.column("SELECT username FROM user_entity WHERE id = '" + page.get(0) + "'").get(0));
        }

        /** Stand-ins, for the queries' texts alone. */
        static Values texts() {
            return new Values(List.of("p"), "c", List.of("m"), "r", "r", List.of("u"), "n");
        }
    }

    /** The hot queries, as the server sends them, with these values. */
    private static List<Checked> queries(Values v) {
        List<String> page = v.page();
        String classId = v.classId();
        List<String> members = v.members();
        String request = v.request();
        String running = v.running();
        List<String> psuPeople = v.psuPeople();
        String student = page.get(0);
        String username = v.username();
        int n = page.size();
        String ids = Query.list(1, n);
        String inClass = "re1_0.USER_ID in (select ugme1_0.USER_ID from USER_GROUP_MEMBERSHIP ugme1_0 where ugme1_0.GROUP_ID in ($2))";
        String ofRequest = "re1_0.USER_ID in (select dpe1_0.USER_ID from K12_DEFAULT_PASSWORD dpe1_0 where dpe1_0.REQUEST_ID=$2)"
                + " and re1_0.PSU in ($3)";
        String both = "(re1_0.USER_ID in (" + Query.list(2, members.size()) + ") or re1_0.PSU in ($" + (members.size() + 2) + "))";
        int afterBoth = members.size() + 3;
        return List.of(
                // a teacher's class list
                pack("teacher's class list: page", ROSTER_ROW + "re1_0.REALM_ID=$1 and " + inClass
                        + " order by re1_0.LAST_KEY,re1_0.FIRST_KEY,re1_0.USERNAME" + PAGE.formatted(3, 4),
                        values("plans", classId, 0, 50), "constraint_user_group", "pk_k12_roster"),
                pack("teacher's class list: total", "select count(*) from K12_ROSTER re1_0 where re1_0.REALM_ID=$1 and " + inClass,
                        values("plans", classId), "constraint_user_group", "pk_k12_roster"),
                // an administrator's first page of a PSU, a school's, a grade's
                ordered("administrator's PSU: first page", ROSTER_ROW + "re1_0.REALM_ID=$1 and re1_0.PSU=$2 order by re1_0.REALM_ID,"
                        + "re1_0.PSU,re1_0.LAST_KEY,re1_0.FIRST_KEY,re1_0.USERNAME" + PAGE.formatted(3, 4),
                        values("plans", "120", 0, 50), "idx_k12_roster_psu"),
                pack("administrator's PSU: total", "select count(*) from K12_ROSTER re1_0 where re1_0.REALM_ID=$1 and re1_0.PSU=$2",
                        values("plans", "120"), PSU_INDEX),
                ordered("administrator's school: first page", ROSTER_ROW + "re1_0.REALM_ID=$1 and re1_0.SCHOOL=$2 and re1_0.PSU=$3"
                        + " order by re1_0.REALM_ID,re1_0.SCHOOL,re1_0.LAST_KEY,re1_0.FIRST_KEY,re1_0.USERNAME" + PAGE.formatted(4, 5),
                        values("plans", "120004", "120", 0, 50), "idx_k12_roster_school"),
                pack("administrator's school: total", "select count(*) from K12_ROSTER re1_0 where re1_0.REALM_ID=$1 and re1_0.SCHOOL=$2"
                        + " and re1_0.PSU=$3", values("plans", "120004", "120"), "idx_k12_roster_school"),
                ordered("administrator's grade: first page", ROSTER_ROW + "re1_0.REALM_ID=$1 and re1_0.GRADE=$2 and re1_0.PSU=$3"
                        + " order by re1_0.REALM_ID,re1_0.PSU,re1_0.GRADE,re1_0.LAST_KEY,re1_0.FIRST_KEY,re1_0.USERNAME" + PAGE.formatted(4, 5),
                        values("plans", 3, "120", 0, 50), "idx_k12_roster_psu_grade"),
                pack("administrator's grade: total", "select count(*) from K12_ROSTER re1_0 where re1_0.REALM_ID=$1 and re1_0.GRADE=$2"
                        + " and re1_0.PSU=$3", values("plans", 3, "120"), "idx_k12_roster_psu_grade"),
                // a teacher who also administers a PSU
                pack("teacher and administrator: the classes' members", "select distinct ugme1_0.USER_ID from USER_GROUP_MEMBERSHIP ugme1_0"
                        + " where ugme1_0.GROUP_ID in ($1)", values(classId), "constraint_user_group"),
                pack("teacher and administrator: page", ROSTER_ROW + "re1_0.REALM_ID=$1 and " + both
                        + " order by re1_0.LAST_KEY,re1_0.FIRST_KEY,re1_0.USERNAME" + PAGE.formatted(afterBoth, afterBoth + 1),
                        values(values("plans"), members, "121", 0, 50), "pk_k12_roster", PSU_INDEX),
                pack("teacher and administrator: total", "select count(*) from K12_ROSTER re1_0 where re1_0.REALM_ID=$1 and " + both,
                        values(values("plans"), members, "121"), "pk_k12_roster", PSU_INDEX),
                // the people of a page, 50 at once
                pack("a page's people: names", "select ue1_0.ID,ue1_0.REALM_ID,ue1_0.USERNAME,ue1_0.FIRST_NAME,ue1_0.LAST_NAME,"
                        + "ue1_0.SERVICE_ACCOUNT_CLIENT_LINK,ue1_0.ENABLED from USER_ENTITY ue1_0 where ue1_0.ID in (" + ids + ")",
                        values(values(), page), "constraint_fb"),
                pack("a page's people: roles", "select urme1_0.USER_ID,urme1_0.ROLE_ID from USER_ROLE_MAPPING urme1_0"
                        + " where urme1_0.USER_ID in (" + ids + ")", values(values(), page), "idx_user_role_mapping"),
                pack("a page's people: attributes", "select uae1_0.USER_ID,uae1_0.NAME,uae1_0.VALUE from USER_ATTRIBUTE uae1_0"
                        + " where uae1_0.USER_ID in (" + ids + ")", values(values(), page), "idx_user_attribute"),
                pack("a page's people: classes", "select ugme1_0.USER_ID,ugme1_0.GROUP_ID from USER_GROUP_MEMBERSHIP ugme1_0"
                        + " where ugme1_0.USER_ID in (" + ids + ")", values(values(), page), "idx_user_group_mapping"),
                pack("a page's people: badges", "select ce1_0.USER_ID,ce1_0.CREDENTIAL_DATA from CREDENTIAL ce1_0"
                        + " where ce1_0.USER_ID in (" + ids + ") and ce1_0.TYPE=$" + (n + 1), values(values(), page, "k12-badge"),
                        "idx_user_credential"),
                pack("a page's people: claimed", "select uae1_0.USER_ID,uae1_0.VALUE from USER_ATTRIBUTE uae1_0"
                        + " where uae1_0.USER_ID in (" + ids + ") and uae1_0.NAME=$" + (n + 1), values(values(), page, "claimed"),
                        "idx_user_attribute"),
                pack("a page's schools' names", "select ge1_0.NAME,ge2_0.NAME,a1_0.VALUE from KEYCLOAK_GROUP ge1_0 join KEYCLOAK_GROUP ge2_0"
                        + " on ge2_0.ID=ge1_0.PARENT_GROUP left join GROUP_ATTRIBUTE a1_0 on ge1_0.ID=a1_0.GROUP_ID and a1_0.NAME=$1"
                        + " where ge2_0.REALM_ID=$2 and ge2_0.PARENT_GROUP=$3 and ge2_0.NAME in ($4) and ge1_0.REALM_ID=$5"
                        + " and ge1_0.NAME in ($6,$7)", values("displayName", "plans", " ", "psu-120", "plans", "120003", "120004"),
                        "sibling_names"),
                // default passwords
                pack("default passwords of a page", "select dpe1_0.USER_ID,dpe1_0.REALM_ID,dpe1_0.KID,dpe1_0.SEALED"
                        + " from K12_DEFAULT_PASSWORD dpe1_0 where dpe1_0.USER_ID in (" + ids + ")", values(values(), page),
                        "pk_k12_default_password"),
                pack("a student's default password", "select dpe1_0.USER_ID,dpe1_0.CREATED_AT,dpe1_0.KID,dpe1_0.REALM_ID,"
                        + "dpe1_0.REQUEST_ID,dpe1_0.SEALED from K12_DEFAULT_PASSWORD dpe1_0 where dpe1_0.USER_ID=$1", values(student),
                        "pk_k12_default_password"),
                pack("students of a request: page", ROSTER_ROW + "re1_0.REALM_ID=$1 and " + ofRequest
                        + " order by re1_0.LAST_KEY,re1_0.FIRST_KEY,re1_0.USERNAME" + PAGE.formatted(4, 5),
                        values("plans", request, "120", 0, 50), REQUEST_INDEX),
                pack("students of a request: total", "select count(*) from K12_ROSTER re1_0 where re1_0.REALM_ID=$1 and " + ofRequest,
                        values("plans", request, "120"), REQUEST_INDEX),
                // a regeneration
                pack("regeneration: the PSU's people", "select distinct uae1_0.USER_ID from USER_ATTRIBUTE uae1_0 where uae1_0.NAME=$1"
                        + " and uae1_0.VALUE=$2", values("psuCode", "100"), "idx_user_attribute_name"),
                pack("regeneration: their accounts, 100 at once", "select ue1_0.ID,ue1_0.REALM_ID,ue1_0.SERVICE_ACCOUNT_CLIENT_LINK"
                        + " from USER_ENTITY ue1_0 where ue1_0.ID in (" + Query.list(1, psuPeople.size()) + ")",
                        values(values(), psuPeople), "constraint_fb"),
                pack("regeneration: the next targets", "select rte1_0.USER_ID from K12_REGEN_TARGET rte1_0 where rte1_0.REQUEST_ID=$1"
                        + " and rte1_0.USER_ID>$2 order by rte1_0.USER_ID fetch first $3 rows only", values(running, "8", 100),
                        "pk_k12_regen_target"),
                pack("regeneration: a PSU's requests", "select rre1_0.ID,rre1_0.CAMPUS_CODES,rre1_0.COMMENTS,rre1_0.CREATED_AT,"
                        + "rre1_0.CURSOR_USER_ID,rre1_0.FAILED,rre1_0.FAILURE,rre1_0.FINISHED_AT,rre1_0.FORCE_CHANGE,rre1_0.GRADE_LEVELS,"
                        + "rre1_0.HEARTBEAT_AT,rre1_0.OWNER_NODE,rre1_0.PSU_CODE,rre1_0.REALM_ID,rre1_0.REGENERATED,rre1_0.REQUESTER_ID,"
                        + "rre1_0.REQUESTER_USERNAME,rre1_0.RESET_COUNT,rre1_0.RESET_PASSWORDS,rre1_0.STARTED_AT,rre1_0.STATUS,"
                        + "rre1_0.TARGETED,rre1_0.VERSION from K12_REGEN_REQUEST rre1_0 where rre1_0.REALM_ID=$1 and rre1_0.PSU_CODE=$2 order by rre1_0.CREATED_AT desc fetch first $3 rows only",
                        values("plans", "120", 20), "idx_k12_regen_psu"),
                // Keycloak's own, per login (a badge login looks the student up by id)
                keycloak("login: the account by username", "select ue1_0.ID,ue1_0.USERNAME from USER_ENTITY ue1_0 where ue1_0.USERNAME=$1"
                        + " and ue1_0.REALM_ID=$2", values(username, "plans"), "uk_ru8tt6t700s9v50bu18ws5ha6"),
                keycloak("login: the account by id", "select ue1_0.ID,ue1_0.USERNAME from USER_ENTITY ue1_0 where ue1_0.ID=$1",
                        values(student), "constraint_fb"),
                keycloak("login: credentials (password, badge)", "select ce1_0.ID,ce1_0.TYPE,ce1_0.SECRET_DATA from CREDENTIAL ce1_0"
                        + " where ce1_0.USER_ID=$1 order by ce1_0.PRIORITY", values(student), "idx_user_credential"),
                keycloak("login: attributes (grade, PSU for badge eligibility)", "select a1_0.USER_ID,a1_0.NAME,a1_0.VALUE"
                        + " from USER_ATTRIBUTE a1_0 where a1_0.USER_ID=$1", values(student), "idx_user_attribute"),
                keycloak("login: roles", "select urme1_0.ROLE_ID from USER_ROLE_MAPPING urme1_0 where urme1_0.USER_ID=$1",
                        values(student), "idx_user_role_mapping"),
                keycloak("claim: a student by number", "select a1_0.USER_ID from USER_ATTRIBUTE a1_0 where a1_0.NAME=$1"
                        + " and a1_0.VALUE=$2", values("studentNumber", username), "idx_user_attribute_name"));
    }

    private static int students() {
        return Integer.getInteger("k12.plans.students", DEFAULT_STUDENTS);
    }

    @Test
    @DisplayName("each hot query is read through its index, with the plan for its values and with the generic plan, without JIT")
    void hotQueriesUseTheirIndexes() throws Exception {
        StringBuilder report = new StringBuilder();
        long started = System.nanoTime();
        try (PlanDatabase db = PlanDatabase.create(students())) {
            report.append("Query plans on PostgreSQL, ").append(String.format("%,d", students())).append(" students (state made in ")
                    .append((System.nanoTime() - started) / 1_000_000_000).append(" s)\n\n").append(db.tables()).append('\n');
            List<String> failures = new ArrayList<>();
            for (Checked checked : queries(Values.of(db))) {
                for (boolean generic : List.of(false, true)) {
                    Plan plan = db.explain(checked.query(), generic);
                    report.append("== ").append(checked.query().name()).append(generic ? " (generic plan)" : "").append('\n')
                            .append(checked.query().sql()).append('\n').append(plan.text()).append('\n');
                    failures.addAll(problems(checked, plan));
                }
            }
            Path file = Path.of("target", "k12-query-plans.txt");
            Files.writeString(file, report.toString(), StandardCharsets.UTF_8);
            assertTrue(failures.isEmpty(), () -> String.join("\n", failures) + "\n(plans in " + file.toAbsolutePath() + ")");
        }
    }

    /** What is wrong with a plan: an index not used, a large table read whole, a sort where the index gives the order, JIT. */
    private static List<String> problems(Checked checked, Plan plan) {
        String which = checked.query().name() + (plan.generic() ? " (generic plan)" : "");
        List<String> problems = new ArrayList<>();
        Set<String> indexes = new LinkedHashSet<>();
        for (JsonNode node : plan.nodes()) {
            if (node.has("Index Name")) {
                indexes.add(node.path("Index Name").asText());
            }
            String relation = node.path("Relation Name").asText();
            if (node.path("Node Type").asText().contains("Seq Scan") && LARGE.contains(relation)) {
                problems.add(which + ": reads " + relation + " whole (" + node.path("Node Type").asText() + ")");
            }
            if (checked.inIndexOrder() && node.path("Node Type").asText().contains("Sort")) {
                problems.add(which + ": sorts instead of reading in the index's order");
            }
        }
        for (String index : checked.indexes()) {
            if (Arrays.stream(index.split("\\|")).noneMatch(indexes::contains)) {
                problems.add(which + ": does not use " + index.replace("|", " or ") + " (uses " + indexes + ")");
            }
        }
        if (plan.jit()) {
            problems.add(which + ": PostgreSQL compiled it with JIT (its cost estimate is that of a large scan)");
        }
        return problems;
    }

    @Test
    @DisplayName("the queries checked are the ones the pack sends: the views, defaults and a regeneration, with every statement logged")
    void checkedQueriesAreThePacks() throws Exception {
        Path log = PostgresSuite.log();
        long from = Files.size(log);
        TestUsers users = new TestUsers(realm.admin());
        logStatements(true);
        try {
            users.createWith("plans-teacher-admin", "Both", "Roles", List.of("employee", "teacher", "lea-administrator"),
                    List.of("/psu-920/920304/prek-garcia"), Map.of("psuCode", List.of("32A")),
                    List.of(TestUsers.passwordSetDaysAgo(DemoRealm.PASSWORD, 0), TestUsers.demoAuthenticatorApp()));
            get("t.garcia", "k12-badges/students?max=50");
            get("plans-teacher-admin", "k12-badges/students?max=50");
            get("lea-admin.32A", "k12-badges/students?max=50");
            get("lea-admin.32A", "k12-badges/students?school=32A000&max=50");
            get("lea-admin.32A", "k12-badges/students?grade=3&max=50");
            get("lea-admin.32A", "k12-default-passwords/students?max=50");
            String id = send("lea-admin.32A", "POST", "k12-default-passwords/requests", "{\"psuCode\":\"32A\"}").path("id").asText();
            JsonNode request = JSON.createObjectNode();
            for (int i = 0; i < 120 && !"completed".equals(request.path("status").asText()); i++) {
                Thread.sleep(500);
                request = get("lea-admin.32A", "k12-default-passwords/requests/" + id);
            }
            assertEquals("completed", request.path("status").asText(), request::toString);
            get("lea-admin.32A", "k12-default-passwords/requests?psu=32A");
            get("lea-admin.32A", "k12-default-passwords/students?request=" + id + "&max=50");
        } finally {
            logStatements(false);
            users.removeAll();
        }
        byte[] bytes = Files.readAllBytes(log);
        Set<String> sent = new LinkedHashSet<>();
        Matcher statement = Pattern.compile("(?:execute [^:]*|statement): (.*)").matcher(
                new String(bytes, (int) Math.min(from, bytes.length), bytes.length - (int) Math.min(from, bytes.length), StandardCharsets.UTF_8));
        while (statement.find()) {
            sent.add(shape(statement.group(1)));
        }
        List<String> missing = queries(Values.texts()).stream().filter(Checked::pack).map(checked -> checked.query().sql())
                .filter(text -> !sent.contains(shape(text))).toList();
        assertTrue(missing.isEmpty(), () -> "the pack no longer sends these checked queries (check the new ones' plans and update"
                + " QueryPlansIT):\n" + String.join("\n", missing) + "\n\nit sent:\n" + String.join("\n", sent.stream()
                .filter(s -> s.contains("K12_") || s.contains("USER_") || s.contains("KEYCLOAK_GROUP")).toList()));
        assertFalse(sent.isEmpty());
    }

    /** A statement's shape: its parameters and IN lists' lengths do not count. */
    private static String shape(String sql) {
        return sql.strip().replaceAll("\\$\\d+(,\\$\\d+)*", "?");
    }

    private void logStatements(boolean on) throws Exception {
        try (Connection connection = DriverManager.getConnection(PostgresSuite.jdbcUrl(PostgresSuite.database()),
                PostgresSuite.user(), PostgresSuite.password()); Statement sql = connection.createStatement()) {
            sql.execute(on ? "ALTER SYSTEM SET log_statement = 'all'" : "ALTER SYSTEM RESET log_statement");
            sql.execute("SELECT pg_reload_conf()");
        }
        Thread.sleep(300); // the server's sessions read the new setting between statements
    }

    private JsonNode get(String username, String path) throws Exception {
        return send(username, "GET", path, null);
    }

    private JsonNode send(String username, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(urls.getBase() + "/admin/realms/" + DemoRealm.NAME + "/" + path))
                .header("Authorization", "Bearer " + Badges.accessToken(realm.getBaseUrl(), username, DemoRealm.PASSWORD))
                .timeout(Duration.ofSeconds(60));
        request = body == null ? request.GET() : request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertTrue(response.statusCode() < 300, () -> method + " " + path + ": " + response.statusCode() + " " + response.body());
        return JSON.readTree(response.body());
    }
}
