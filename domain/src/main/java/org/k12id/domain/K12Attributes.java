package org.k12id.domain;

/** User attributes of the domain (docs/data-model.md, "People, roles and attributes"). */
public final class K12Attributes {

    /** Student: the state student ID (UID); usually also the username. */
    public static final String STUDENT_NUMBER = "studentNumber";
    /** Employee: the staff UID. */
    public static final String STAFF_ID = "staffId";
    /** Everyone but guardians: home PSU; privileged staff: the PSU(s) they administer (multi-valued). */
    public static final String PSU_CODE = "psuCode";
    /** Students: one campus; staff: one or more. */
    public static final String SCHOOL_CODE = "schoolCode";
    /** Student: one of {@link GradeLevel}'s codes. */
    public static final String GRADE_LEVEL = "gradeLevel";
    /**
     * Students and employees: the birthdate (the state's {@code birthdate}, docs/data-model.md), {@code YYYYMMDD}; used only for claiming
     * and never sent to an app. Deliberately not named {@code birthdate}: Keycloak's built-in {@code profile} scope,
     * which every realm has and every OIDC app gets by default, maps a user attribute of that name into the OIDC
     * standard claim {@code birthdate}.
     */
    public static final String BIRTHDATE = "dateOfBirth";
    /** Everyone: {@code true} once the person has claimed the account. */
    public static final String CLAIMED = "claimed";
    /** Guardians: the student UIDs of the students the guardian may follow (multi-valued). */
    public static final String GUARDIAN_OF = "guardianOf";

    private K12Attributes() {
    }
}
