package org.k12id.adminrest.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A marker row of the roster's upkeep. The changelog that creates the roster inserts {@value RosterBuild#MARKER}; the
 * first node to start after it fills the roster from the existing users while holding this row locked, then deletes
 * it, so the fill runs once for the whole cluster.
 */
@Entity
@Table(name = "K12_ROSTER_STATE")
public class RosterStateEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
}
