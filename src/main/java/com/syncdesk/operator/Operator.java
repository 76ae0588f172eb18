package com.syncdesk.operator;

import com.syncdesk.persistence.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

/** A person who acts in SyncDesk: resolves conflicts, retries, migrates. */
@Entity
@Table(name = "operators")
@DynamicUpdate
public class Operator extends TimestampedEntity {

    @Column(name = "username", nullable = false, length = 100)
    private String username;

    @Column(name = "display_name", length = 200)
    private String displayName;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }
}
