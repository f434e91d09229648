package org.k12id.adminrest.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One student of a realm in roster order: the pack's own small table, so that the staff views filter, order, page and
 * count in the database through indexes ({@code K12_ROSTER}), instead of reading a whole PSU's users to sort them. A
 * row is kept for every person holding the {@code student} realm role directly; it is derived from the user's own
 * tables and rewritten in the same transaction as every change to them (see {@link RosterListener}).
 */
@Entity
@Table(name = "K12_ROSTER")
public class RosterEntity {

    @Id
    @Column(name = "USER_ID", length = 36)
    private String userId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    /** The PSU code when well-formed, else null (no administrator's scope covers a malformed code). */
    @Column(name = "PSU", length = 3)
    private String psu;

    /** The school code when well-formed, else null. */
    @Column(name = "SCHOOL", length = 6)
    private String school;

    /** The grade level as a number (PK = -1), else null. */
    @Column(name = "GRADE")
    private Integer grade;

    @Column(name = "LAST_KEY", length = RosterRow.KEY_LENGTH, nullable = false)
    private String lastKey;

    @Column(name = "FIRST_KEY", length = RosterRow.KEY_LENGTH, nullable = false)
    private String firstKey;

    @Column(name = "USERNAME", length = 255, nullable = false)
    private String username;

    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getPsu() { return psu; }
    public void setPsu(String psu) { this.psu = psu; }
    public String getSchool() { return school; }
    public void setSchool(String school) { this.school = school; }
    public Integer getGrade() { return grade; }
    public void setGrade(Integer grade) { this.grade = grade; }
    public String getLastKey() { return lastKey; }
    public void setLastKey(String lastKey) { this.lastKey = lastKey; }
    public String getFirstKey() { return firstKey; }
    public void setFirstKey(String firstKey) { this.firstKey = firstKey; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }

    RosterRow row() {
        return new RosterRow(userId, realmId, psu, school, grade, lastKey, firstKey, username);
    }

    void set(RosterRow row) {
        userId = row.userId();
        realmId = row.realmId();
        psu = row.psu();
        school = row.school();
        grade = row.grade();
        lastKey = row.lastKey();
        firstKey = row.firstKey();
        username = row.username();
    }
}
