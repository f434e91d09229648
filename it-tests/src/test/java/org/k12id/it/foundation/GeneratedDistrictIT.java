package org.k12id.it.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.it.support.Browser;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.IdentifierFirst;
import org.k12id.it.support.K12ServerConfig;
import org.k12id.it.support.Oidc;
import org.k12id.realmconfig.district.DistrictGenerator;
import org.k12id.realmconfig.district.DistrictLoader;
import org.k12id.realmconfig.district.DistrictSpec;
import org.k12id.realmconfig.district.LoadJournal;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given a generated district loaded into the running demo realm")
class GeneratedDistrictIT {

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    @DisplayName("the loader adds every generated person once, and a generated student signs in with the generated password")
    void loadAndSignIn() throws Exception {
        DistrictSpec spec = new DistrictSpec(7, "901", "Loader Test Schools", 70, 10, 40, 6_000_000_001L,
                "Gen3rated-pass", 25);
        Path dir = Files.createTempDirectory("k12-district");
        List<Path> files = new DistrictGenerator(spec).write(dir);
        DistrictLoader loader = new DistrictLoader(URI.create(urls.getBase()), DemoRealm.NAME, "admin", "admin");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        // stopped after the groups and the first users file
        long added = loader.load(files.subList(0, 2), 2, quiet, LoadJournal.open(dir));
        // run again: goes on with the files the journal does not list, and posts no other
        ByteArrayOutputStream resumed = new ByteArrayOutputStream();
        added += loader.load(files, 2, new PrintStream(resumed, true, StandardCharsets.UTF_8), LoadJournal.open(dir));
        String posted = resumed.toString(StandardCharsets.UTF_8);
        assertFalse(posted.contains(files.get(1).getFileName().toString()), "posted again: " + posted);
        assertTrue(posted.contains(files.get(files.size() - 1).getFileName() + ": added "), posted);

        List<UserRepresentation> students = realm.admin().users().searchByAttributes(0, 1000, true, false,
                "psuCode:901 gradeLevel:4");
        assertTrue(students.size() >= 4, "70 students over 16 grades: at least 4 in grade 4, got " + students.size());
        long people = realm.admin().users().searchByAttributes(0, 1000, true, true, "psuCode:901").size();
        assertTrue(added > people, "groups and people were added: " + added + " for " + people + " people");
        assertEquals(70, realm.admin().users().searchByAttributes(0, 1000, true, true, "psuCode:901").stream()
                .filter(u -> u.getUsername().startsWith("6")).count());

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertEquals(0, loader.load(files, 2, new PrintStream(again, true, StandardCharsets.UTF_8), LoadJournal.open(dir)));
        assertEquals("", again.toString(StandardCharsets.UTF_8), "a finished load posts nothing when run again");
        // stopped after the server took the last file but before the journal said so: posted again, nobody added twice
        List<String> lines = Files.readAllLines(dir.resolve("loaded.txt"));
        Files.write(dir.resolve("loaded.txt"), lines.subList(0, lines.size() - 1));
        String last = lines.get(lines.size() - 1).split(" ")[0];
        ByteArrayOutputStream inFlight = new ByteArrayOutputStream();
        assertEquals(0, loader.load(files, 2, new PrintStream(inFlight, true, StandardCharsets.UTF_8), LoadJournal.open(dir)));
        assertTrue(inFlight.toString(StandardCharsets.UTF_8).matches("(?s)[^\\n]*/" + last + ": added 0, skipped [1-9].*"),
                inFlight.toString(StandardCharsets.UTF_8));
        assertEquals(70, realm.admin().users().searchByAttributes(0, 1000, true, true, "psuCode:901").stream()
                .filter(u -> u.getUsername().startsWith("6")).count());
        assertEquals(files.size(), LoadJournal.open(dir).files(), "the journal lists every file");

        Oidc app = new Oidc(realm.getBaseUrl(), DemoRealm.PUBLIC_APP, null, DemoRealm.PUBLIC_APP_REDIRECT);
        Browser browser = new Browser();
        Browser.Page done = IdentifierFirst.login(browser, browser.get(app.authorizationUrl()),
                students.get(0).getUsername(), "Gen3rated-pass");
        JsonNode id = Oidc.claims(app.exchange(app.codeFrom(done)).get("id_token").asText());
        assertEquals("4", id.get("gradeLevel").asText());
        assertEquals("901", id.get("psuCode").get(0).asText());
    }
}
