package org.k12id.adminrest.defaultpasswords;

/** Where a regeneration request stands. */
public enum RegenerationStatus {
    QUEUED, RUNNING, COMPLETED, FAILED, INTERRUPTED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
