package com.syncdesk.syncstate;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    static final List<String> COLUMNS = List.of("id", "entity_type", "entity_id", "entity_label", "jira_id", "sync_status", "last_sync_attempt",
            "last_successful_sync", "error_count", "last_error", "sync_direction", "sync_batch_id", "content_hash",
            "local_modified", "remote_modified", "resolution_strategy", "sync_duration_ms", "api_calls_count", "open_conflicts",
            "conflicts", "row_version", "created_at", "updated_at");

    /** How often the progress listener hears of the rows written. */
    private static final int PROGRESS_EVERY = 1_000;

    /** Hears how many rows are written, every thousand; answering false cancels the export. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = rows -> true;

        boolean rowsWritten(long rows);
    }

    private final SyncStateService service;

    public SyncStateExport(SyncStateService service) {
        this.service = service;
    }

    /**
     * Writes every matching row to {@code file}: into a file beside it that is moved into place in one step
     * at the end, so a failed or cancelled export never leaves half a file where the operator looks. The
     * folder must exist. Returns how many rows were written.
     */
    public long toFile(SyncStateFilter filter, SyncStateSort sort, Format format, Path file, Progress progress) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("The folder " + folder + " does not exist; create it or choose another file.");
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        long rows;
        try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            rows = write(filter, sort, format, writer, progress);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return rows;
    }

    /** Writes every row matching the filter; returns how many. The writer is flushed, not closed. */
    public long write(SyncStateFilter filter, SyncStateSort sort, Format format, Writer out, Progress progress) throws IOException {
        try {
            return format == Format.CSV ? csv(filter, sort, out, progress) : json(filter, sort, out, progress);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Reports every thousandth row; a cancel aborts the stream through the same path as a failed write. */
    private static void reported(long written, Progress progress) {
        if (written % PROGRESS_EVERY == 0 && !progress.rowsWritten(written)) {
            throw new UncheckedIOException(new InterruptedIOException("Export cancelled"));
        }
    }

    private long csv(SyncStateFilter filter, SyncStateSort sort, Writer out, Progress progress) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        COLUMNS.forEach(schema::addColumn);
        try (SequenceWriter rows = new CsvMapper().writer(schema.build()).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValues(out)) {
            long[] written = {0};
            long count = service.forEach(filter, sort, row -> {
                write(rows, values(row));
                reported(++written[0], progress);
            });
            rows.flush();
            return count;
        }
    }

    private long json(SyncStateFilter filter, SyncStateSort sort, Writer out, Progress progress) throws IOException {
        try (JsonGenerator generator = Json.MAPPER.getFactory().createGenerator(out)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.writeStartArray();
            long[] written = {0};
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
                    reported(++written[0], progress);
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
        return new Object[] {row.id(), wire(row.entityType()), row.entityId(), row.label(), row.jiraId(), wire(row.status()),
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
