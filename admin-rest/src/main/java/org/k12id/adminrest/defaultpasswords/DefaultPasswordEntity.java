package org.k12id.adminrest.defaultpasswords;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A student's default password, sealed (AES-GCM) with the realm's AES key: in the pack's own table, so it is in no
 * stock representation, no realm export and no account console, and only this pack reads it.
 */
@Entity
@Table(name = "K12_DEFAULT_PASSWORD")
public class DefaultPasswordEntity {

    @Id
    @Column(name = "USER_ID", length = 36)
    private String userId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "KID", length = 255, nullable = false)
    private String kid;

    @Column(name = "SEALED", length = 255, nullable = false)
    private String sealed;

    @Column(name = "REQUEST_ID", length = 36)
    private String requestId;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getKid() { return kid; }
    public void setKid(String kid) { this.kid = kid; }
    public String getSealed() { return sealed; }
    public void setSealed(String sealed) { this.sealed = sealed; }
    public String getRequestId() { return requestId; }
    public void setRequestId(String requestId) { this.requestId = requestId; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
}
