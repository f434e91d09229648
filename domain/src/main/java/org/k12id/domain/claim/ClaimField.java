package org.k12id.domain.claim;

/** A detail the claim page asks for; its form field is {@code k12_claim_<name>}. */
public enum ClaimField {
    UID("uid", 32),
    GRADE("grade", 3),
    BIRTHDATE("birthdate", 10),
    PSU("psu", 3),
    CODE("code", 32),
    EMAIL("email", 254);

    private final String name;
    private final int maxLength;

    ClaimField(String name, int maxLength) {
        this.name = name;
        this.maxLength = maxLength;
    }

    /** The field's name in the form, without the {@code k12_claim_} prefix, and in message keys. */
    public String fieldName() {
        return name;
    }

    /** The longest value that can be right (longer values are refused unread, like any wrong detail). */
    public int maxLength() {
        return maxLength;
    }
}
