package org.k12id.adminrest.badges;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.k12id.adminrest.roster.Roster;
import org.k12id.adminrest.staff.StaffScope;
import org.k12id.adminrest.staff.StudentBatches;
import org.k12id.adminrest.staff.StudentDirectory;
import org.k12id.authenticators.badge.BadgeConfig;
import org.k12id.authenticators.badge.BadgeIssuer;
import org.k12id.authenticators.badge.BadgeOptOuts;
import org.k12id.domain.K12Attributes;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Prints badges: a student without a usable badge gets one issued, a student with one gets the same badge again (or,
 * to renew, a new one that voids the old). New badges are issued first, in batches of {@value StudentBatches#SIZE} students, each
 * batch in its own short transaction (one long transaction over a thousand students makes the database layer re-check
 * every student it holds at each write: minutes instead of seconds). Then the PDF is drawn, students turned into
 * badges one at a time, so memory does not grow with the class beyond the PDF itself. If drawing fails after
 * issuing, the students keep their new badges: printing again prints those same badges.
 */
final class BadgePrinting {


    /** The printed PDF and what it took. */
    record Printed(byte[] pdf, int count, int issued, Set<String> psus, Set<String> schools) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final StudentDirectory directory;
    private final BadgeConfig config;

    BadgePrinting(KeycloakSession session, RealmModel realm, StudentDirectory directory) {
        this.session = session;
        this.realm = realm;
        this.directory = directory;
        this.config = BadgeConfig.forRealm(realm);
    }

    /** Whether badges are on for this student: enabled, in the badge step's grades, and not opted out by the PSU. */
    boolean allowed(UserModel student) {
        Set<Integer> optedOut = BadgeOptOuts.of(realm, student.getFirstAttribute(K12Attributes.PSU_CODE));
        return config.eligibility().allows(student.isEnabled(), student.getFirstAttribute(K12Attributes.GRADE_LEVEL), optedOut);
    }

    /** The same, for a student read through the roster. */
    boolean allowed(Roster.Student student) {
        Set<Integer> optedOut = BadgeOptOuts.of(realm, student.psu());
        return config.eligibility().allows(student.enabled(), student.grade() == null ? null : String.valueOf(student.grade()), optedOut);
    }

    Printed print(List<UserModel> students, GroupModel printedClass, SheetLayout layout, Paper paper, boolean renew)
            throws IOException {
        Set<String> psus = new TreeSet<>();
        Set<String> schools = new TreeSet<>();
        List<String> toIssue = students.stream()
                .filter(student -> renew || BadgeIssuer.reprint(session, realm, student, config).isEmpty())
                .map(UserModel::getId).toList();
        Map<String, BadgeIssuer.Issued> issued = issueInBatches(toIssue);
        Iterator<UserModel> each = students.iterator();
        Iterator<BadgeCard> cards = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return each.hasNext();
            }

            @Override
            public BadgeCard next() {
                UserModel student = each.next();
                BadgeIssuer.Issued badge = issued.containsKey(student.getId()) ? issued.get(student.getId())
                        : BadgeIssuer.reprint(session, realm, student, config)
                                .orElseThrow(() -> new IllegalStateException("a badge changed while printing"));
                String school = student.getFirstAttribute(K12Attributes.SCHOOL_CODE);
                psus.add(String.valueOf(student.getFirstAttribute(K12Attributes.PSU_CODE)));
                schools.add(String.valueOf(school));
                return new BadgeCard(badge.payload(), StudentDirectory.fullName(student), directory.schoolName(school),
                        classLine(student, printedClass), LocalDate.ofInstant(Instant.ofEpochMilli(badge.issuedAt()), ZoneId.systemDefault()),
                        badge.version());
            }
        };
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        int count = BadgeSheet.render(cards, layout, paper, pdf);
        return new Printed(pdf.toByteArray(), count, issued.size(), psus, schools);
    }

    /** Issues new badges for these students, a batch per transaction; their payloads by student id. */
    private Map<String, BadgeIssuer.Issued> issueInBatches(List<String> ids) {
        Map<String, BadgeIssuer.Issued> issued = new HashMap<>();
        StudentBatches.forEach(session, realm, ids, (batch, batchRealm, student) ->
                issued.put(student.getId(), BadgeIssuer.issue(batch, batchRealm, student)));
        return issued;
    }

    /** "g3-5-jones · Taylor Jones": the printed class, else the student's first class; empty when in none. */
    String classLine(UserModel student, GroupModel printedClass) {
        GroupModel group = printedClass != null ? printedClass
                : StudentDirectory.classesOf(student).stream().findFirst().orElse(null);
        if (group == null) {
            return "";
        }
        String teacher = directory.teacherName(group);
        return teacher.isEmpty() ? StaffScope.className(group) : StaffScope.className(group) + " \u00b7 " + teacher;
    }
}
