package org.k12id.adminrest.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.k12id.adminrest.http.Answers;
import org.k12id.adminrest.staff.StaffScope;
import org.k12id.authenticators.claim.ClaimConfig;
import org.k12id.authenticators.claim.GuardianCodes;
import org.k12id.authenticators.questions.ChallengeQuestions;
import org.k12id.domain.CampusCode;
import org.k12id.domain.K12Attributes;
import org.k12id.domain.K12Roles;
import org.k12id.domain.claim.ClaimCode;
import org.k12id.domain.claim.Claiming;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/k12-claims}: what LEA administrators do about claiming. {@code POST
 * guardians/{userId}/code} sends an unclaimed parent or guardian linked to a student of the caller's PSU a new claim code
 * by email (through the realm's SMTP settings, the theme's {@code k12-claim-code} email in the guardian's language); the
 * old code stops working. The code is in no answer, log or event. Also a school's guardians, every unclaimed guardian's
 * code at once, a person's claim reset ({@code DELETE users/{userId}/claim}) and their challenge questions cleared
 * ({@code DELETE users/{userId}/challenge-questions}).
 */
public final class ClaimsResource {

    static final String EVENT_RESOURCE = "K12_CLAIM_CODE";
    static final String QUESTIONS_EVENT_RESOURCE = "K12_CHALLENGE_QUESTIONS";
    private static final Logger LOG = Logger.getLogger(ClaimsResource.class);

    /** A code was sent: to whom, and until when it works (epoch milliseconds). */
    public record Sent(String userId, long expiresAt) {
    }

    /** A guardian of a school's students: who, which students, claimed or not, when the current code was sent. */
    public record Guardian(String id, String username, String name, boolean hasEmail, List<String> students,
                           boolean claimed, Long codeSentAt, Long codeExpiresAt) {
    }

    /** The guardians of one school's students. */
    public record Guardians(String school, List<Guardian> guardians) {
    }

    /** Codes sent to a school's unclaimed guardians: how many went, and who had no address or could not be reached. */
    public record SentToSchool(String school, int sent, List<String> noEmail, List<String> failed) {
    }

    /** A claim reset: the person claims again at the next sign-in. */
    public record Reset(String userId, boolean claimed) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    ClaimsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @POST
    @Path("guardians/{userId}/code")
    @Produces(MediaType.APPLICATION_JSON)
    public Response sendCode(@PathParam("userId") String userId) {
        StaffScope scope = StaffScope.of(session, realm, auth);
        if (scope.adminPsus().isEmpty()) {
            return Answers.forbidden("Only an LEA administrator sends claim codes.");
        }
        UserModel guardian = userId == null || userId.length() > 64 ? null : session.users().getUserById(realm, userId);
        if (guardian == null || !isGuardian(guardian) || !linkedTo(guardian, scope.adminPsus())) {
            return Answers.notFound("userId", "No parent or guardian of your PSU's students has this id.");
        }
        if (!GuardianCodes.unclaimedGuardian(realm, guardian)) {
            return Answers.conflict("claimed", "userId", "This account has been claimed already.");
        }
        if (guardian.getEmail() == null || guardian.getEmail().isBlank()) {
            return Answers.conflict("no_email", "userId", "This parent or guardian has no email address to send a code to.");
        }
        int days = ClaimConfig.forRealm(realm).guardianCodeDays();
        if (days <= 0) {
            return codesOff();
        }
        try {
            send(session, realm, guardian, days);
        } catch (EmailException e) {
            // nothing changes: the old code, if any, keeps working (the message names the mail server's refusal, no code)
            LOG.warnf("A claim code email to a guardian could not be sent: %s", e.getMessage());
            return Answers.json(Response.Status.BAD_GATEWAY, new Answers.Refusal("email_failed", null, null, null,
                    "The email could not be sent: check the realm's email settings (Realm settings, Email)."));
        }
        adminEvent.resource(EVENT_RESOURCE).operation(OperationType.ACTION)
                .resourcePath("k12-claims", "guardians", guardian.getId(), "code")
                .detail("k12_action", "claim_code_sent").success();
        long expiresAt = GuardianCodes.issuedAndExpiry(guardian).map(times -> times[1]).orElse(0L);
        return Answers.ok(new Sent(guardian.getId(), expiresAt));
    }

    /**
     * {@code GET guardians?school=920304}: the parents and guardians of the school's students (at most
     * {@value #MAX_STUDENTS} students are looked at), for an LEA administrator of the school's PSU.
     */
    @GET
    @Path("guardians")
    @Produces(MediaType.APPLICATION_JSON)
    public Response guardians(@QueryParam("school") String school) {
        Response refused = refuseSchool(school, "Only an LEA administrator sees guardians.");
        if (refused != null) {
            return refused;
        }
        return Answers.ok(new Guardians(school, guardiansOf(school).values().stream().map(this::describe).toList()));
    }

    /**
     * {@code POST guardians/codes?school=920304}: a new code to every unclaimed guardian of the school's students who
     * has an email address; those without one, and those the mail server refused, are named in the answer.
     */
    @POST
    @Path("guardians/codes")
    @Produces(MediaType.APPLICATION_JSON)
    public Response sendCodesToSchool(@QueryParam("school") String school) {
        Response refused = refuseSchool(school, "Only an LEA administrator sends claim codes.");
        if (refused != null) {
            return refused;
        }
        int days = ClaimConfig.forRealm(realm).guardianCodeDays();
        if (days <= 0) {
            return codesOff();
        }
        int sent = 0;
        List<String> noEmail = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (UserModel guardian : guardiansOf(school).values()) {
            if (!GuardianCodes.unclaimedGuardian(realm, guardian)) {
                continue;
            }
            if (guardian.getEmail() == null || guardian.getEmail().isBlank()) {
                noEmail.add(guardian.getId());
                continue;
            }
            boolean ok;
            try {
                send(session, realm, guardian, days);
                ok = true;
            } catch (EmailException e) {
                LOG.warnf("A claim code email to a guardian could not be sent: %s", e.getMessage());
                ok = false;
            }
            if (ok) {
                sent++;
            } else {
                failed.add(guardian.getId());
            }
        }
        adminEvent.resource(EVENT_RESOURCE).operation(OperationType.ACTION)
                .resourcePath("k12-claims", "guardians", "codes")
                .detail("k12_action", "claim_codes_sent").detail("k12_school", school)
                .detail("k12_count", String.valueOf(sent)).success();
        return Answers.ok(new SentToSchool(school, sent, noEmail, failed));
    }

    /**
     * {@code DELETE users/{userId}/claim}: the account is unclaimed again (its password stays; the person accepts the
     * terms and chooses a password again at the next sign-in). For an LEA administrator of the person's PSU (a student
     * or employee) or of a linked student's PSU (a guardian).
     */
    @DELETE
    @Path("users/{userId}/claim")
    @Produces(MediaType.APPLICATION_JSON)
    public Response resetClaim(@PathParam("userId") String userId) {
        StaffScope scope = StaffScope.of(session, realm, auth);
        if (scope.adminPsus().isEmpty()) {
            return Answers.forbidden("Only an LEA administrator resets a claim.");
        }
        UserModel user = personOfPsu(scope, userId);
        if (user == null) {
            return Answers.notFound("userId", "No student, employee or guardian of your PSU has this id.");
        }
        user.setSingleAttribute(K12Attributes.CLAIMED, "false");
        user.removeAttribute(Claiming.CLAIMED_AT);
        adminEvent.resource(EVENT_RESOURCE).operation(OperationType.UPDATE)
                .resourcePath("k12-claims", "users", user.getId(), "claim")
                .detail("k12_action", "claim_reset").success();
        return Answers.ok(new Reset(user.getId(), false));
    }

    /**
     * {@code DELETE users/{userId}/challenge-questions}: the person's challenge questions are removed and they set new
     * ones at their next sign-in (required action "Set Up Challenge Questions"). For the same LEA administrators as a
     * claim reset. The answer and the admin event name no question.
     */
    @DELETE
    @Path("users/{userId}/challenge-questions")
    @Produces(MediaType.APPLICATION_JSON)
    public Response clearQuestions(@PathParam("userId") String userId) {
        StaffScope scope = StaffScope.of(session, realm, auth);
        if (scope.adminPsus().isEmpty()) {
            return Answers.forbidden("Only an LEA administrator clears challenge questions.");
        }
        UserModel user = personOfPsu(scope, userId);
        if (user == null) {
            return Answers.notFound("userId", "No student, employee or guardian of your PSU has this id.");
        }
        ChallengeQuestions.clear(user);
        user.addRequiredAction(ChallengeQuestions.SET_ACTION);
        adminEvent.resource(QUESTIONS_EVENT_RESOURCE).operation(OperationType.DELETE)
                .resourcePath("k12-claims", "users", user.getId(), "challenge-questions")
                .detail("k12_action", "questions_cleared").success();
        return Answers.ok(new Cleared(user.getId(), true));
    }

    /** The answer to clearing questions: whose, and that they must set new ones. */
    public record Cleared(String userId, boolean mustSetQuestions) {
    }

    /**
     * The student or employee of one of the caller's PSUs, or the guardian linked to a student of one, with this id; null
     * for any other id (unknown, out of scope, malformed), alike.
     */
    private UserModel personOfPsu(StaffScope scope, String userId) {
        UserModel user = userId == null || userId.length() > 64 ? null : session.users().getUserById(realm, userId);
        boolean inScope = user != null && (isGuardian(user) ? linkedTo(user, scope.adminPsus())
                : user.getAttributeStream(K12Attributes.PSU_CODE).anyMatch(scope.adminPsus()::contains)
                        && (scope.isStudent(user) || holds(user, K12Roles.EMPLOYEE)));
        return inScope ? user : null;
    }

    private static final int MAX_STUDENTS = 5000;

    /** The guardians (by id, in name order) linked to a student of the school. */
    private Map<String, UserModel> guardiansOf(String school) {
        RoleModel student = realm.getRole(K12Roles.STUDENT);
        Map<String, UserModel> guardians = new TreeMap<>();
        session.users().searchForUserByUserAttributeStream(realm, K12Attributes.SCHOOL_CODE, school).limit(MAX_STUDENTS)
                .filter(user -> student != null && user.hasRole(student))
                .map(user -> user.getFirstAttribute(K12Attributes.STUDENT_NUMBER)).filter(uid -> uid != null)
                .forEach(uid -> session.users().searchForUserByUserAttributeStream(realm, K12Attributes.GUARDIAN_OF, uid)
                        .filter(this::isGuardian).forEach(guardian -> guardians.put(guardian.getId(), guardian)));
        Map<String, UserModel> byName = new LinkedHashMap<>();
        guardians.values().stream().sorted(Comparator.comparing((UserModel u) -> String.valueOf(u.getLastName()))
                .thenComparing(u -> String.valueOf(u.getFirstName())).thenComparing(UserModel::getUsername))
                .forEach(u -> byName.put(u.getId(), u));
        return byName;
    }

    private Guardian describe(UserModel guardian) {
        List<String> students = guardian.getAttributeStream(K12Attributes.GUARDIAN_OF).limit(50)
                .flatMap(uid -> session.users().searchForUserByUserAttributeStream(realm, K12Attributes.STUDENT_NUMBER, uid).limit(1))
                .map(s -> String.join(" ", Objects.toString(s.getFirstName(), ""), Objects.toString(s.getLastName(), "")).strip())
                .toList();
        Optional<long[]> code = GuardianCodes.issuedAndExpiry(guardian);
        return new Guardian(guardian.getId(), guardian.getUsername(),
                String.join(" ", Objects.toString(guardian.getFirstName(), ""), Objects.toString(guardian.getLastName(), "")).strip(),
                guardian.getEmail() != null && !guardian.getEmail().isBlank(), students,
                !GuardianCodes.unclaimedGuardian(realm, guardian),
                code.map(t -> t[0]).orElse(null), code.map(t -> t[1]).orElse(null));
    }

    /**
     * 403 ({@code forbidden}) for a caller who is no LEA administrator, 400 for a school code that is not one, the same
     * 404 for a school outside the caller's PSUs; null when the caller may act on the school.
     */
    private Response refuseSchool(String school, String forbidden) {
        StaffScope scope = StaffScope.of(session, realm, auth);
        if (scope.adminPsus().isEmpty()) {
            return Answers.forbidden(forbidden);
        }
        if (school == null || !CampusCode.isWellFormed(school)) {
            return Answers.badRequest("school", "school must be a 6-character campus code, such as 920304.");
        }
        if (scope.adminPsus().stream().noneMatch(school::startsWith)) {
            return Answers.notFound("school", "No school of your PSUs has this code.");
        }
        return null;
    }

    private Response codesOff() {
        return Answers.conflict("codes_off", "k12.claim.guardianCodeDays",
                "The realm's setting for how long claim codes last is not a number of days from 1 to 90.");
    }

    private boolean holds(UserModel user, String roleName) {
        RoleModel role = realm.getRole(roleName);
        return role != null && user.hasRole(role);
    }

    private boolean isGuardian(UserModel user) {
        RoleModel role = realm.getRole(K12Roles.GUARDIAN);
        return role != null && user.hasRole(role);
    }

    /** Whether one of the students the guardian is linked to ({@code guardianOf}: their UIDs) is of one of the PSUs. */
    private boolean linkedTo(UserModel guardian, Set<String> psus) {
        RoleModel student = realm.getRole(K12Roles.STUDENT);
        return guardian.getAttributeStream(K12Attributes.GUARDIAN_OF).limit(50)
                .flatMap(uid -> session.users().searchForUserByUserAttributeStream(realm, K12Attributes.STUDENT_NUMBER, uid).limit(2))
                .anyMatch(user -> student != null && user.hasRole(student)
                        && user.getAttributeStream(K12Attributes.PSU_CODE).anyMatch(psus::contains));
    }

    /**
     * Emails the guardian a new code and, once the mail server has taken it, makes it their code (the old one stops
     * working). When the server refuses, nothing changes. The code exists only in this call and the email.
     */
    private static void send(KeycloakSession session, RealmModel realm, UserModel guardian, int days) throws EmailException {
        String code = GuardianCodes.newCode();
        String realmName = realm.getDisplayName() != null && !realm.getDisplayName().isBlank() ? realm.getDisplayName() : realm.getName();
        session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(guardian)
                .send("k12ClaimCodeSubject", List.of(realmName), "k12-claim-code.ftl",
                        new HashMap<>(Map.of("code", ClaimCode.display(code), "days", days))); // Keycloak adds to it
        GuardianCodes.store(session, realm, guardian, code, days);
    }
}
