package org.k12id.domain;

import java.util.List;

/** Realm roles of the domain (docs/data-model.md, "People, roles and attributes"). */
public final class K12Roles {

    public static final String STUDENT = "student";
    public static final String EMPLOYEE = "employee";
    /** An employee who teaches; in the demo realm a composite that includes {@link #EMPLOYEE}. */
    public static final String TEACHER = "teacher";
    public static final String GUARDIAN = "guardian";
    /** Privileged: scoped to the PSU(s) in the holder's {@code psuCode} attribute. */
    public static final String LEA_ADMINISTRATOR = "lea-administrator";
    /** Privileged, read-only: scoped to the PSU(s) in the holder's {@code psuCode} attribute. */
    public static final String LEA_DATA_AUDITOR = "lea-data-auditor";

    public static final List<String> ALL = List.of(STUDENT, EMPLOYEE, TEACHER, GUARDIAN, LEA_ADMINISTRATOR, LEA_DATA_AUDITOR);

    private K12Roles() {
    }
}
