package org.k12id.realmconfig.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What can be checked here of the production recipes in {@code deploy/} (no container engine and no Kubernetes on the
 * build machine): {@code deploy/Containerfile} builds on the official Keycloak 26.7.0 image with the pack and
 * PostgreSQL, and every YAML document in {@code deploy/kubernetes/} parses and gives the Keycloak Operator a cluster of
 * two or more nodes on PostgreSQL, whose credentials are in the same files, published only on the paths people need.
 * The guide is {@code docs/production.md}.
 */
@DisplayName("Given the production recipes in deploy/")
class DeployFilesTest {

    static final String KEYCLOAK_IMAGE = "quay.io/keycloak/keycloak:26.7.0";
    static final String OPERATOR_API = "k8s.keycloak.org/v2beta1";

    /** The project's root: the first folder up from the working directory that holds deploy/Containerfile. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/Containerfile"))) {
                return dir;
            }
        }
        throw new IllegalStateException("deploy/Containerfile not found above " + Path.of("").toAbsolutePath());
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("Given every YAML document in deploy/kubernetes/")
    class Kubernetes {

        private final List<JsonNode> documents = new ArrayList<>();
        private JsonNode keycloak;

        @BeforeAll
        void parse() throws IOException {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            List<Path> files;
            try (Stream<Path> listing = Files.list(root().resolve("deploy/kubernetes"))) {
                files = listing.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
            }
            assertFalse(files.isEmpty(), "no YAML file in deploy/kubernetes/");
            for (Path file : files) {
                try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
                    while (docs.hasNext()) {
                        JsonNode doc = docs.next();
                        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                            documents.add(doc);
                        }
                    }
                }
            }
            List<JsonNode> keycloaks = ofKind("Keycloak");
            assertEquals(1, keycloaks.size(), "one Keycloak resource");
            keycloak = keycloaks.get(0);
        }

        private List<JsonNode> ofKind(String kind) {
            return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
        }

        private Optional<JsonNode> named(String kind, String name) {
            return ofKind(kind).stream().filter(d -> name.equals(d.path("metadata").path("name").asText())).findFirst();
        }

        @Test
        @DisplayName("every document names its apiVersion, kind and metadata.name")
        void everyDocumentIsAKubernetesObject() {
            assertTrue(documents.size() >= 5, "the Secret, PostgreSQL's Service and StatefulSet, the Keycloak, the Ingress");
            for (JsonNode doc : documents) {
                for (String field : List.of("apiVersion", "kind")) {
                    assertFalse(doc.path(field).asText().isBlank(), field + " missing in " + doc);
                }
                assertFalse(doc.path("metadata").path("name").asText().isBlank(), "metadata.name missing in " + doc);
            }
        }

        @Test
        @DisplayName("the Keycloak resource is the Operator's " + OPERATOR_API + " API, with two or more instances")
        void keycloakResourceIsAClusterOfTwoOrMore() {
            assertEquals(OPERATOR_API, keycloak.path("apiVersion").asText());
            JsonNode instances = keycloak.path("spec").path("instances");
            assertTrue(instances.isInt(), "spec.instances is a number: " + instances);
            assertTrue(instances.asInt() >= 2, "spec.instances >= 2, not " + instances.asInt());
        }

        @Test
        @DisplayName("its image is the one built from the Containerfile: not the stock image, a tag that starts with 26.7.0, started optimized")
        void imageIsThePackImageOnKeycloak2670() {
            String image = keycloak.path("spec").path("image").asText();
            int slash = image.lastIndexOf('/');
            int colon = image.lastIndexOf(':');
            assertTrue(colon > slash, "spec.image has a tag: " + image);
            String repository = image.substring(0, colon);
            String tag = image.substring(colon + 1);
            assertFalse(repository.equals("quay.io/keycloak/keycloak"), "spec.image is the stock image, without the pack: " + image);
            assertTrue(tag.matches("26\\.7\\.0(-[A-Za-z0-9._-]+)?"), "spec.image's tag is Keycloak 26.7.0's, then the pack's: " + tag);
            assertTrue(keycloak.path("spec").path("startOptimized").asBoolean(false),
                    "spec.startOptimized: true (the image is already built)");
        }

        @Test
        @DisplayName("the database is PostgreSQL, at a Service of these files that listens on its port")
        void databaseIsPostgresAtAServiceOfTheseFiles() {
            JsonNode db = keycloak.path("spec").path("db");
            assertEquals("postgres", db.path("vendor").asText(), "spec.db.vendor");
            String host = db.path("host").asText();
            int port = db.path("port").asInt(5432);
            JsonNode service = named("Service", host)
                    .orElseGet(() -> fail("spec.db.host " + host + " is no Service of deploy/kubernetes/"));
            boolean listens = false;
            for (JsonNode p : service.path("spec").path("ports")) {
                listens |= p.path("port").asInt() == port;
            }
            assertTrue(listens, "Service " + host + " listens on " + port);
            int max = db.path("poolMaxSize").asInt(0);
            assertTrue(max > 0 && db.path("poolInitialSize").asInt() == max && db.path("poolMinSize").asInt() == max,
                    "spec.db pool sizes set and equal (initial = min = max)");
        }

        @Test
        @DisplayName("the database credentials come from a Secret of these files that has both keys, the ones PostgreSQL is created with")
        void credentialsAreInASecretOfTheseFiles() {
            JsonNode db = keycloak.path("spec").path("db");
            for (String which : List.of("usernameSecret", "passwordSecret")) {
                String name = db.path(which).path("name").asText();
                String key = db.path(which).path("key").asText();
                JsonNode secret = named("Secret", name)
                        .orElseGet(() -> fail("spec.db." + which + " names Secret " + name + ", not in deploy/kubernetes/"));
                assertTrue(secret.path("stringData").has(key) || secret.path("data").has(key),
                        "Secret " + name + " has the key " + key);
            }
            JsonNode postgres = ofKind("StatefulSet").stream()
                    .filter(s -> s.path("spec").path("serviceName").asText().equals(db.path("host").asText()))
                    .findFirst().orElseGet(() -> fail("no StatefulSet behind Service " + db.path("host").asText()));
            JsonNode env = postgres.path("spec").path("template").path("spec").path("containers").path(0).path("env");
            assertEquals(db.path("usernameSecret"), secretRef(env, "POSTGRES_USER"), "PostgreSQL's user is Keycloak's");
            assertEquals(db.path("passwordSecret"), secretRef(env, "POSTGRES_PASSWORD"), "PostgreSQL's password is Keycloak's");
        }

        private JsonNode secretRef(JsonNode env, String variable) {
            for (JsonNode e : env) {
                if (variable.equals(e.path("name").asText())) {
                    return e.path("valueFrom").path("secretKeyRef");
                }
            }
            return fail(variable + " not set from a Secret");
        }

        @Test
        @DisplayName("it has an https hostname, reads the proxy's headers, and sets memory and CPU")
        void hostnameProxyAndResources() {
            JsonNode spec = keycloak.path("spec");
            URI hostname = URI.create(spec.path("hostname").path("hostname").asText());
            assertEquals("https", hostname.getScheme(), "spec.hostname.hostname is an https URL: " + hostname);
            assertTrue(List.of("xforwarded", "forwarded").contains(spec.path("proxy").path("headers").asText()),
                    "spec.proxy.headers xforwarded or forwarded");
            for (String bound : List.of("requests", "limits")) {
                assertFalse(spec.path("resources").path(bound).path("memory").asText().isBlank(), "spec.resources." + bound + ".memory");
            }
            assertFalse(spec.path("resources").path("requests").path("cpu").asText().isBlank(), "spec.resources.requests.cpu");
        }

        @Test
        @DisplayName("only the public paths and the pack's staff APIs reach Keycloak: never / or the rest of /admin/")
        void ingressPublishesOnlyWhatPeopleNeed() {
            assertFalse(keycloak.path("spec").path("ingress").path("enabled").asBoolean(true),
                    "spec.ingress.enabled: false (the operator's own Ingress publishes every path)");
            List<JsonNode> ingresses = ofKind("Ingress");
            assertFalse(ingresses.isEmpty(), "an Ingress");
            Pattern allowed = Pattern.compile("/realms/|/resources/|/\\.well-known/"
                    + "|/admin/realms/[^/]+/k12-(badges|default-passwords|claims)/");
            String service = keycloak.path("metadata").path("name").asText() + "-service";
            int paths = 0;
            for (JsonNode ingress : ingresses) {
                assertFalse(ingress.path("spec").path("tls").isEmpty(), "Ingress " + ingress.path("metadata").path("name") + " has TLS");
                for (JsonNode rule : ingress.path("spec").path("rules")) {
                    for (JsonNode path : rule.path("http").path("paths")) {
                        String p = path.path("path").asText();
                        assertTrue(allowed.matcher(p).matches(), "Ingress path " + p + " is not one people need");
                        assertEquals(service, path.path("backend").path("service").path("name").asText(),
                                "Ingress path " + p + " goes to the operator's Service");
                        paths++;
                    }
                }
            }
            assertTrue(paths >= 3, "the realm, resource and staff API paths are published");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("Given deploy/Containerfile")
    class Containerfile {

        /** Instructions, one a line: comments and blank lines left out, continued lines joined. */
        private final List<String> instructions = new ArrayList<>();

        @BeforeAll
        void read() throws IOException {
            StringBuilder current = new StringBuilder();
            for (String line : Files.readAllLines(root().resolve("deploy/Containerfile"), StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                    continue;
                }
                if (trimmed.endsWith("\\")) {
                    current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                } else {
                    instructions.add(current.append(trimmed).toString().strip());
                    current.setLength(0);
                }
            }
        }

        private List<String> starting(String keyword) {
            return instructions.stream().filter(i -> i.toUpperCase().startsWith(keyword + " ")).toList();
        }

        @Test
        @DisplayName("every stage starts from the official " + KEYCLOAK_IMAGE + " image, the first one named builder")
        void stagesStartFromTheOfficialImage() {
            List<String> froms = starting("FROM");
            assertEquals(2, froms.size(), "a builder stage and the runtime image: " + froms);
            for (String from : froms) {
                assertEquals(KEYCLOAK_IMAGE, from.split("\\s+")[1], from);
            }
            assertTrue(froms.get(0).matches("(?i)FROM\\s+\\S+\\s+AS\\s+builder"), "the first stage is named builder: " + froms.get(0));
            assertTrue(instructions.get(0).toUpperCase().startsWith("FROM "), "the file starts with FROM");
        }

        @Test
        @DisplayName("the builder copies the pack JAR into /opt/keycloak/providers/, then runs kc.sh build with --db=postgres")
        void builderCopiesThePackAndBuildsForPostgres() {
            int runtime = instructions.indexOf(starting("FROM").get(1));
            int copy = -1;
            int build = -1;
            for (int i = 0; i < runtime; i++) {
                String instruction = instructions.get(i);
                List<String> words = List.of(instruction.split("\\s+"));
                if (words.get(0).equalsIgnoreCase("COPY") && words.contains("pack/target/k12id-pack-*.jar")
                        && words.get(words.size() - 1).equals("/opt/keycloak/providers/")) {
                    copy = i;
                }
                if (words.get(0).equalsIgnoreCase("RUN") && words.contains("/opt/keycloak/bin/kc.sh") && words.contains("build")) {
                    build = i;
                    assertTrue(instruction.matches(".*\\s--db(=|\\s+)postgres(\\s.*|$)"), "kc.sh build --db=postgres: " + instruction);
                    assertTrue(instruction.contains("--health-enabled=true"), "kc.sh build --health-enabled=true (the operator's probes): "
                            + instruction);
                }
            }
            assertTrue(copy >= 0, "COPY pack/target/k12id-pack-*.jar /opt/keycloak/providers/ in the builder stage");
            assertTrue(build > copy, "kc.sh build in the builder stage, after the pack is copied");
        }

        @Test
        @DisplayName("the runtime image takes the built server from the builder and starts it optimized")
        void runtimeImageStartsTheBuiltServer() {
            int runtime = instructions.indexOf(starting("FROM").get(1));
            List<String> after = instructions.subList(runtime, instructions.size());
            assertTrue(after.contains("COPY --from=builder /opt/keycloak/ /opt/keycloak/"), "COPY --from=builder /opt/keycloak/ /opt/keycloak/");
            assertTrue(after.contains("ENTRYPOINT [\"/opt/keycloak/bin/kc.sh\"]"), "ENTRYPOINT kc.sh");
            assertTrue(after.contains("CMD [\"start\", \"--optimized\"]"), "CMD start --optimized");
        }

        @Test
        @DisplayName("the runtime image sets the README's Argon2 JVM option, the same as tools/bench-server.sh")
        void runtimeImageSetsTheArgon2Option() throws IOException {
            Matcher bench = Pattern.compile("(?m)^ARGON2_INLINE=\"([^\"]+)\"")
                    .matcher(Files.readString(root().resolve("tools/bench-server.sh"), StandardCharsets.UTF_8));
            assertTrue(bench.find(), "ARGON2_INLINE in tools/bench-server.sh");
            String expected = "ENV JAVA_OPTS_APPEND=\"" + bench.group(1) + "\"";
            int runtime = instructions.indexOf(starting("FROM").get(1));
            assertTrue(instructions.subList(runtime, instructions.size()).contains(expected), expected);
        }
    }
}
