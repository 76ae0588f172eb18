package com.syncdesk.syncstate;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

/**
 * The legacy model of {@code sync_metadata}: the columns as they were before migration 7. Kept so
 * code written against it keeps working; new code uses {@link SyncState}, which maps the same rows.
 */
@Entity
@Table(name = "sync_metadata")
@DynamicUpdate
public class SyncMetadata extends SyncRecord {
}
