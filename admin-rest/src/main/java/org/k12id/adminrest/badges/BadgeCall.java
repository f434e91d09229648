package org.k12id.adminrest.badges;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.Response;

import org.k12id.adminrest.http.Answers;
import org.k12id.adminrest.staff.StaffScope;
import org.k12id.domain.K12GroupAttributes;
import org.k12id.domain.PsuCode;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.storage.UserStoragePrivateUtil;

/**
 * One call to {@code k12-badges}: the session, realm, caller and event builder every part of the API needs, and what
 * they share: the caller's scope, the admin event of a change, and looking up the ids a request names.
 */
record BadgeCall(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {

    static final int MAX_ID_LENGTH = 64;
    static final String EVENT_RESOURCE = "K12_BADGES";

    /** The caller's realm roles, PSUs and classes, read afresh on every call. */
    StaffScope scope() {
        return StaffScope.of(session, realm, auth);
    }

    /**
     * Why a print or void stops before any student is read: the caller changes nobody's badges (403), or the body is
     * malformed (400 naming the field); null when it may go on.
     */
    static Response refusal(StaffScope scope, BadgeRequest.Parsed parsed) {
        if (!scope.changesAnything()) {
            return forbidden();
        }
        return parsed.problem() == null ? null : Answers.badRequest(parsed.problem().field(), parsed.problem().message());
    }

    static Response forbidden() {
        return Answers.forbidden("You have no students to show, or may not change them");
    }

    /** The admin event of a print, void or opt-out change: who, which PSU, school or class and how many students. */
    void event(OperationType operation, String action, Set<String> psus, Set<String> schools, GroupModel group, long count,
               Map<String, String> more) {
        AdminEventBuilder event = adminEvent.resource(EVENT_RESOURCE).operation(operation)
                .resourcePath("k12-badges", action)
                .detail("k12_action", action)
                .detail("k12_psu", String.join(",", psus))
                .detail("k12_school", String.join(",", schools))
                .detail("k12_count", String.valueOf(count));
        if (group != null) {
            event.detail("k12_class", StaffScope.className(group)).detail("k12_class_id", group.getId());
        }
        more.forEach(event::detail);
        event.success();
    }

    /**
     * A user straight from the database, read only: a print of chosen students does not fill the user cache (badges
     * are then written through the cache, in StudentBatches, so that every node drops its copy). Null for an id that
     * names nobody or cannot be an id.
     */
    UserModel userById(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return null;
        }
        try {
            return UserStoragePrivateUtil.userLocalStorage(session).getUserById(realm, id);
        } catch (RuntimeException unreadableId) {
            return null;
        }
    }

    GroupModel groupById(String id) {
        if (id == null || id.length() > MAX_ID_LENGTH) {
            return null;
        }
        try {
            return session.groups().getGroupById(realm, id);
        } catch (RuntimeException unreadableId) {
            return null;
        }
    }

    /** The PSU group's display name, or the code. */
    String psuName(String psu) {
        return session.groups().getTopLevelGroupsStream(realm).filter(group -> group.getName().equals(PsuCode.groupName(psu)))
                .findFirst().map(group -> group.getFirstAttribute(K12GroupAttributes.DISPLAY_NAME)).orElse(psu);
    }
}
