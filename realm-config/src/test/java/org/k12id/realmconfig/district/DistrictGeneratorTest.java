package org.k12id.realmconfig.district;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.k12id.domain.CampusCode;
import org.k12id.domain.GradeLevel;
import org.k12id.domain.claim.Birthdate;

class DistrictGeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static DistrictSpec spec(int students, long seed) {
        return new DistrictSpec(seed, "900", "Test", students, 25, 200, 5_000_000_001L, "Tarheel2026", 100);
    }

    @Test
    @DisplayName("the same spec and seed write the same files, byte for byte; another seed writes other names")
    void sameSpecAndSeedWriteTheSameBytes(@TempDir Path a, @TempDir Path b, @TempDir Path c) throws IOException {
        List<Path> first = new DistrictGenerator(spec(1000, 42)).write(a);
        List<Path> second = new DistrictGenerator(spec(1000, 42)).write(b);
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(Files.readAllBytes(first.get(i)), Files.readAllBytes(second.get(i)), first.get(i).toString());
        }
        List<Path> other = new DistrictGenerator(spec(1000, 43)).write(c);
        assertNotEquals(Files.readString(first.get(1)), Files.readString(other.get(1)));
    }

    @Test
    @DisplayName("N students spread over every grade -3..12, in batches, each in a class of their school")
    void studentsAndClasses(@TempDir Path dir) throws IOException {
        List<Path> files = new DistrictGenerator(spec(1001, 1)).write(dir);
        Set<String> classes = new HashSet<>();
        collectClasses(JSON.readTree(files.get(0).toFile()).path("groups").get(0), "", classes);

        Map<String, Integer> perGrade = new HashMap<>();
        Set<String> usernames = new HashSet<>();
        int teachers = 0;
        for (Path file : files.subList(1, files.size())) {
            JsonNode users = JSON.readTree(file.toFile()).path("users");
            assertTrue(users.size() <= 100, "batch size");
            for (JsonNode user : users) {
                assertTrue(usernames.add(user.path("username").asText()), "unique usernames");
                String role = user.path("realmRoles").get(0).asText();
                if (role.equals("student")) {
                    String grade = user.path("attributes").path("gradeLevel").get(0).asText();
                    assertTrue(GradeLevel.isValid(grade));
                    perGrade.merge(grade, 1, Integer::sum);
                    String school = user.path("attributes").path("schoolCode").get(0).asText();
                    assertTrue(CampusCode.belongsTo(school, "900"));
                    String group = user.path("groups").get(0).asText();
                    assertTrue(classes.contains(group), group);
                    assertTrue(group.startsWith("/psu-900/" + school + "/"), group);
                    assertEquals(user.path("username").asText(), user.path("attributes").path("studentNumber").get(0).asText());
                } else if (role.equals("teacher")) {
                    teachers++;
                }
                // every student and employee can claim the account: a birthdate as the claim page takes it
                assertTrue(Birthdate.parse(user.path("attributes").path("dateOfBirth").path(0).asText()).isPresent(),
                        user::toString);
            }
        }
        assertEquals(1001, perGrade.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(16, perGrade.size(), "grades -3..12");
        assertTrue(perGrade.values().stream().allMatch(n -> n == 62 || n == 63), perGrade.toString());
        assertEquals(classes.size(), teachers, "one teacher per class");
    }

    @Test
    @DisplayName("a password credential is pre-hashed with Argon2id; the password itself is nowhere in the files")
    void credentialIsHashed(@TempDir Path dir) throws IOException {
        List<Path> files = new DistrictGenerator(spec(20, 5)).write(dir);
        String users = Files.readString(files.get(1));
        assertTrue(!users.contains("Tarheel2026"), "no clear-text password");
        JsonNode credential = JSON.readTree(users).path("users").get(0).path("credentials").get(0);
        JsonNode data = JSON.readTree(credential.path("credentialData").asText());
        assertEquals("argon2", data.path("algorithm").asText());
        assertEquals("id", data.path("additionalParameters").path("type").get(0).asText());
    }

    @Test
    @DisplayName("bad specs are refused with the name of the bad value")
    void badSpecs() {
        assertThrows(IllegalArgumentException.class, () -> spec(0, 1));
        IllegalArgumentException psu = assertThrows(IllegalArgumentException.class,
                () -> new DistrictSpec(1, "9x", "x", 10, 25, 100, 1, "p", 10));
        assertTrue(psu.getMessage().startsWith("psu"));
        IllegalArgumentException schools = assertThrows(IllegalArgumentException.class,
                () -> new DistrictGenerator(new DistrictSpec(1, "900", "x", 20_000, 1, 1, 1, "p", 10)).write(Path.of("target/never")));
        assertTrue(schools.getMessage().contains("school-size"));
    }

    private static void collectClasses(JsonNode group, String parent, Set<String> paths) {
        String path = parent + "/" + group.path("name").asText();
        if (group.path("subGroups").isEmpty() && path.split("/").length == 4) {
            paths.add(path);
        }
        for (JsonNode child : group.path("subGroups")) {
            collectClasses(child, path, paths);
        }
    }
}
