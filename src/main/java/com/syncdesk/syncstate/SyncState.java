package com.syncdesk.syncstate;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.syncdesk.persistence.EnumValue;

/**
 * The sync state of one local entity: every column of {@code sync_metadata}, the single source of
 * truth for sync state. {@code row_version} guards against lost updates between operators and workers.
 */
@Entity
@Table(name = "sync_metadata")
@DynamicUpdate
public class SyncState extends SyncRecord {

    @Convert(converter = ResolutionStrategy.Converter.class)
    @Column(name = "resolution_strategy", length = 50)
    private EnumValue<ResolutionStrategy> resolutionStrategy;

    @Column(name = "sync_duration_ms")
    private Integer syncDurationMs;

    @Column(name = "api_calls_count", nullable = false)
    private int apiCallsCount;

    /** Raw JSON as stored: other clients may write text that is not JSON, which must survive untouched. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "conflicts")
    private String conflictsJson;

    @Version
    @Column(name = "row_version", nullable = false)
    private int rowVersion;

    @Convert(converter = FailureKind.Converter.class)
    @Column(name = "failure_kind", length = 20)
    private EnumValue<FailureKind> failureKind;

    /** When a later run tries a failed state again by itself; null when only an operator's retry brings it back. */
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    /** When the state was parked for a human after too many failures in a row; runs leave it alone until it is retried. */
    @Column(name = "parked_at")
    private Instant parkedAt;

    public EnumValue<ResolutionStrategy> getResolutionStrategy() {
        return resolutionStrategy;
    }

    public void setResolutionStrategy(ResolutionStrategy resolutionStrategy) {
        this.resolutionStrategy = resolutionStrategy == null ? null : EnumValue.of(resolutionStrategy);
    }

    public Integer getSyncDurationMs() {
        return syncDurationMs;
    }

    public void setSyncDurationMs(Integer syncDurationMs) {
        this.syncDurationMs = syncDurationMs;
    }

    public int getApiCallsCount() {
        return apiCallsCount;
    }

    public void setApiCallsCount(int apiCallsCount) {
        this.apiCallsCount = apiCallsCount;
    }

    public String getConflictsJson() {
        return conflictsJson;
    }

    public StoredConflicts getConflicts() {
        return StoredConflicts.parse(conflictsJson);
    }

    public void setConflicts(List<FieldConflict> conflicts) {
        this.conflictsJson = conflicts == null || conflicts.isEmpty() ? null : StoredConflicts.toJson(conflicts);
    }

    public int getRowVersion() {
        return rowVersion;
    }

    public EnumValue<FailureKind> getFailureKind() {
        return failureKind;
    }

    public void setFailureKind(FailureKind kind) {
        this.failureKind = kind == null ? null : EnumValue.of(kind);
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public void setNextAttemptAt(Instant nextAttemptAt) {
        this.nextAttemptAt = nextAttemptAt;
    }

    public Instant getParkedAt() {
        return parkedAt;
    }

    public void setParkedAt(Instant parkedAt) {
        this.parkedAt = parkedAt;
    }
}
