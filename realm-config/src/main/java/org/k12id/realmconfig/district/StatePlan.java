package org.k12id.realmconfig.district;

import java.util.ArrayList;
import java.util.List;

/**
 * A state-sized realm: {@code psus} PSUs of {@code studentsPerPsu} students each, their codes consecutive from
 * {@code firstPsu} (e.g. 40 PSUs from 501: 501 to 540), each generated like one district ({@link DistrictSpec}) with its
 * own seed ({@code seed + i}) and its own range of student numbers, so no two PSUs share a username. The first PSUs of
 * a larger plan are the same, byte for byte, as a smaller plan's: a 4-PSU realm is the first tenth of the 40-PSU one.
 */
public record StatePlan(long seed, String firstPsu, int psus, int studentsPerPsu, long firstStudentNumber,
                        int classSize, int schoolSize, String password, int batchSize) {

    public static final int MAX_PSUS = 100;

    public StatePlan {
        if (firstPsu == null || !firstPsu.matches("[0-9]{3}")) {
            throw new IllegalArgumentException("psu must be 3 digits for a state (codes follow it)");
        }
        if (psus < 1 || psus > MAX_PSUS) {
            throw new IllegalArgumentException("psus must be between 1 and " + MAX_PSUS);
        }
        if (Integer.parseInt(firstPsu) + psus - 1 > 999) {
            throw new IllegalArgumentException("psu codes would pass 999: start lower or use fewer PSUs");
        }
        if (studentsPerPsu < 1 || (long) studentsPerPsu * psus > DistrictSpec.MAX_STUDENTS) {
            throw new IllegalArgumentException("students per PSU times PSUs must be between 1 and "
                    + DistrictSpec.MAX_STUDENTS);
        }
    }

    /** The districts of the plan, in load order; each is checked as {@link DistrictSpec} checks one. */
    public List<DistrictSpec> districts() {
        List<DistrictSpec> districts = new ArrayList<>(psus);
        for (int i = 0; i < psus; i++) {
            String code = String.format("%03d", Integer.parseInt(firstPsu) + i);
            districts.add(new DistrictSpec(seed + i, code, "Generated PSU " + code, studentsPerPsu, classSize,
                    schoolSize, firstStudentNumber + (long) i * studentsPerPsu, password, batchSize));
        }
        return districts;
    }

    /** The folder of one PSU's files inside the state's folder. */
    public static String folder(DistrictSpec district) {
        return "psu-" + district.psuCode();
    }
}
