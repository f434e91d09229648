package org.k12id.realmconfig.district;

import org.k12id.domain.PsuCode;

/**
 * What to generate: a PSU of {@code students} students in grades -3 to 12, in schools of about {@code schoolSize}
 * students (elementary -3..5, middle 6..8, high 9..12), in classes of at most {@code classSize} students, one teacher
 * per class. The same spec and seed always give the same district, byte for byte.
 */
public record DistrictSpec(long seed, String psuCode, String psuName, int students, int classSize, int schoolSize,
                           long firstStudentNumber, String password, int batchSize) {

    public static final int MAX_STUDENTS = 2_000_000;

    public DistrictSpec {
        if (!PsuCode.isWellFormed(psuCode)) {
            throw new IllegalArgumentException("psu must be 3 digits or upper-case letters");
        }
        if (students < 1 || students > MAX_STUDENTS) {
            throw new IllegalArgumentException("students must be between 1 and " + MAX_STUDENTS);
        }
        if (classSize < 1 || classSize > 500) {
            throw new IllegalArgumentException("class-size must be between 1 and 500");
        }
        if (schoolSize < classSize) {
            throw new IllegalArgumentException("school-size must be at least class-size");
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batch must be between 1 and 10000");
        }
        if (firstStudentNumber < 1 || firstStudentNumber + students > 9_999_999_999L) {
            throw new IllegalArgumentException("student numbers must stay within 10 digits");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty");
        }
    }

    public static DistrictSpec of(int students, long seed) {
        return new DistrictSpec(seed, "900", "Generated County Schools", students, 25, 500, 5_000_000_001L,
                "Tarheel2026", 500);
    }
}
