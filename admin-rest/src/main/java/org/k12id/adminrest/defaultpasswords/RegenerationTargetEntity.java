package org.k12id.adminrest.defaultpasswords;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * One student a request targets, recorded when the request starts: the request then works through exactly these
 * students in id order, {@value RegenerationWorker#CHUNK} at a time, through the primary key alone. The rows go when
 * the request completes.
 */
@Entity
@Table(name = "K12_REGEN_TARGET")
@IdClass(RegenerationTargetEntity.Key.class)
public class RegenerationTargetEntity {

    @Id
    @Column(name = "REQUEST_ID", length = 36)
    private String requestId;

    @Id
    @Column(name = "USER_ID", length = 36)
    private String userId;

    public String getRequestId() { return requestId; }
    public void setRequestId(String requestId) { this.requestId = requestId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }

    /** The primary key. */
    public static class Key implements Serializable {
        private String requestId;
        private String userId;

        public Key() {
        }

        public Key(String requestId, String userId) {
            this.requestId = requestId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(requestId, other.requestId) && Objects.equals(userId, other.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(requestId, userId);
        }
    }
}
