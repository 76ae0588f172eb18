package com.syncdesk.migration;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.syncdesk.migration.MigrationProgress.Phase;
import com.syncdesk.migration.MigrationProgress.Step;
import com.syncdesk.persistence.ConnectionTarget.PostgresServer;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseErrors;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.DatabaseException;

/**
 * Backups of a PostgreSQL database: per table, the chosen columns with the row ids, written by
 * {@code COPY ... TO STDOUT} as CSV into a folder with a {@code backup.json} manifest. Restoring
 * loads each file into a temporary table and writes the values back by id.
 */
final class PostgresBackupStore implements BackupStore {

    static final String MANIFEST = "backup.json";
    /** SyncDesk's tables, parents before the tables that reference them. */
    /** The columns naming a row, for the tables not keyed by {@code id}. */
    private static final Map<String, List<String>> KEYS = Map.of("jira_sync_scope", List.of("kind", "ref"),
            "sync_snapshots", List.of("sync_metadata_id"));

    static final List<String> TABLES_PARENTS_FIRST = List.of("projects", "boards", "sprints", "issues", "operators",
            "sync_metadata", "conflict_resolutions", "sync_history", "audit_log", "jira_connection", "jira_sync_scope", "sync_snapshots");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** What the backup of one table holds. A whole-table export restores deleted rows too; a column export only values. */
    record TableExport(String table, List<String> columns, boolean wholeTable, long rows, String file) {
    }

    /** @param reason why the backup was taken; null in a manifest an older SyncDesk wrote */
    record Manifest(String database, int version, Instant takenAt, List<TableExport> tables, String reason) {
    }

    private final Database database;
    private final PostgresServer server;
    private final Path root;

    PostgresBackupStore(Database database, PostgresServer server, Path root) {
        this.database = database;
        this.server = server;
        this.root = root;
    }

    @Override
    public Path folder() {
        return root;
    }

    private String databaseUrl() {
        return server.jdbcUrl();
    }

    /** Exports every SyncDesk table in full. */
    @Override
    public Backup takeEverything(int version, String reason, MigrationProgress progress) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (String table : TABLES_PARENTS_FIRST) {
            List<String> present = columnsOf(table);
            if (!present.isEmpty()) {
                columns.put(table, present);
            }
        }
        return take(version, reason, columns, columns.keySet().stream().toList(), progress);
    }

    /** Exports what the drops would destroy: dropped tables in full, dropped columns with the row ids. */
    @Override
    public Backup takeBeforeDowngrade(int version, int target, List<Drop> drops, MigrationProgress progress) {
        List<String> whole = drops.stream().filter(Drop::isTable).map(Drop::table).distinct().toList();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (String table : TABLES_PARENTS_FIRST) {
            if (whole.contains(table)) {
                columns.put(table, columnsOf(table));
                continue;
            }
            List<String> dropped = drops.stream().filter(d -> !d.isTable() && d.table().equals(table)).map(Drop::column).toList();
            if (!dropped.isEmpty()) {
                List<String> withKey = new ArrayList<>(key(table));
                withKey.addAll(dropped);
                columns.put(table, withKey);
            }
        }
        return take(version, Backup.beforeDowngradeTo(target), columns, whole, progress);
    }

    private Backup take(int version, String reason, Map<String, List<String>> columns, List<String> wholeTables, MigrationProgress progress) {
        Instant now = Instant.now();
        Path folder = root.resolve(databaseName() + "-" + STAMP.format(now) + "-v" + version);
        Instant start = Instant.now();
        List<TableExport> exports = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            try (Connection connection = database.connection()) {
                connection.setAutoCommit(false);
                // One snapshot for every file, so the exported tables agree with each other.
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                }
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                int index = 0;
                for (Map.Entry<String, List<String>> entry : columns.entrySet()) {
                    String table = entry.getKey();
                    String name = "Back up " + table;
                    progress.onStep(new Step(name, ++index, columns.size(), Phase.STARTED, Duration.between(start, Instant.now())));
                    String file = table + ".csv";
                    String list = quotedList(entry.getValue());
                    long rows;
                    try (OutputStream out = Files.newOutputStream(folder.resolve(file))) {
                        rows = copy.copyOut("COPY (SELECT " + list + " FROM " + table + " ORDER BY " + quotedList(key(table)) + ") TO STDOUT WITH (FORMAT csv, HEADER)", out);
                    }
                    exports.add(new TableExport(table, entry.getValue(), wholeTables.contains(table), rows, file));
                    progress.onStep(new Step(name, index, columns.size(), Phase.FINISHED, Duration.between(start, Instant.now())));
                }
                connection.commit();
            }
            JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve(MANIFEST).toFile(),
                    new Manifest(databaseUrl(), version, now, exports, reason));
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e, database.target());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup into " + folder + ": " + e.getMessage(), e);
        }
        return describe(folder).orElseThrow();
    }

    @Override
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

    @Override
    public Optional<Backup> describe(Path folder) {
        Optional<Manifest> manifest = manifest(folder);
        if (manifest.isEmpty() || !manifest.get().database().equals(databaseUrl())) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            long size = files.mapToLong(f -> f.toFile().length()).sum();
            return Optional.of(new Backup(manifest.get().takenAt(), manifest.get().version(), size, folder.toAbsolutePath().normalize(),
                    manifest.get().reason()));
        } catch (IOException e) {
            return Optional.empty();
        }
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

    /** Upgrades the schema to the backup's version first, then writes the saved values back by id. */
    @Override
    public RestoreReport restore(Backup backup, LiveSchema schema, MigrationProgress progress) {
        if (backup.version() > MigrationCatalog.latestVersion()) {
            throw unusable(backup, "its schema (version " + backup.version() + ") is newer than this SyncDesk knows ("
                    + MigrationCatalog.latestVersion() + ")");
        }
        SchemaStatus before = schema.status();
        schema.refuseUnsafe(before);
        if (before.currentVersion() > backup.version()) {
            throw new IllegalArgumentException("The database is at version " + before.currentVersion() + ", above the backup's "
                    + backup.version() + ". Downgrade to " + backup.version() + " first, then restore.");
        }
        if (before.currentVersion() < backup.version()) {
            schema.upgradeTo(backup.version(), progress);
        }
        load(backup, progress);
        return new RestoreReport(backup, schema.status(), Optional.empty());
    }

    /**
     * Writes the backed-up values back by id, in one transaction. Whole tables come back exactly:
     * rows added since are deleted (children first), missing rows inserted (parents first) and the
     * id sequence moved past them. Column exports only update the rows that still exist.
     */
    private void load(Backup backup, MigrationProgress progress) {
        Manifest manifest = manifest(backup.location()).orElseThrow();
        List<TableExport> tables = manifest.tables().stream()
                .sorted(Comparator.comparingInt(t -> TABLES_PARENTS_FIRST.indexOf(t.table()))).toList();
        Instant start = Instant.now();
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                int index = 0;
                for (TableExport table : tables) {
                    String name = "Load " + table.table();
                    progress.onStep(new Step(name, ++index, tables.size(), Phase.STARTED, Duration.between(start, Instant.now())));
                    String list = quotedList(table.columns());
                    execute(connection, "CREATE TEMP TABLE " + temp(table) + " ON COMMIT DROP AS SELECT " + list + " FROM "
                            + table.table() + " WITH NO DATA");
                    Path file = backup.location().resolve(table.file());
                    if (!Files.isRegularFile(file)) {
                        throw unusable(backup, "its file " + table.file() + " is missing");
                    }
                    long loaded;
                    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        loaded = copy.copyIn("COPY " + temp(table) + " (" + list + ") FROM STDIN WITH (FORMAT csv, HEADER)", in);
                    } catch (SQLException e) {
                        throw unusable(backup, table.file() + " cannot be read back (" + DatabaseErrors.deepestMessage(e) + ")");
                    }
                    // A file cut short loads fewer rows than the manifest promised: nothing is written back then.
                    if (loaded != table.rows()) {
                        throw unusable(backup, table.file() + " holds " + loaded + " rows, its manifest says " + table.rows());
                    }
                    progress.onStep(new Step(name, index, tables.size(), Phase.FINISHED, Duration.between(start, Instant.now())));
                }
                for (TableExport table : tables.reversed()) {
                    if (table.wholeTable()) {
                        execute(connection, "DELETE FROM " + table.table() + " t WHERE NOT EXISTS (SELECT 1 FROM "
                                + temp(table) + " r WHERE " + sameKey(table.table()) + ")");
                    }
                }
                for (TableExport table : tables) {
                    writeBack(connection, table);
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

    private static void writeBack(Connection connection, TableExport table) throws SQLException {
        List<String> key = key(table.table());
        List<String> values = table.columns().stream().filter(c -> !key.contains(c)).toList();
        if (!values.isEmpty()) {
            execute(connection, "UPDATE " + table.table() + " t SET "
                    + values.stream().map(SqlDefinitions::quoted).map(c -> c + " = r." + c).collect(Collectors.joining(", "))
                    + " FROM " + temp(table) + " r WHERE " + sameKey(table.table()));
        }
        if (table.wholeTable()) {
            String list = quotedList(table.columns());
            execute(connection, "INSERT INTO " + table.table() + " (" + list + ") SELECT " + list + " FROM " + temp(table)
                    + " r WHERE NOT EXISTS (SELECT 1 FROM " + table.table() + " t WHERE " + sameKey(table.table()) + ") ORDER BY "
                    + key.stream().map(c -> "r." + SqlDefinitions.quoted(c)).collect(Collectors.joining(", ")));
            if (key.equals(List.of("id"))) {
                execute(connection, "SELECT setval(pg_get_serial_sequence('" + table.table() + "', 'id'), "
                        + "(SELECT COALESCE(max(id), 0) + 1 FROM " + table.table() + "), false)");
            }
        }
    }

    private static List<String> key(String table) {
        return KEYS.getOrDefault(table, List.of("id"));
    }

    /** "t.id = r.id", or the same for every column of a composite key. */
    private static String sameKey(String table) {
        return key(table).stream().map(SqlDefinitions::quoted).map(c -> "t." + c + " = r." + c).collect(Collectors.joining(" AND "));
    }

    /** Column names as other clients may have chosen them (spaces, capitals) survive the round trip quoted. */
    private static String quotedList(List<String> columns) {
        return columns.stream().map(SqlDefinitions::quoted).collect(Collectors.joining(", "));
    }

    private DatabaseException unusable(Backup backup, String why) {
        return new DatabaseException(Reason.NOT_A_DATABASE, backup.location() + " is not a usable backup of " + database.target().describe()
                + ": " + why + ". Nothing was changed.");
    }

    private static String temp(TableExport table) {
        return "restore_" + table.table();
    }

    private List<String> columnsOf(String table) {
        List<String> columns = new ArrayList<>();
        try (Connection connection = database.connection();
             PreparedStatement query = connection.prepareStatement("SELECT column_name FROM information_schema.columns "
                     + "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e, database.target());
        }
        return columns;
    }

    private String databaseName() {
        String url = databaseUrl();
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
