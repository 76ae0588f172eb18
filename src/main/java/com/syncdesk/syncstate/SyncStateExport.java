package com.syncdesk.syncstate;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.syncdesk.persistence.Json;
import com.syncdesk.persistence.SqlValues;
import com.syncdesk.persistence.StoredInstant;
import com.syncdesk.persistence.Vendor;

/**
 * Writes sync states as RFC 4180 CSV or a JSON array, streamed row by row, each value as stored: a number
 * another client wrote past an entity's range stays that number, text in a number column stays text, a
 * timestamp SyncDesk cannot read is written as it is (readable ones as ISO-8601 UTC), and stored JSON of any
 * size or depth is copied through. A write that fails is an error, never a shorter file.
 */
public final class SyncStateExport {

    public enum Format { CSV, JSON }

    /**
     * How CSV cells a spreadsheet would evaluate as a formula are written (OWASP's CSV injection): by default
     * a text beginning with {@code = + - @}, a tab or a carriage return gets a leading apostrophe.
     */
    public enum Cells { NEUTRALISED, RAW }

    private enum Kind { NUMBER, TEXT, TIMESTAMP, JSON }

    /** An exported column: its name and where {@link SyncStateRows#columns} reads it. */
    private record Column(String name, int position, Kind kind) {
    }

    private static final List<Column> COLUMNS = List.of(new Column("id", 1, Kind.NUMBER), new Column("entity_type", 2, Kind.TEXT),
            new Column("entity_id", 3, Kind.TEXT), new Column("entity_label", 23, Kind.TEXT), new Column("jira_id", 4, Kind.TEXT), new Column("sync_status", 5, Kind.TEXT),
            new Column("last_sync_attempt", 6, Kind.TIMESTAMP), new Column("last_successful_sync", 7, Kind.TIMESTAMP),
            new Column("error_count", 8, Kind.NUMBER), new Column("last_error", 9, Kind.TEXT), new Column("sync_direction", 10, Kind.TEXT),
            new Column("sync_batch_id", 11, Kind.TEXT), new Column("content_hash", 12, Kind.TEXT),
            new Column("local_modified", 13, Kind.TIMESTAMP), new Column("remote_modified", 14, Kind.TIMESTAMP),
            new Column("resolution_strategy", 15, Kind.TEXT), new Column("sync_duration_ms", 16, Kind.NUMBER),
            new Column("api_calls_count", 17, Kind.NUMBER), new Column("open_conflicts", 22, Kind.NUMBER),
            new Column("conflicts", 18, Kind.JSON), new Column("row_version", 19, Kind.NUMBER),
            new Column("created_at", 20, Kind.TIMESTAMP), new Column("updated_at", 21, Kind.TIMESTAMP));

    /** The header of every export, in order. */
    static final List<String> COLUMN_NAMES = COLUMNS.stream().map(Column::name).toList();

    /** Reads stored JSON to check it, without the parser's default limits on length and depth: it is copied, not interpreted. */
    private static final JsonFactory UNLIMITED = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength(Integer.MAX_VALUE).maxNumberLength(Integer.MAX_VALUE).maxNestingDepth(Integer.MAX_VALUE)
            .maxDocumentLength(-1).build()).build();

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
     * target must be a regular file or not exist yet in an existing folder; a symbolic link is followed, so
     * the file it points to is replaced and the link stays. Returns how many rows were written.
     */
    public long toFile(SyncStateFilter filter, SyncStateSort sort, Format format, Cells cells, Path file, Progress progress) throws IOException {
        Path target = writableTarget(file);
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            long rows;
            try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                rows = write(filter, sort, format, cells, writer, progress);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return rows;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    private static Path writableTarget(Path file) throws IOException {
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            throw new IllegalArgumentException(file + " is a symbolic link to " + Files.readSymbolicLink(file)
                    + ", which does not exist; choose another file.");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is not a regular file (it is a folder, a device or a pipe); choose a file to write.");
        }
        Path target = Files.exists(file) ? file.toRealPath() : file.toAbsolutePath();
        Path folder = target.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("The folder " + folder + " does not exist; create it or choose another file.");
        }
        return target;
    }

    /** Writes every row matching the filter; returns how many. The writer is flushed, not closed. */
    public long write(SyncStateFilter filter, SyncStateSort sort, Format format, Cells cells, Writer out, Progress progress) throws IOException {
        try {
            return format == Format.CSV ? csv(filter, sort, cells, out, progress) : json(filter, sort, out, progress);
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

    private long csv(SyncStateFilter filter, SyncStateSort sort, Cells cells, Writer out, Progress progress) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        COLUMNS.forEach(column -> schema.addColumn(column.name()));
        Vendor vendor = service.vendor();
        try (SequenceWriter rows = new CsvMapper().writer(schema.build()).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(out)) {
            long[] written = {0};
            long count = service.forEachStored(filter, sort, row -> {
                String[] values = new String[COLUMNS.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = cell(row, COLUMNS.get(i), vendor, cells);
                }
                try {
                    rows.write(values);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                reported(++written[0], progress);
            });
            rows.flush();
            return count;
        }
    }

    /** A value as stored: numbers as the driver reads them (text another client put there stays text), JSON as its text. */
    private static Object stored(ResultSet row, Column column, Vendor vendor) throws SQLException {
        return switch (column.kind()) {
            case TIMESTAMP -> timestamp(row, column, vendor);
            case NUMBER -> row.getObject(column.position());
            case TEXT, JSON -> row.getString(column.position());
        };
    }

    private static String cell(ResultSet row, Column column, Vendor vendor, Cells cells) throws SQLException {
        Object stored = stored(row, column, vendor);
        if (stored == null) {
            return null;
        }
        if (stored instanceof String text) {
            return cells == Cells.NEUTRALISED && isFormula(text) ? "'" + text : text;
        }
        return stored.toString();
    }

    /** A cell a spreadsheet would run as a formula or a command (OWASP's list of leading characters). */
    static boolean isFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }

    /** ISO-8601 UTC when the stored value reads as a time; otherwise the stored text as it is. */
    private static String timestamp(ResultSet row, Column column, Vendor vendor) throws SQLException {
        StoredInstant stored = SqlValues.readInstant(row, column.position(), vendor);
        return stored == null ? null : stored.toString();
    }

    private long json(SyncStateFilter filter, SyncStateSort sort, Writer out, Progress progress) throws IOException {
        Vendor vendor = service.vendor();
        try (JsonGenerator generator = Json.MAPPER.getFactory().createGenerator(out)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.writeStartArray();
            long[] written = {0};
            long count = service.forEachStored(filter, sort, row -> {
                try {
                    generator.writeStartObject();
                    for (Column column : COLUMNS) {
                        generator.writeFieldName(column.name());
                        jsonValue(generator, row, column, vendor);
                    }
                    generator.writeEndObject();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                reported(++written[0], progress);
            });
            generator.writeEndArray();
            generator.flush();
            return count;
        }
    }

    private static void jsonValue(JsonGenerator generator, ResultSet row, Column column, Vendor vendor) throws IOException, SQLException {
        Object stored = stored(row, column, vendor);
        switch (stored) {
            case null -> generator.writeNull();
            case Integer n -> generator.writeNumber(n);
            case Long n -> generator.writeNumber(n);
            case BigDecimal n -> generator.writeNumber(n);
            // JSON has no word for infinity or NaN: such a stored real goes as its text.
            case Double n -> {
                if (Double.isFinite(n)) {
                    generator.writeNumber(n);
                } else {
                    generator.writeString(n.toString());
                }
            }
            case String text when column.kind() == Kind.JSON && isJson(text) -> generator.writeRawValue(text);
            default -> generator.writeString(stored.toString());
        }
    }

    /** True when the text is one whole JSON value; read as a stream, so no size or depth is too much. */
    static boolean isJson(String text) {
        try (JsonParser parser = UNLIMITED.createParser(text)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException notJson) {
            return false;
        }
    }
}
