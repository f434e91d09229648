package org.k12id.adminrest.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The staff portal's files")
class PortalFilesTest {

    /** The entry the page loads and the ES modules it imports. */
    private static final List<String> SCRIPTS = List.of("k12-portal.js", "k12-portal-api.js", "k12-portal-badges.js",
            "k12-portal-confirm.js", "k12-portal-dom.js", "k12-portal-header.js", "k12-portal-messages.js",
            "k12-portal-opt-outs.js", "k12-portal-claims.js", "k12-portal-place.js", "k12-portal-regeneration.js",
            "k12-portal-sign-in.js",
            "k12-portal-state.js", "k12-portal-status.js", "k12-portal-students.js");

    private static final List<String> NAMES = Stream.concat(
            Stream.of("index.html", "k12-portal.css", "messages_en.json", "messages_es.json"), SCRIPTS.stream()).toList();

    static List<String> scripts() {
        return SCRIPTS;
    }

    @Nested
    @DisplayName("Given a request for a file")
    class Lookup {

        @ParameterizedTest(name = "\"{0}\" -> {1}, {2}")
        @CsvSource(delimiter = '|', value = {
                "''               | text/html; charset=utf-8        | no-store",
                "index.html       | text/html; charset=utf-8        | no-store",
                "k12-portal.js    | text/javascript; charset=utf-8  | no-cache",
                "k12-portal.css   | text/css; charset=utf-8         | no-cache",
                "messages_en.json | application/json; charset=utf-8 | no-cache",
                "messages_es.json | application/json; charset=utf-8 | no-cache",
        })
        @DisplayName("the allow-listed names are served with their type, charset and cache rule")
        void allowed(String name, String contentType, String cache) {
            PortalFiles.File file = PortalFiles.find(name).orElseThrow();
            assertEquals(contentType, file.contentType());
            assertEquals(cache, file.cacheControl());
            assertTrue(file.resource().startsWith(PortalFiles.FOLDER));
        }

        @ParameterizedTest
        @MethodSource("org.k12id.adminrest.portal.PortalFilesTest#scripts")
        @DisplayName("every script, the entry and each of its modules, is served as JavaScript and checked before each use")
        void script(String name) {
            PortalFiles.File file = PortalFiles.find(name).orElseThrow();
            assertEquals("text/javascript; charset=utf-8", file.contentType());
            assertEquals("no-cache", file.cacheControl());
            assertEquals(PortalFiles.FOLDER + name, file.resource());
        }

        @ParameterizedTest
        @ValueSource(strings = {"..", "../index.html", "..%2Findex.html", "k12-portal/index.html", "INDEX.HTML",
                "index.html ", "messages_fr.json", "META-INF", "/etc/passwd", "index.html%00", ".", "k12-portal.js.map",
                "./k12-portal-api.js", "K12-PORTAL-API.JS", "k12-portal-main.js"})
        @DisplayName("anything else is not a portal file")
        void refused(String name) {
            assertTrue(PortalFiles.find(name).isEmpty(), name);
        }
    }

    @Test
    @DisplayName("every answer forbids framing, inline code, other origins, sniffing and referrers")
    void securityHeaders() {
        String csp = PortalFiles.SECURITY_HEADERS.get("Content-Security-Policy");
        assertEquals("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'", csp);
        assertEquals("nosniff", PortalFiles.SECURITY_HEADERS.get("X-Content-Type-Options"));
        assertEquals("no-referrer", PortalFiles.SECURITY_HEADERS.get("Referrer-Policy"));
    }

    @Test
    @DisplayName("ETags follow the content, and If-None-Match lists and * match them")
    void etags() {
        String etag = PortalFiles.etag("a".getBytes(StandardCharsets.UTF_8));
        assertEquals(etag, PortalFiles.etag("a".getBytes(StandardCharsets.UTF_8)));
        assertFalse(etag.equals(PortalFiles.etag("b".getBytes(StandardCharsets.UTF_8))));
        assertTrue(PortalFiles.matches(etag, etag));
        assertTrue(PortalFiles.matches("\"x\", W/" + etag, etag));
        assertTrue(PortalFiles.matches("*", etag));
        assertFalse(PortalFiles.matches(null, etag));
        assertFalse(PortalFiles.matches("\"x\"", etag));
    }

    @Nested
    @DisplayName("Given the files in the JAR")
    class Contents {

        private final ObjectMapper json = new ObjectMapper();

        @Test
        @DisplayName("every allow-listed file is there")
        void present() throws IOException {
            for (String name : NAMES) {
                assertFalse(read(name).isEmpty(), name);
            }
        }

        @Test
        @DisplayName("the page has no inline script, style or event handler (the CSP would block them)")
        void noInlineCode() throws IOException {
            String html = read("index.html");
            Matcher scripts = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE).matcher(html);
            while (scripts.find()) {
                assertTrue(scripts.group(1).contains("src="), "inline script: " + scripts.group());
            }
            assertFalse(Pattern.compile("<style\\b", Pattern.CASE_INSENSITIVE).matcher(html).find(), "inline <style>");
            assertFalse(Pattern.compile("\\sstyle=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "style attribute");
            assertFalse(Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "event handler attribute");
            assertFalse(Pattern.compile("(src|href)=\"(https?:)?//", Pattern.CASE_INSENSITIVE).matcher(html).find(), "another origin");
        }

        @Test
        @DisplayName("the page loads its entry as an ES module, and every module imported, by a relative name, is served")
        void modulesServed() throws IOException {
            Matcher entry = Pattern.compile("<script type=\"module\" src=\"([^\"]+)\"></script>").matcher(read("index.html"));
            assertTrue(entry.find(), "the page loads its script as a module");
            Pattern imports = Pattern.compile("^import\\b[^;'\"]*['\"]([^'\"]+)['\"];", Pattern.MULTILINE);
            Deque<String> waiting = new ArrayDeque<>(List.of(entry.group(1)));
            Set<String> reached = new TreeSet<>();
            while (!waiting.isEmpty()) {
                String name = waiting.pop();
                if (!reached.add(name)) {
                    continue;
                }
                assertEquals(Optional.of("text/javascript; charset=utf-8"), PortalFiles.find(name).map(PortalFiles.File::contentType),
                        name + " is loaded but not served as a script");
                Matcher imported = imports.matcher(read(name));
                while (imported.find()) {
                    String specifier = imported.group(1);
                    assertTrue(specifier.startsWith("./"), name + " imports " + specifier + ", not by a relative name");
                    waiting.add(specifier.substring(2));
                }
            }
            assertEquals(new TreeSet<>(SCRIPTS), reached, "every script is loaded by the page");
        }

        @Test
        @DisplayName("the scripts write data into the page as text only")
        void noHtmlInjection() throws IOException {
            for (String name : SCRIPTS) {
                String js = read(name);
                for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function")) {
                    assertFalse(js.contains(sink), name + ": " + sink);
                }
            }
        }

        @Test
        @DisplayName("English and Spanish have the same messages, and the Spanish ones are translated")
        void bundlesMatch() throws IOException {
            JsonNode en = json.readTree(read("messages_en.json"));
            JsonNode es = json.readTree(read("messages_es.json"));
            assertEquals(keys(en), keys(es));
            assertEquals("Mis estudiantes (códigos QR) - LEA {codes}", es.path("k12.portal.title.lea").asText());
            assertEquals("Imprimir credenciales", es.path("k12.portal.print.print").asText());
            int same = 0;
            for (String key : keys(en)) {
                assertTrue(key.startsWith("k12.portal."), key);
                assertFalse(es.path(key).asText().isBlank(), key);
                same += en.path(key).asText().equals(es.path(key).asText()) ? 1 : 0;
            }
            assertTrue(same <= 6, "too many messages left in English: " + same);
        }

        @Test
        @DisplayName("every message the page and the script name is in the bundles")
        void everyKeyExists() throws IOException {
            Set<String> known = keys(json.readTree(read("messages_en.json")));
            Set<String> used = new TreeSet<>();
            collect(Pattern.compile("data-i18n=\"([^\"]+)\""), read("index.html"), used);
            for (String name : SCRIPTS) {
                collect(Pattern.compile("'(k12\\.portal\\.[A-Za-z.]+[A-Za-z])'"), read(name), used);
            }
            for (String key : used) {
                boolean counted = known.contains(key + ".one") && known.contains(key + ".other");
                assertTrue(known.contains(key) || counted, "missing message " + key);
            }
            for (int grade = -3; grade <= 0; grade++) {
                assertTrue(known.contains("k12.portal.grade." + grade), "grade " + grade);
            }
        }

        private static void collect(Pattern pattern, String text, Set<String> into) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                into.add(matcher.group(1));
            }
        }

        private static Set<String> keys(JsonNode bundle) {
            Set<String> keys = new TreeSet<>();
            for (Iterator<String> names = bundle.fieldNames(); names.hasNext(); ) {
                keys.add(names.next());
            }
            return keys;
        }

        private static String read(String name) throws IOException {
            PortalFiles.File file = PortalFiles.find(name).orElseThrow();
            try (InputStream in = PortalFilesTest.class.getClassLoader().getResourceAsStream(file.resource())) {
                assertNotNull(in, file.resource());
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
