package org.k12id.domain;

/**
 * Attributes of the realm's group tree: {@code /psu-920} (a PSU), {@code /psu-920/920304} (a school),
 * {@code /psu-920/920304/g3-5-jones} (a class, whose members are its teacher and its students).
 */
public final class K12GroupAttributes {

    /** PSU, school and class groups: the PSU code. */
    public static final String PSU_CODE = "psuCode";
    /** School and class groups: the campus code. */
    public static final String SCHOOL_CODE = "schoolCode";
    /** PSU and school groups: the name people read ("Pine Elementary School"). */
    public static final String DISPLAY_NAME = "displayName";
    /** Class groups only: the class's name; its presence makes a group a class. */
    public static final String CLASS_NAME = "className";
    /** Class groups: the username(s) of the class's teacher(s). */
    public static final String TEACHER = "teacher";

    private K12GroupAttributes() {
    }
}
