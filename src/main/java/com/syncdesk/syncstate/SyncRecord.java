package com.syncdesk.syncstate;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.MappedSuperclass;

import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.TimestampedEntity;

/** The columns of {@code sync_metadata} as migration 4 created them, shared by both entities on that table. */
@MappedSuperclass
public abstract class SyncRecord extends TimestampedEntity {

    @Convert(converter = EntityType.Converter.class)
    @Column(name = "entity_type", nullable = false, length = 50)
    private EnumValue<EntityType> entityType;

    @Column(name = "entity_id", nullable = false, length = 100)
    private String entityId;

    @Column(name = "jira_id", length = 100)
    private String jiraId;

    @Convert(converter = SyncStatus.Converter.class)
    @Column(name = "sync_status", nullable = false, length = 20)
    private EnumValue<SyncStatus> syncStatus = EnumValue.of(SyncStatus.PENDING);

    @Column(name = "last_sync_attempt")
    private Instant lastSyncAttempt;

    @Column(name = "last_successful_sync")
    private Instant lastSuccessfulSync;

    @Column(name = "error_count", nullable = false)
    private int errorCount;

    @Column(name = "last_error", columnDefinition = "text")
    private String lastError;

    @Convert(converter = SyncDirection.Converter.class)
    @Column(name = "sync_direction", nullable = false, length = 20)
    private EnumValue<SyncDirection> syncDirection = EnumValue.of(SyncDirection.BIDIRECTIONAL);

    @Column(name = "sync_batch_id", length = 100)
    private String syncBatchId;

    @Column(name = "content_hash", length = 64)
    private String contentHash;

    @Column(name = "local_modified")
    private Instant localModified;

    @Column(name = "remote_modified")
    private Instant remoteModified;

    public EnumValue<EntityType> getEntityType() {
        return entityType;
    }

    public void setEntityType(EntityType entityType) {
        this.entityType = EnumValue.of(entityType);
    }

    public String getEntityId() {
        return entityId;
    }

    public void setEntityId(String entityId) {
        this.entityId = entityId;
    }

    public String getJiraId() {
        return jiraId;
    }

    public void setJiraId(String jiraId) {
        this.jiraId = jiraId;
    }

    public EnumValue<SyncStatus> getSyncStatus() {
        return syncStatus;
    }

    public void setSyncStatus(SyncStatus syncStatus) {
        this.syncStatus = EnumValue.of(syncStatus);
    }

    public Instant getLastSyncAttempt() {
        return lastSyncAttempt;
    }

    public void setLastSyncAttempt(Instant lastSyncAttempt) {
        this.lastSyncAttempt = lastSyncAttempt;
    }

    public Instant getLastSuccessfulSync() {
        return lastSuccessfulSync;
    }

    public void setLastSuccessfulSync(Instant lastSuccessfulSync) {
        this.lastSuccessfulSync = lastSuccessfulSync;
    }

    public int getErrorCount() {
        return errorCount;
    }

    public void setErrorCount(int errorCount) {
        this.errorCount = errorCount;
    }

    public String getLastError() {
        return lastError;
    }

    public void setLastError(String lastError) {
        this.lastError = lastError;
    }

    public EnumValue<SyncDirection> getSyncDirection() {
        return syncDirection;
    }

    public void setSyncDirection(SyncDirection syncDirection) {
        this.syncDirection = EnumValue.of(syncDirection);
    }

    public String getSyncBatchId() {
        return syncBatchId;
    }

    public void setSyncBatchId(String syncBatchId) {
        this.syncBatchId = syncBatchId;
    }

    public String getContentHash() {
        return contentHash;
    }

    public void setContentHash(String contentHash) {
        this.contentHash = contentHash;
    }

    public Instant getLocalModified() {
        return localModified;
    }

    public void setLocalModified(Instant localModified) {
        this.localModified = localModified;
    }

    public Instant getRemoteModified() {
        return remoteModified;
    }

    public void setRemoteModified(Instant remoteModified) {
        this.remoteModified = remoteModified;
    }
}
