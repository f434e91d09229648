package org.k12id.adminrest.defaultpasswords;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One "Regenerate Student Default Passwords" request, durable in Keycloak's own database so that every node reports it,
 * one node at a time works on it, and a restart finds it where it stopped. The form's fields as submitted, the
 * request's status, its exact counts, and the cursor (the last student id done) it resumes from.
 */
@Entity
@Table(name = "K12_REGEN_REQUEST")
@NamedQueries({
        @NamedQuery(name = "k12RegenByPsu", query = "select r from RegenerationRequestEntity r where r.realmId = :realmId "
                + "and r.psuCode = :psuCode order by r.createdAt desc"),
        @NamedQuery(name = "k12RegenUnfinished", query = "select r from RegenerationRequestEntity r "
                + "where r.status in ('queued', 'running') order by r.createdAt"),
})
public class RegenerationRequestEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Version
    @Column(name = "VERSION")
    private int version;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "PSU_CODE", length = 3, nullable = false)
    private String psuCode;

    /** Comma-separated campus codes; empty for every school of the PSU. */
    @Column(name = "CAMPUS_CODES", length = 2000)
    private String campusCodes;

    /** Comma-separated grade codes; empty for every grade. */
    @Column(name = "GRADE_LEVELS", length = 200)
    private String gradeLevels;

    @Column(name = "RESET_PASSWORDS", nullable = false)
    private boolean resetPasswords;

    @Column(name = "FORCE_CHANGE", nullable = false)
    private boolean forceChange;

    @Column(name = "COMMENTS", length = 2000)
    private String comments;

    @Column(name = "REQUESTER_ID", length = 36, nullable = false)
    private String requesterId;

    @Column(name = "REQUESTER_USERNAME", length = 255, nullable = false)
    private String requesterUsername;

    /** queued, running, completed, failed or interrupted. */
    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;

    @Column(name = "TARGETED", nullable = false)
    private int targeted;

    @Column(name = "REGENERATED", nullable = false)
    private int regenerated;

    @Column(name = "RESET_COUNT", nullable = false)
    private int resetCount;

    @Column(name = "FAILED", nullable = false)
    private int failed;

    /** The id of the last student whose change committed; students are worked in id order. */
    @Column(name = "CURSOR_USER_ID", length = 36)
    private String cursorUserId;

    /** The node working on the request, and when it last said so: a stale claim may be taken over. */
    @Column(name = "OWNER_NODE", length = 255)
    private String ownerNode;

    @Column(name = "HEARTBEAT_AT")
    private Long heartbeatAt;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "STARTED_AT")
    private Long startedAt;

    @Column(name = "FINISHED_AT")
    private Long finishedAt;

    @Column(name = "FAILURE", length = 1000)
    private String failure;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public int getVersion() { return version; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getPsuCode() { return psuCode; }
    public void setPsuCode(String psuCode) { this.psuCode = psuCode; }
    public String getCampusCodes() { return campusCodes; }
    public void setCampusCodes(String campusCodes) { this.campusCodes = campusCodes; }
    public String getGradeLevels() { return gradeLevels; }
    public void setGradeLevels(String gradeLevels) { this.gradeLevels = gradeLevels; }
    public boolean isResetPasswords() { return resetPasswords; }
    public void setResetPasswords(boolean resetPasswords) { this.resetPasswords = resetPasswords; }
    public boolean isForceChange() { return forceChange; }
    public void setForceChange(boolean forceChange) { this.forceChange = forceChange; }
    public String getComments() { return comments; }
    public void setComments(String comments) { this.comments = comments; }
    public String getRequesterId() { return requesterId; }
    public void setRequesterId(String requesterId) { this.requesterId = requesterId; }
    public String getRequesterUsername() { return requesterUsername; }
    public void setRequesterUsername(String requesterUsername) { this.requesterUsername = requesterUsername; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public int getTargeted() { return targeted; }
    public void setTargeted(int targeted) { this.targeted = targeted; }
    public int getRegenerated() { return regenerated; }
    public void setRegenerated(int regenerated) { this.regenerated = regenerated; }
    public int getResetCount() { return resetCount; }
    public void setResetCount(int resetCount) { this.resetCount = resetCount; }
    public int getFailed() { return failed; }
    public void setFailed(int failed) { this.failed = failed; }
    public String getCursorUserId() { return cursorUserId; }
    public void setCursorUserId(String cursorUserId) { this.cursorUserId = cursorUserId; }
    public String getOwnerNode() { return ownerNode; }
    public void setOwnerNode(String ownerNode) { this.ownerNode = ownerNode; }
    public Long getHeartbeatAt() { return heartbeatAt; }
    public void setHeartbeatAt(Long heartbeatAt) { this.heartbeatAt = heartbeatAt; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public Long getStartedAt() { return startedAt; }
    public void setStartedAt(Long startedAt) { this.startedAt = startedAt; }
    public Long getFinishedAt() { return finishedAt; }
    public void setFinishedAt(Long finishedAt) { this.finishedAt = finishedAt; }
    public String getFailure() { return failure; }
    public void setFailure(String failure) { this.failure = failure; }
}
