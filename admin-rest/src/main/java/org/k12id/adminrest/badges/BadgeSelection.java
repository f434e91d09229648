package org.k12id.adminrest.badges;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.k12id.adminrest.http.Answers;
import org.k12id.adminrest.staff.StaffScope;
import org.k12id.adminrest.staff.StudentDirectory;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/**
 * The students a print or void names: chosen ids (every one of them the caller's to change) or a class; or the
 * refusal to answer instead.
 */
record BadgeSelection(List<UserModel> students, GroupModel group, Response refusal) {

    static BadgeSelection of(BadgeCall call, StaffScope scope, StudentDirectory directory, BadgeRequest request) {
        if (request.classId() != null) {
            GroupModel group = call.groupById(request.classId());
            if (group == null || !scope.seesClass(group)) {
                return refused(Answers.notFound("classId", "No such class among yours"));
            }
            if (!scope.changesClass(group)) {
                return refused(BadgeCall.forbidden());
            }
            return new BadgeSelection(directory.classMembers(group), group, null);
        }
        List<UserModel> students = new ArrayList<>();
        boolean readOnly = false;
        for (String id : request.userIds()) {
            UserModel student = call.userById(id);
            if (student == null || !scope.sees(student)) {
                // the same answer whether the account is missing, not a student or not the caller's
                return refused(Answers.notFound("userIds", "No such student among yours"));
            }
            readOnly |= !scope.changes(student);
            students.add(student);
        }
        return readOnly ? refused(BadgeCall.forbidden()) : new BadgeSelection(students, null, null);
    }

    private static BadgeSelection refused(Response refusal) {
        return new BadgeSelection(null, null, refusal);
    }
}
