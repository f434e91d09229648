package org.k12id.adminrest.claims;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.k12id.adminrest.http.Answers;
import org.k12id.adminrest.staff.StaffScope;
import org.k12id.authenticators.claim.ClaimConfig;
import org.k12id.authenticators.claim.GuardianCodes;
import org.k12id.domain.K12Attributes;
import org.k12id.domain.K12Roles;
import org.k12id.domain.claim.ClaimCode;
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
 * old code stops working. The code is in no answer, log or event.
 */
public final class ClaimsResource {

    static final String EVENT_RESOURCE = "K12_CLAIM_CODE";
    private static final Logger LOG = Logger.getLogger(ClaimsResource.class);

    /** A code was sent: to whom, and until when it works (epoch milliseconds). */
    public record Sent(String userId, long expiresAt) {
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
            return Answers.conflict("codes_off", "k12.claim.guardianCodeDays",
                    "The realm's setting for how long claim codes last is not a number of days from 1 to 90.");
        }
        String code = GuardianCodes.issue(session, realm, guardian, days);
        try {
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(guardian)
                    .send("k12ClaimCodeSubject", List.of(realmName()), "k12-claim-code.ftl",
                            new HashMap<>(Map.of("code", ClaimCode.display(code), "days", days))); // Keycloak adds to it
        } catch (EmailException e) {
            // nothing changes: the old code, if any, keeps working (the message names the mail server's refusal, no code)
            LOG.warnf("A claim code email to a guardian could not be sent: %s", e.getMessage());
            session.getTransactionManager().setRollbackOnly();
            return Answers.json(Response.Status.BAD_GATEWAY, new Answers.Refusal("email_failed", null, null, null,
                    "The email could not be sent: check the realm's email settings (Realm settings, Email)."));
        }
        adminEvent.resource(EVENT_RESOURCE).operation(OperationType.ACTION)
                .resourcePath("k12-claims", "guardians", guardian.getId(), "code")
                .detail("k12_action", "claim_code_sent").success();
        long expiresAt = GuardianCodes.issuedAndExpiry(guardian).map(times -> times[1]).orElse(0L);
        return Answers.ok(new Sent(guardian.getId(), expiresAt));
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

    private String realmName() {
        return realm.getDisplayName() != null && !realm.getDisplayName().isBlank() ? realm.getDisplayName() : realm.getName();
    }
}
