package com.syncdesk.conflict;

import com.syncdesk.operator.Operator;
import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.TimestampedEntity;
import com.syncdesk.syncstate.ResolutionStrategy;
import com.syncdesk.syncstate.SyncState;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One conflicting field of a sync state, open until an operator or a rule resolves it. */
@Entity
@Table(name = "conflict_resolutions")
@DynamicUpdate
public class ConflictResolution extends TimestampedEntity {

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "sync_metadata_id", nullable = false)
    private SyncState syncState;

    @Convert(converter = ConflictType.Converter.class)
    @Column(name = "conflict_type", nullable = false, length = 50)
    private EnumValue<ConflictType> conflictType;

    @Column(name = "field_name", length = 100)
    private String fieldName;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "local_value")
    private String localValue;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "remote_value")
    private String remoteValue;

    @Convert(converter = ResolutionStrategy.Converter.class)
    @Column(name = "resolution_strategy", nullable = false, length = 50)
    private EnumValue<ResolutionStrategy> resolutionStrategy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "resolved_value")
    private String resolvedValue;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "resolved_by")
    private Operator resolvedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "is_resolved", nullable = false)
    private boolean resolved;

    @Column(name = "resolution_notes", columnDefinition = "text")
    private String resolutionNotes;

    @Version
    @Column(name = "row_version", nullable = false)
    private int rowVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "base_value")
    private String baseValue;

    public SyncState getSyncState() {
        return syncState;
    }

    public void setSyncState(SyncState syncState) {
        this.syncState = syncState;
    }

    public EnumValue<ConflictType> getConflictType() {
        return conflictType;
    }

    public void setConflictType(ConflictType conflictType) {
        this.conflictType = conflictType == null ? null : EnumValue.of(conflictType);
    }

    public String getFieldName() {
        return fieldName;
    }

    public void setFieldName(String fieldName) {
        this.fieldName = fieldName;
    }

    /** Raw JSON text as stored. */
    public String getLocalValue() {
        return localValue;
    }

    public void setLocalValue(String localValue) {
        this.localValue = localValue;
    }

    /** Raw JSON text as stored. */
    public String getRemoteValue() {
        return remoteValue;
    }

    public void setRemoteValue(String remoteValue) {
        this.remoteValue = remoteValue;
    }

    public EnumValue<ResolutionStrategy> getResolutionStrategy() {
        return resolutionStrategy;
    }

    public void setResolutionStrategy(ResolutionStrategy resolutionStrategy) {
        this.resolutionStrategy = resolutionStrategy == null ? null : EnumValue.of(resolutionStrategy);
    }

    /** Raw JSON text as stored. */
    public String getResolvedValue() {
        return resolvedValue;
    }

    public void setResolvedValue(String resolvedValue) {
        this.resolvedValue = resolvedValue;
    }

    public Operator getResolvedBy() {
        return resolvedBy;
    }

    public void setResolvedBy(Operator resolvedBy) {
        this.resolvedBy = resolvedBy;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public void setResolvedAt(Instant resolvedAt) {
        this.resolvedAt = resolvedAt;
    }

    public boolean isResolved() {
        return resolved;
    }

    public void setResolved(boolean resolved) {
        this.resolved = resolved;
    }

    public String getResolutionNotes() {
        return resolutionNotes;
    }

    public void setResolutionNotes(String resolutionNotes) {
        this.resolutionNotes = resolutionNotes;
    }

    /** Raw JSON text as stored. */
    public String getBaseValue() {
        return baseValue;
    }

    public void setBaseValue(String baseValue) {
        this.baseValue = baseValue;
    }
    public int getRowVersion() {
        return rowVersion;
    }
}
