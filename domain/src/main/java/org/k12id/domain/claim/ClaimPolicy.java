package org.k12id.domain.claim;

import java.util.List;
import java.util.Optional;

/**
 * The ways a person proves who they are to claim an account (docs/data-model.md, "Ways in", 3), in the order the claim
 * page offers them. Each names the details it asks for, as the form's field names.
 */
public enum ClaimPolicy {

    /** LEA Student: student UID, grade level (only grades 6 to 12 claim), birthdate, PSU code. */
    STUDENT("lea-student", List.of(ClaimField.UID, ClaimField.GRADE, ClaimField.BIRTHDATE, ClaimField.PSU)),
    /** LEA Employee: staff UID, birthdate, PSU code. */
    EMPLOYEE("lea-employee", List.of(ClaimField.UID, ClaimField.BIRTHDATE, ClaimField.PSU)),
    /** Parent or Guardian: the claim code the service emailed, and that email address. */
    GUARDIAN("guardian", List.of(ClaimField.CODE, ClaimField.EMAIL));

    private final String id;
    private final List<ClaimField> fields;

    ClaimPolicy(String id, List<ClaimField> fields) {
        this.id = id;
        this.fields = fields;
    }

    /** The policy's id in forms and events: {@code lea-student}, {@code lea-employee}, {@code guardian}. */
    public String id() {
        return id;
    }

    public List<ClaimField> fields() {
        return fields;
    }

    public static Optional<ClaimPolicy> byId(String id) {
        for (ClaimPolicy policy : values()) {
            if (policy.id.equals(id)) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }
}
