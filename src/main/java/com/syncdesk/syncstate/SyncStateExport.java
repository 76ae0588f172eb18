package com.syncdesk.syncstate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.Json;
import com.syncdesk.persistence.StoredInstant;

/**
 * Writes sync states as RFC 4180 CSV or a JSON array, streamed row by row. Timestamps are ISO-8601
 * UTC; a value another client stored in a form SyncDesk cannot read is written as it is.
 */
public final class SyncStateExport {

    public enum Format { CSV, JSON }

    static final List<String> COLUMNS = List.of("id", "entity_type", "entity_id", "jira_id", "sync_status", "last_sync_attempt",
            "last_successful_sync", "error_count", "last_error", "sync_direction", "sync_batch_id", "content_hash",
            "local_modified", "remote_modified", "resolution_strategy", "sync_duration_ms", "api_calls_count", "open_conflicts",
            "conflicts", "row_version", "created_at", "updated_at");

    private final SyncStateService service;

    public SyncStateExport(SyncStateService service) {
        this.service = service;
    }

    /** Writes every row matching the filter; returns how many. The writer is flushed, not closed. */
    public long write(SyncStateFilter filter, SyncStateSort sort, Format format, Writer out) throws IOException {
        try {
            return format == Format.CSV ? csv(filter, sort, out) : json(filter, sort, out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private long csv(SyncStateFilter filter, SyncStateSort sort, Writer out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        COLUMNS.forEach(schema::addColumn);
        try (SequenceWriter rows = new CsvMapper().writer(schema.build()).without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValues(out)) {
            long count = service.forEach(filter, sort, row -> write(rows, values(row)));
            rows.flush();
            return count;
        }
    }

    private long json(SyncStateFilter filter, SyncStateSort sort, Writer out) throws IOException {
        try (JsonGenerator generator = Json.MAPPER.getFactory().createGenerator(out)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.writeStartArray();
            long count = service.forEach(filter, sort, row -> {
                try {
                    Object[] values = values(row);
                    generator.writeStartObject();
                    for (int i = 0; i < COLUMNS.size(); i++) {
                        generator.writeFieldName(COLUMNS.get(i));
                        if (COLUMNS.get(i).equals("conflicts") && row.conflictsJson() != null && row.conflicts().problem().isEmpty()) {
                            generator.writeTree(Json.read(row.conflictsJson()));
                        } else {
                            generator.writeObject(values[i]);
                        }
                    }
                    generator.writeEndObject();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            generator.writeEndArray();
            generator.flush();
            return count;
        }
    }

    private static void write(SequenceWriter rows, Object[] values) {
        try {
            rows.write(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object[] values(SyncStateRow row) {
        return new Object[] {row.id(), wire(row.entityType()), row.entityId(), row.jiraId(), wire(row.status()),
                time(row.lastSyncAttempt()), time(row.lastSuccessfulSync()), row.errorCount(), row.lastError(), wire(row.direction()),
                row.batchId(), row.contentHash(), time(row.localModified()), time(row.remoteModified()), wire(row.resolutionStrategy()),
                row.durationMs(), row.apiCalls(), row.openConflicts(), row.conflictsJson(), row.rowVersion(), time(row.createdAt()),
                time(row.updatedAt())};
    }

    private static String wire(EnumValue<?> value) {
        return value == null ? null : value.wire();
    }

    private static String time(StoredInstant value) {
        return value == null ? null : value.toString();
    }
}
