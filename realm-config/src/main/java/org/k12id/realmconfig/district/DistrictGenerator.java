package org.k12id.realmconfig.district;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.k12id.domain.CampusCode;
import org.k12id.domain.K12Attributes;
import org.k12id.domain.K12Roles;
import org.k12id.realmconfig.demo.DemoAuthenticatorApp;

/**
 * Writes a generated district as Keycloak partial-import files ({@code POST /admin/realms/{realm}/partialImport}):
 * {@code 0000-groups.json} with the PSU, its schools and classes, then {@code NNNN-users.json} files of at most
 * {@code batchSize} users each (teachers, students, one lea-administrator and one lea-data-auditor).
 *
 * <p>Streaming: memory does not grow with the number of students. Every user of a generated district has the same
 * password, hashed once with Keycloak's default algorithm, so loading costs no hashing on the server.
 */
public final class DistrictGenerator {

    /** Grade bands and the grades each band's schools teach. */
    static final int[][] BANDS = {{-3, -2, -1, 0, 1, 2, 3, 4, 5}, {6, 7, 8}, {9, 10, 11, 12}};
    static final String[] BAND_NAMES = {"Elementary", "Middle", "High"};

    private static final String[] FIRST = {"Ava", "Liam", "Noah", "Emma", "Sofía", "Mateo", "Olivia", "Elijah", "Amara",
            "Lucas", "Mia", "Ethan", "Zoe", "Diego", "Chloe", "Jayden", "Isabella", "Nia", "Kai", "Harper", "Leo",
            "Aaliyah", "Owen", "Camila", "Caleb", "Layla", "Henry", "Maya", "Jack", "Ruby", "Wyatt", "Elena", "Julian",
            "Naomi", "Ezra", "Valentina", "Isaac", "Hazel", "Miles", "Lucía", "José", "Aisha", "Hiro", "Fatima"};
    private static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "García", "Miller", "Davis",
            "Rodríguez", "Martínez", "Hernández", "López", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson",
            "Martin", "Lee", "Pérez", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young",
            "Allen", "King", "Wright", "Scott", "Nguyen", "Hill", "Green", "Adams", "Baker", "O'Brien", "Okafor",
            "Smith-Jones", "Patel"};

    private final DistrictSpec spec;
    private final JsonFactory json = new JsonFactory();

    public DistrictGenerator(DistrictSpec spec) {
        this.spec = spec;
    }

    /** One school of the district and the grades it teaches, with the number of students per grade. */
    record School(String campusCode, String name, int band, int indexInBand, int schoolsInBand) {
    }

    /** Writes the district into {@code dir} and returns the files written, in load order. */
    public List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<School> schools = schools();
        List<Path> files = new ArrayList<>();
        files.add(writeGroups(dir.resolve("0000-groups.json"), schools));
        try (UserFiles users = new UserFiles(dir, files)) {
            SplittableRandom random = new SplittableRandom(spec.seed());
            byte[] salt = new byte[16];
            for (int i = 0; i < salt.length; i++) {
                salt[i] = (byte) random.nextInt(256);
            }
            Argon2Credential credential = Argon2Credential.of(spec.password(), salt);
            String firstSchool = schools.get(0).campusCode();
            users.next().staff("lea-admin." + spec.psuCode(), "Lee", "Admin", firstSchool, credential,
                    K12Roles.EMPLOYEE, K12Roles.LEA_ADMINISTRATOR);
            users.next().staff("lea-auditor." + spec.psuCode(), "Ari", "Auditor", firstSchool, credential,
                    K12Roles.EMPLOYEE, K12Roles.LEA_DATA_AUDITOR);
            long studentNumber = spec.firstStudentNumber();
            for (School school : schools) {
                for (int grade : BANDS[school.band()]) {
                    int inSchool = studentsIn(school, grade);
                    for (int c = 0; c * spec.classSize() < inSchool; c++) {
                        String cls = className(grade, c);
                        String path = classPath(school.campusCode(), cls);
                        users.next().teacher(teacherName(school.campusCode(), cls), school.campusCode(), path,
                                credential, random);
                        int size = Math.min(spec.classSize(), inSchool - c * spec.classSize());
                        for (int s = 0; s < size; s++) {
                            users.next().student(String.format("%010d", studentNumber++), school.campusCode(), grade,
                                    path, credential, random);
                        }
                    }
                }
            }
        }
        return files;
    }

    List<School> schools() {
        List<School> schools = new ArrayList<>();
        int number = 1;
        for (int band = 0; band < BANDS.length; band++) {
            long inBand = 0;
            for (int grade : BANDS[band]) {
                inBand += studentsInGrade(grade);
            }
            int count = (int) Math.max(1, (inBand + spec.schoolSize() - 1) / spec.schoolSize());
            for (int i = 0; i < count; i++) {
                String campus = spec.psuCode() + String.format("%03d", number++);
                if (!CampusCode.belongsTo(campus, spec.psuCode())) {
                    throw new IllegalArgumentException("too many schools for one PSU: raise school-size");
                }
                schools.add(new School(campus, "Generated " + BAND_NAMES[band] + " School " + (i + 1), band, i, count));
            }
        }
        return schools;
    }

    /** Students are spread evenly over the 16 grades -3..12; the first {@code students % 16} grades get one more. */
    int studentsInGrade(int grade) {
        int index = grade + 3;
        return spec.students() / 16 + (index < spec.students() % 16 ? 1 : 0);
    }

    /** A grade's students are dealt round-robin over the schools of its band. */
    int studentsIn(School school, int grade) {
        int total = studentsInGrade(grade);
        return total / school.schoolsInBand() + (school.indexInBand() < total % school.schoolsInBand() ? 1 : 0);
    }

    static String className(int grade, int index) {
        return (grade < 0 ? "prek" + (-grade) : grade == 0 ? "k" : "g" + grade) + "-" + String.format("%03d", index + 1);
    }

    static String teacherName(String campus, String cls) {
        return "t." + campus.toLowerCase() + "." + cls;
    }

    private String classPath(String campus, String cls) {
        return "/psu-" + spec.psuCode() + "/" + campus + "/" + cls;
    }

    private Path writeGroups(Path file, List<School> schools) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("ifResourceExists", "SKIP");
            g.writeArrayFieldStart("groups");
            g.writeStartObject();
            g.writeStringField("name", "psu-" + spec.psuCode());
            g.writeStringField("path", "/psu-" + spec.psuCode());
            attributes(g, K12Attributes.PSU_CODE, spec.psuCode(), "displayName", spec.psuName());
            g.writeArrayFieldStart("subGroups");
            for (School school : schools) {
                g.writeStartObject();
                g.writeStringField("name", school.campusCode());
                g.writeStringField("path", "/psu-" + spec.psuCode() + "/" + school.campusCode());
                attributes(g, K12Attributes.SCHOOL_CODE, school.campusCode(), K12Attributes.PSU_CODE, spec.psuCode(),
                        "displayName", school.name());
                g.writeArrayFieldStart("subGroups");
                for (int grade : BANDS[school.band()]) {
                    int inSchool = studentsIn(school, grade);
                    for (int c = 0; c * spec.classSize() < inSchool; c++) {
                        String cls = className(grade, c);
                        g.writeStartObject();
                        g.writeStringField("name", cls);
                        g.writeStringField("path", classPath(school.campusCode(), cls));
                        attributes(g, "className", cls, K12Attributes.SCHOOL_CODE, school.campusCode(),
                                K12Attributes.PSU_CODE, spec.psuCode(), "teacher", teacherName(school.campusCode(), cls));
                        g.writeEndObject();
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        return file;
    }

    private static void attributes(JsonGenerator g, String... keyValues) throws IOException {
        g.writeObjectFieldStart("attributes");
        for (int i = 0; i < keyValues.length; i += 2) {
            g.writeArrayFieldStart(keyValues[i]);
            g.writeString(keyValues[i + 1]);
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** The users files: a new file every {@code batchSize} users. */
    private final class UserFiles implements AutoCloseable {
        private final Path dir;
        private final List<Path> files;
        private OutputStream out;
        private JsonGenerator g;
        private int inFile;
        private int staffNumber;

        UserFiles(Path dir, List<Path> files) {
            this.dir = dir;
            this.files = files;
        }

        UserFiles next() throws IOException {
            if (g == null || inFile == spec.batchSize()) {
                close();
                Path file = dir.resolve(String.format("%04d-users.json", files.size()));
                files.add(file);
                out = Files.newOutputStream(file);
                g = json.createGenerator(out, JsonEncoding.UTF8);
                g.writeStartObject();
                g.writeStringField("ifResourceExists", "SKIP");
                g.writeArrayFieldStart("users");
                inFile = 0;
            }
            inFile++;
            return this;
        }

        void staff(String username, String first, String last, String campus, Argon2Credential credential,
                   String... roles) throws IOException {
            String staffId = nextStaffId();
            user(username, first, last, credential, null, roles,
                    K12Attributes.STAFF_ID, staffId, K12Attributes.BIRTHDATE, staffBirthdate(),
                    K12Attributes.PSU_CODE, spec.psuCode(), K12Attributes.SCHOOL_CODE, campus,
                    K12Attributes.CLAIMED, "true");
        }

        void teacher(String username, String campus, String classPath, Argon2Credential credential,
                     SplittableRandom random) throws IOException {
            String staffId = nextStaffId();
            user(username, pick(FIRST, random), pick(LAST, random), credential, classPath,
                    new String[] {K12Roles.TEACHER}, K12Attributes.STAFF_ID, staffId,
                    K12Attributes.BIRTHDATE, staffBirthdate(),
                    K12Attributes.PSU_CODE, spec.psuCode(), K12Attributes.SCHOOL_CODE, campus,
                    K12Attributes.CLAIMED, "true");
        }

        void student(String number, String campus, int grade, String classPath, Argon2Credential credential,
                     SplittableRandom random) throws IOException {
            String birthdate = String.format("%04d%02d%02d", 2020 - grade, 1 + random.nextInt(12), 1 + random.nextInt(28));
            user(number, pick(FIRST, random), pick(LAST, random), credential, classPath,
                    new String[] {K12Roles.STUDENT}, K12Attributes.STUDENT_NUMBER, number,
                    K12Attributes.PSU_CODE, spec.psuCode(), K12Attributes.SCHOOL_CODE, campus,
                    K12Attributes.GRADE_LEVEL, String.valueOf(grade), K12Attributes.BIRTHDATE, birthdate,
                    K12Attributes.CLAIMED, "true");
        }

        private void user(String username, String first, String last, Argon2Credential credential, String group,
                          String[] roles, String... attributes) throws IOException {
            g.writeStartObject();
            g.writeStringField("username", username);
            g.writeBooleanField("enabled", true);
            g.writeStringField("firstName", first);
            g.writeStringField("lastName", last);
            DistrictGenerator.attributes(g, attributes);
            g.writeArrayFieldStart("credentials");
            g.writeStartObject();
            g.writeStringField("type", "password");
            g.writeStringField("secretData", credential.secretData());
            g.writeStringField("credentialData", credential.credentialData());
            g.writeEndObject();
            if (List.of(roles).contains(K12Roles.LEA_ADMINISTRATOR) || List.of(roles).contains(K12Roles.LEA_DATA_AUDITOR)) {
                // the demo realm asks these roles for a second factor: the demo's authenticator app, as its own staff have
                g.writeStartObject();
                for (Map.Entry<String, Object> field : DemoAuthenticatorApp.credential().entrySet()) {
                    g.writeStringField(field.getKey(), String.valueOf(field.getValue()));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("realmRoles");
            for (String role : roles) {
                g.writeString(role);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("groups");
            if (group != null) {
                g.writeString(group);
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        private String nextStaffId() {
            return spec.psuCode() + String.format("%05d", ++staffNumber);
        }

        /**
         * The birthdate of the employee just numbered, from the number alone (so that adding it changed no other
         * generated value): born 1960 to 1999, as "Claim My Account" asks an employee for it.
         */
        private String staffBirthdate() {
            return String.format("%04d%02d%02d", 1960 + staffNumber % 40, 1 + staffNumber % 12, 1 + staffNumber % 28);
        }

        private String pick(String[] names, SplittableRandom random) {
            return names[random.nextInt(names.length)];
        }

        @Override
        public void close() throws IOException {
            if (g != null) {
                g.writeEndArray();
                g.writeEndObject();
                g.close();
                out.close();
                g = null;
            }
        }
    }
}
