package com.syncdesk.adoption;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.syncdesk.adoption.AdoptionStatement.ExportTable;
import com.syncdesk.adoption.AdoptionStatement.ReadSequence;
import com.syncdesk.migration.Backup;
import com.syncdesk.migration.MigrationProgress.Phase;
import com.syncdesk.migration.MigrationProgress.Step;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.SchemaStatus;
import com.syncdesk.persistence.ConnectionTarget.PostgresServer;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseErrors;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.DatabaseException;

/**
 * Backups of a whole sprint-reports database at revision 008: every table, the ones SyncDesk does not
 * know and {@code alembic_version} included, as CSV written by {@code COPY ... TO STDOUT}, and every
 * sequence's position, in a folder with a {@value #MANIFEST} manifest written last. Restoring recreates
 * the original schema from the script SyncDesk ships, reloads every table and puts the sequences back,
 * in one transaction: the database the original system runs on, as it was.
 */
public final class OriginBackups {

    static final String MANIFEST = "sprint-reports-backup.json";
    private static final String BEFORE_ADOPTION = "before adoption";
    private static final String ON_REQUEST = "on request";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** Text forms that read back the same on any server: ISO dates, floats printed exactly. */
    private static final List<String> EXACT_TEXT = List.of("SET LOCAL DateStyle = 'ISO, YMD'", "SET LOCAL IntervalStyle = 'postgres'",
            "SET LOCAL extra_float_digits = 3");
    /** SyncDesk's functions (version 10); a restore drops them with SyncDesk's tables. */
    static final List<String> SYNCDESK_FUNCTIONS = List.of("sync_metadata_count_changes()", "sync_metadata_counts_truncated()");

    /** @param why {@value #BEFORE_ADOPTION} or {@value #ON_REQUEST} */
    record Manifest(String database, String alembicRevision, String why, Instant takenAt, List<TableFile> tables, List<SequenceValue> sequences) {
    }

    record TableFile(String table, List<String> columns, long rows, String file) {
    }

    record SequenceValue(String sequence, long lastValue, boolean called) {
    }

    private final Database database;
    private final Path root;

    public OriginBackups(Database database, Path root) {
        this.database = database;
        this.root = root;
    }

    /** The statements that back up every table (ordered by primary key) and every sequence of a database at revision 008. */
    static AdoptionStep backupStep(Connection connection) throws SQLException {
        List<AdoptionStatement> statements = new ArrayList<>(EXACT_TEXT.stream().<AdoptionStatement>map(AdoptionStatement.Execute::new).toList());
        for (String table : OriginSchema.TABLES_PARENTS_FIRST) {
            List<String> columns = columnsOf(connection, table);
            statements.add(new ExportTable(table, columns, "COPY (SELECT " + String.join(", ", columns) + " FROM " + table + " ORDER BY "
                    + String.join(", ", primaryKeyOf(connection, table)) + ") TO STDOUT WITH (FORMAT csv, HEADER)"));
        }
        for (String line : OriginSchema.shape()) {
            if (line.startsWith("sequence ")) {
                String sequence = line.substring("sequence ".length());
                statements.add(new ReadSequence(sequence, "SELECT last_value, is_called FROM " + sequence));
            }
        }
        return new AdoptionStep("Back up every table and sequence", List.copyOf(statements));
    }

    /**
     * Runs a backup step on the caller's connection and transaction into a new folder. The manifest is written
     * last, so a folder the process did not finish is never listed as a backup.
     */
    Backup write(Connection connection, AdoptionStep step, boolean beforeAdoption) throws SQLException, IOException {
        Instant takenAt = Instant.now();
        Path folder = root.resolve(databaseName() + "-" + STAMP.format(takenAt) + "-sprint-reports-" + OriginSchema.REVISION.substring(0, 3));
        Files.createDirectories(folder);
        // The original's users table travels in the backup, password hashes and reset tokens included: for its owner's eyes only.
        if (Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
        try {
            writeInto(folder, connection, step, beforeAdoption, takenAt);
        } catch (SQLException | IOException | RuntimeException e) {
            deleteQuietly(folder);
            throw e;
        }
        return describe(folder).orElseThrow();
    }

    private void writeInto(Path folder, Connection connection, AdoptionStep step, boolean beforeAdoption, Instant takenAt)
            throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        List<TableFile> tables = new ArrayList<>();
        List<SequenceValue> sequences = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (AdoptionStatement action : step.statements()) {
                switch (action) {
                    case AdoptionStatement.Execute execute -> statement.execute(execute.sql());
                    case ExportTable export -> {
                        String file = export.table() + ".csv";
                        try (OutputStream out = Files.newOutputStream(folder.resolve(file))) {
                            tables.add(new TableFile(export.table(), export.columns(), copy.copyOut(export.sql(), out), file));
                        }
                    }
                    case ReadSequence read -> {
                        try (ResultSet row = statement.executeQuery(read.sql())) {
                            row.next();
                            sequences.add(new SequenceValue(read.sequence(), row.getLong(1), row.getBoolean(2)));
                        }
                    }
                }
            }
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve(MANIFEST).toFile(), new Manifest(databaseUrl(), OriginSchema.REVISION,
                beforeAdoption ? BEFORE_ADOPTION : ON_REQUEST, takenAt, List.copyOf(tables), List.copyOf(sequences)));
    }

    /** A folder the backup did not finish holds no manifest and is never listed; it is removed so it does not pile up. */
    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // Without a manifest the folder is never taken for a backup.
        }
    }

    /** Backs up a sprint-reports database that is not adopted, in one read-only snapshot. Changes nothing. */
    public Backup take(MigrationProgress progress) {
        Instant start = Instant.now();
        String name = "Back up the sprint-reports database to " + root;
        progress.onStep(new Step(name, 1, 1, Phase.STARTED, Duration.ZERO));
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            try {
                Backup backup = write(connection, backupStep(connection), false);
                connection.commit();
                progress.onStep(new Step(name, 1, 1, Phase.FINISHED, Duration.between(start, Instant.now())));
                return backup;
            } catch (SQLException | IOException | RuntimeException e) {
                Database.rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e, database.target());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup into " + root + ": " + e.getMessage(), e);
        }
    }

    public List<Backup> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Backup> backups = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            folders.forEach(candidate -> describe(candidate).ifPresent(backups::add));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root + ": " + e.getMessage(), e);
        }
        backups.sort(Comparator.comparing(Backup::takenAt));
        return backups;
    }

    /** The newest backup adopt took of this database, if it is still in the folder. */
    public Optional<Backup> latestBeforeAdoption() {
        return list().stream().filter(backup -> manifest(backup.location()).map(m -> m.why().equals(BEFORE_ADOPTION)).orElse(false))
                .reduce((older, newer) -> newer);
    }

    /** The backup in {@code folder}, when it is a sprint-reports backup of this database. */
    public Optional<Backup> describe(Path folder) {
        Optional<Manifest> manifest = manifest(folder);
        if (manifest.isEmpty() || !manifest.get().database().equals(databaseUrl())) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            long size = files.mapToLong(f -> f.toFile().length()).sum();
            return Optional.of(new Backup(manifest.get().takenAt(), 0, size, folder.toAbsolutePath().normalize(),
                    manifest.get().why() + ", of the sprint-reports database at Alembic " + manifest.get().alembicRevision()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** True when the backup holds a whole sprint-reports database (not a backup of SyncDesk's tables). */
    public static boolean isOriginBackup(Backup backup) {
        return Files.isRegularFile(backup.location().resolve(MANIFEST));
    }

    private static Optional<Manifest> manifest(Path folder) {
        Path file = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Manifest.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Gives back the sprint-reports database the backup holds, in one transaction: SyncDesk's tables, functions and
     * history and the original's tables are dropped, the original schema is created from SyncDesk's copy of its
     * script, every table is reloaded and every sequence put back. Only onto the database the backup came from,
     * adopted or not; anything else that depends on the dropped tables makes it fail and change nothing.
     */
    public void restore(Backup backup, SchemaStatus status, MigrationProgress progress) {
        checkRestorableOnto(status);
        Manifest manifest = manifest(backup.location()).orElseThrow(() -> new IllegalArgumentException(backup.location()
                + " is not a sprint-reports backup."));
        List<String> tables = new ArrayList<>(OriginSchema.TABLES_PARENTS_FIRST);
        OriginInspector.SYNCDESK_TABLES.stream().filter(table -> !tables.contains(table)).sorted().forEach(tables::add);
        int total = manifest.tables().size() + 2;
        Instant start = Instant.now();
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                step(progress, "Drop SyncDesk's schema and the original's tables", 1, total, start, () -> {
                    statement.execute("SET LOCAL lock_timeout = '10s'");
                    statement.execute("DROP TABLE IF EXISTS " + String.join(", ", tables));
                    statement.execute("DROP FUNCTION IF EXISTS " + String.join(", ", SYNCDESK_FUNCTIONS));
                    statement.execute("DROP TYPE IF EXISTS " + String.join(", ", OriginSchema.ENUM_TYPES));
                });
                step(progress, "Create the schema of Alembic revision " + manifest.alembicRevision(), 2, total, start, () -> {
                    for (String sql : OriginSchema.statements()) {
                        statement.execute(sql);
                    }
                    // The script records its revision; the backup's own alembic_version row comes back with the other rows.
                    statement.execute("DELETE FROM " + OriginSchema.VERSION_TABLE);
                    for (String sql : EXACT_TEXT) {
                        statement.execute(sql);
                    }
                });
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                int index = 2;
                for (TableFile table : manifest.tables()) {
                    step(progress, "Load " + table.table(), ++index, total, start, () -> {
                        try (Reader in = Files.newBufferedReader(backup.location().resolve(table.file()), StandardCharsets.UTF_8)) {
                            copy.copyIn("COPY " + table.table() + " (" + String.join(", ", table.columns()) + ") FROM STDIN WITH (FORMAT csv, HEADER)", in);
                        }
                    });
                }
                for (SequenceValue sequence : manifest.sequences()) {
                    try (PreparedStatement setval = connection.prepareStatement("SELECT setval(?, ?, ?)")) {
                        setval.setString(1, sequence.sequence());
                        setval.setLong(2, sequence.lastValue());
                        setval.setBoolean(3, sequence.called());
                        setval.execute();
                    }
                }
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                Database.rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e, database.target());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the backup in " + backup.location() + ": " + e.getMessage(), e);
        }
    }

    /** A sprint-reports backup goes back onto its database only: adopted by SyncDesk, or still the original's. */
    private void checkRestorableOnto(SchemaStatus status) {
        if (AdoptionPlan.isAdopted(status) || (status.currentVersion() == 0 && OriginInspector.inspect(database).isAdoptable())) {
            return;
        }
        throw new DatabaseException(Reason.FOREIGN_SCHEMA, "This backup holds a sprint-reports database; SyncDesk puts it back only onto "
                + "that database, adopted or not, and " + database.target().describe() + " is at SyncDesk version " + status.currentVersion()
                + " without an adoption in its history. Nothing was changed.");
    }

    private interface StepWork {
        void run() throws SQLException, IOException;
    }

    private static void step(MigrationProgress progress, String name, int index, int total, Instant start, StepWork work)
            throws SQLException, IOException {
        progress.onStep(new Step(name, index, total, Phase.STARTED, Duration.between(start, Instant.now())));
        work.run();
        progress.onStep(new Step(name, index, total, Phase.FINISHED, Duration.between(start, Instant.now())));
    }

    private static List<String> columnsOf(Connection connection, String table) throws SQLException {
        return names(connection, "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? "
                + "ORDER BY ordinal_position", table);
    }

    private static List<String> primaryKeyOf(Connection connection, String table) throws SQLException {
        return names(connection, "SELECT k.column_name FROM information_schema.table_constraints c "
                + "JOIN information_schema.key_column_usage k ON k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name "
                + "WHERE c.table_schema = current_schema() AND c.table_name = ? AND c.constraint_type = 'PRIMARY KEY' ORDER BY k.ordinal_position", table);
    }

    private static List<String> names(Connection connection, String sql, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    private String databaseUrl() {
        return ((PostgresServer) database.target()).jdbcUrl();
    }

    private String databaseName() {
        String url = databaseUrl();
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Where these backups go. */
    public Path folder() {
        return root;
    }
}
