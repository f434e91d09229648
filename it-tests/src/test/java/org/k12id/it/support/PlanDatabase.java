package org.k12id.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A state-sized copy of the suite's database on its PostgreSQL ({@link PostgresSuite}), for query plans: the schema
 * exactly as Keycloak's and the pack's Liquibase changelogs made it (copied with {@code pg_dump --schema-only}), filled
 * by {@code k12-plans/state.sql} with {@code students} students and the rows around them, then vacuumed and analysed.
 * The suite's own database is not touched. {@link #close()} drops the copy.
 */
public final class PlanDatabase implements AutoCloseable {

    public static final String NAME = "k12_plans";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;

    private PlanDatabase(Connection connection) {
        this.connection = connection;
    }

    /** Copies the suite database's schema into a new database and fills it with a state of {@code students} students. */
    public static PlanDatabase create(int students) throws Exception {
        if (students % 20_000 != 0) {
            throw new IllegalArgumentException("students: a multiple of 20,000 (40 PSUs of 10 schools), not " + students);
        }
        try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + NAME);
            sql.execute("CREATE DATABASE " + NAME);
        }
        Path schema = Files.createTempFile("k12-plans-schema", ".sql");
        try {
            client(List.of("pg_dump", "--schema-only", "--no-owner", "-f", schema.toString(), PostgresSuite.database()));
            client(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", schema.toString(), NAME));
        } finally {
            Files.deleteIfExists(schema);
        }
        Connection connection = connect(NAME);
        try (Statement sql = connection.createStatement(); InputStream state = PlanDatabase.class.getResourceAsStream("/k12-plans/state.sql")) {
            sql.execute(new String(state.readAllBytes(), StandardCharsets.UTF_8).replace("@STUDENTS@", String.valueOf(students)));
            sql.execute("VACUUM ANALYZE");
        } catch (Exception e) {
            connection.close();
            throw e;
        }
        return new PlanDatabase(connection);
    }

    /** A query as the server sends it ({@code $1}, {@code $2}, ...), with the values to run it with. */
    public record Query(String name, String sql, List<Object> parameters) {

        /** {@code $n, $n+1, ...} for a list of {@code count} values starting at {@code $n}, as Hibernate writes an IN list. */
        public static String list(int from, int count) {
            return IntStream.range(from, from + count).mapToObj(i -> "$" + i).collect(Collectors.joining(","));
        }
    }

    /** One plan: PostgreSQL's own JSON and the same plan as text, as {@code EXPLAIN (ANALYZE, BUFFERS)} prints it. */
    public record Plan(Query query, boolean generic, JsonNode json, String text) {

        /** Every node of the plan, depth first. */
        public List<JsonNode> nodes() {
            List<JsonNode> nodes = new ArrayList<>();
            collect(json.path(0).path("Plan"), nodes);
            return nodes;
        }

        public double executionMillis() {
            return json.path(0).path("Execution Time").asDouble();
        }

        public boolean jit() {
            return json.path(0).has("JIT");
        }

        private static void collect(JsonNode node, List<JsonNode> nodes) {
            nodes.add(node);
            node.path("Plans").forEach(child -> collect(child, nodes));
        }
    }

    /**
     * The plan the server gets for the query, run for real ({@code EXPLAIN ANALYZE}): {@code generic} false for the plan
     * made for these values (the JDBC driver's first executions), true for the plan made once for any values (what
     * PostgreSQL may switch to after the driver has prepared the statement on the server).
     */
    public Plan explain(Query query, boolean generic) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("SET plan_cache_mode = " + (generic ? "force_generic_plan" : "force_custom_plan"));
            sql.execute("PREPARE k12_plan AS " + query.sql());
            try {
                String execute = "EXECUTE k12_plan(" + query.parameters().stream().map(PlanDatabase::literal)
                        .collect(Collectors.joining(", ")) + ")";
                JsonNode json = JSON.readTree(single(sql, "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + execute));
                StringBuilder text = new StringBuilder();
                try (ResultSet rows = sql.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + execute)) {
                    while (rows.next()) {
                        text.append(rows.getString(1)).append('\n');
                    }
                }
                return new Plan(query, generic, json, text.toString());
            } catch (IOException unreadable) {
                throw new IllegalStateException("PostgreSQL's JSON plan could not be read", unreadable);
            } finally {
                sql.execute("DEALLOCATE k12_plan");
                sql.execute("RESET plan_cache_mode");
            }
        }
    }

    /** The first column of the query's rows. */
    public List<String> column(String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** Rows and size of the tables that hold anything, largest first, for the record. */
    public String tables() throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(
                "SELECT relname, n_live_tup, pg_size_pretty(pg_total_relation_size(relid)) FROM pg_stat_user_tables"
                        + " WHERE n_live_tup > 0 ORDER BY n_live_tup DESC")) {
            while (rows.next()) {
                out.append(String.format("%-24s %,10d rows %10s%n", rows.getString(1), rows.getLong(2), rows.getString(3)));
            }
        }
        return out.toString();
    }

    @Override
    public void close() throws Exception {
        connection.close();
        try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + NAME);
        }
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String literal(Object value) {
        return value instanceof Number ? value.toString() : "'" + value.toString().replace("'", "''") + "'";
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(PostgresSuite.jdbcUrl(database), PostgresSuite.user(), PostgresSuite.password());
    }

    /** Runs a PostgreSQL client (pg_dump, psql) of the installed version against the suite's server. */
    private static void client(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        full.add(Postgres.binaries().resolve(command.get(0)).toString());
        full.addAll(List.of("-h", PostgresSuite.host(), "-p", String.valueOf(PostgresSuite.port()), "-U", PostgresSuite.user()));
        full.addAll(command.subList(1, command.size()));
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", PostgresSuite.password());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " failed:\n" + out);
        }
    }
}
