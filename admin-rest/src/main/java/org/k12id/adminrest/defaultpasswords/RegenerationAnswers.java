package org.k12id.adminrest.defaultpasswords;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code k12-default-passwords} answers, as JSON records (refusals are
 * {@link org.k12id.adminrest.http.Answers.Refusal}). Absent values are written as {@code null}, never left out.
 */
public final class RegenerationAnswers {

    private RegenerationAnswers() {
    }

    /** A regeneration request as its requester sees it: what was asked, its status and its counts. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Request(String id, String status, String psuCode, List<String> campusCodes, List<String> gradeLevels,
                          boolean resetPasswords, boolean forceChange, boolean forceEffective, String comments,
                          String requester, Counts counts, long createdAt, Long startedAt, Long finishedAt, String failure) {

        static Request of(RegenerationRequestEntity request) {
            return new Request(request.getId(), request.getStatus(), request.getPsuCode(),
                    RegenerationForm.list(request.getCampusCodes()), RegenerationForm.list(request.getGradeLevels()),
                    request.isResetPasswords(), request.isForceChange(), request.isResetPasswords() && request.isForceChange(),
                    request.getComments(), request.getRequesterUsername(),
                    new Counts(request.getTargeted(), request.getRegenerated(), request.getResetCount(), request.getFailed()),
                    request.getCreatedAt(), request.getStartedAt(), request.getFinishedAt(), request.getFailure());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Counts(int targeted, int regenerated, int reset, int failed) {
    }

    /** A PSU's latest requests, newest first. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record History(String psu, List<Request> requests) {
    }

    /** A student and their default password (null when they have none); {@code grade} is the grade code. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DefaultsRow(String id, String username, String firstName, String lastName, String school, String grade,
                              String defaultPassword) {
    }
}
