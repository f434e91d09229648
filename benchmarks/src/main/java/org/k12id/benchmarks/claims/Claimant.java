package org.k12id.benchmarks.claims;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One person of the generated district who claims: a student of grade 6 to 12 (policy {@code lea-student}) or an
 * employee ({@code lea-employee}): the account's username and id (null until found), and the details the claim page
 * asks for.
 */
record Claimant(String policy, String username, String uid, String grade, String birthdate, String psu, String userId) {

    static final String STUDENT = "lea-student";
    static final String EMPLOYEE = "lea-employee";

    Claimant withUserId(String id) {
        return new Claimant(policy, username, uid, grade, birthdate, psu, id);
    }

    /** The details as the claim page's form posts them. */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("k12_claim_step", "details");
        fields.put("k12_claim_uid", uid);
        if (STUDENT.equals(policy)) {
            fields.put("k12_claim_grade", grade);
        }
        fields.put("k12_claim_birthdate", birthdate);
        fields.put("k12_claim_psu", psu);
        return fields;
    }
}
