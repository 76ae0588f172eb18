package com.syncdesk.history;

import com.syncdesk.operator.Operator;
import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.TimestampedEntity;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.SyncStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One sync run: what it processed, created, updated, deleted and skipped, and how it ended. */
@Entity
@Table(name = "sync_history")
@DynamicUpdate
public class SyncHistory extends TimestampedEntity {

    @Convert(converter = OperationType.Converter.class)
    @Column(name = "operation_type", nullable = false, length = 50)
    private EnumValue<OperationType> operationType;

    @Convert(converter = EntityType.Converter.class)
    @Column(name = "entity_type", length = 50)
    private EnumValue<EntityType> entityType;

    @Column(name = "batch_id", length = 100)
    private String batchId;

    @Column(name = "entities_processed", nullable = false)
    private int entitiesProcessed;

    @Column(name = "entities_created", nullable = false)
    private int entitiesCreated;

    @Column(name = "entities_updated", nullable = false)
    private int entitiesUpdated;

    @Column(name = "entities_deleted", nullable = false)
    private int entitiesDeleted;

    @Column(name = "entities_skipped", nullable = false)
    private int entitiesSkipped;

    @Column(name = "conflicts_detected", nullable = false)
    private int conflictsDetected;

    @Column(name = "conflicts_resolved", nullable = false)
    private int conflictsResolved;

    @Column(name = "api_calls_made", nullable = false)
    private int apiCallsMade;

    @Column(name = "duration_seconds")
    private Double durationSeconds;

    @Convert(converter = SyncStatus.Converter.class)
    @Column(name = "status", nullable = false, length = 20)
    private EnumValue<SyncStatus> status;

    @Column(name = "error_message", columnDefinition = "text")
    private String errorMessage;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sync_details")
    private String syncDetails;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "initiated_by")
    private Operator initiatedBy;

    public EnumValue<OperationType> getOperationType() {
        return operationType;
    }

    public void setOperationType(OperationType operationType) {
        this.operationType = operationType == null ? null : EnumValue.of(operationType);
    }

    public EnumValue<EntityType> getEntityType() {
        return entityType;
    }

    public void setEntityType(EntityType entityType) {
        this.entityType = entityType == null ? null : EnumValue.of(entityType);
    }

    public String getBatchId() {
        return batchId;
    }

    public void setBatchId(String batchId) {
        this.batchId = batchId;
    }

    public int getEntitiesProcessed() {
        return entitiesProcessed;
    }

    public void setEntitiesProcessed(int entitiesProcessed) {
        this.entitiesProcessed = entitiesProcessed;
    }

    public int getEntitiesCreated() {
        return entitiesCreated;
    }

    public void setEntitiesCreated(int entitiesCreated) {
        this.entitiesCreated = entitiesCreated;
    }

    public int getEntitiesUpdated() {
        return entitiesUpdated;
    }

    public void setEntitiesUpdated(int entitiesUpdated) {
        this.entitiesUpdated = entitiesUpdated;
    }

    public int getEntitiesDeleted() {
        return entitiesDeleted;
    }

    public void setEntitiesDeleted(int entitiesDeleted) {
        this.entitiesDeleted = entitiesDeleted;
    }

    public int getEntitiesSkipped() {
        return entitiesSkipped;
    }

    public void setEntitiesSkipped(int entitiesSkipped) {
        this.entitiesSkipped = entitiesSkipped;
    }

    public int getConflictsDetected() {
        return conflictsDetected;
    }

    public void setConflictsDetected(int conflictsDetected) {
        this.conflictsDetected = conflictsDetected;
    }

    public int getConflictsResolved() {
        return conflictsResolved;
    }

    public void setConflictsResolved(int conflictsResolved) {
        this.conflictsResolved = conflictsResolved;
    }

    public int getApiCallsMade() {
        return apiCallsMade;
    }

    public void setApiCallsMade(int apiCallsMade) {
        this.apiCallsMade = apiCallsMade;
    }

    public Double getDurationSeconds() {
        return durationSeconds;
    }

    public void setDurationSeconds(Double durationSeconds) {
        this.durationSeconds = durationSeconds;
    }

    public EnumValue<SyncStatus> getStatus() {
        return status;
    }

    public void setStatus(SyncStatus status) {
        this.status = status == null ? null : EnumValue.of(status);
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public void setErrorMessage(String errorMessage) {
        this.errorMessage = errorMessage;
    }

    /** Raw JSON text as stored. */
    public String getSyncDetails() {
        return syncDetails;
    }

    public void setSyncDetails(String syncDetails) {
        this.syncDetails = syncDetails;
    }

    public Operator getInitiatedBy() {
        return initiatedBy;
    }

    public void setInitiatedBy(Operator initiatedBy) {
        this.initiatedBy = initiatedBy;
    }
}
