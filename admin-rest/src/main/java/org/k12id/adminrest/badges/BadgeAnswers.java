package org.k12id.adminrest.badges;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code k12-badges} answers, as JSON records (refusals are {@link org.k12id.adminrest.http.Answers.Refusal}).
 * Absent values are written as {@code null}, never left out, so a client sees every field.
 */
public final class BadgeAnswers {

    private BadgeAnswers() {
    }

    /** A badge just issued: its QR payload holds the secret, which is never stored, logged or cached. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Issued(String userId, String payload, int version, long issuedAt) {
    }

    /** Who the caller is to the badge tools. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Me(String username, String name, boolean canPrint, boolean canVoidSchool, boolean canManageOptOuts,
                     List<Psu> psus, List<School> schools, List<ClassEntry> classes, boolean classesBySchool,
                     GradeRange badgeGrades) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Psu(String code, String name) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record School(String code, String name, String psu) {
        static School of(String code, String name) {
            return new School(code, name, code.length() >= 3 ? code.substring(0, 3) : code);
        }
    }

    /** A class: its group id, name, school code and teachers' names. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ClassEntry(String id, String name, String school, String teacher) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record GradeRange(int first, int last) {
    }

    /** One school's classes. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Classes(String school, List<ClassEntry> classes) {
    }

    /** A student as the badge views show them; {@code grade} is the grade code, {@code badge} null when none. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    /** {@code claimed}: false only while the account waits to be claimed ({@code claimed=false}). */
    public record StudentRow(String id, String username, String firstName, String lastName, String school, String schoolName,
                             List<ClassRef> classes, String grade, Badge badge, boolean badgeAllowed, boolean claimed) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ClassRef(String id, String name) {
    }

    /** A badge's version and when it was issued; never its secret. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Badge(int version, long issuedAt) {
    }

    /** How many badges a void ended, among how many students. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Voided(int voided, long students) {
    }

    /** A PSU's opted-out PreK-5 grades. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OptOut(String code, String name, Set<Integer> grades) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OptOuts(List<OptOut> psus, List<Integer> eligibleGrades) {
    }
}
