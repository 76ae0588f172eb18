package com.syncdesk.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.syncdesk.migration.MigrationProgress.Phase;
import com.syncdesk.migration.MigrationProgress.Step;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseErrors;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.DatabaseException;

/**
 * Backups of a SQLite database: consistent copies made with {@code VACUUM INTO} in a {@code backups}
 * folder beside the file, named {@code <name>-<UTC time>-v<version>.db}.
 */
final class SqliteBackupStore implements BackupStore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    /** The note beside a backup file that says why it was taken. */
    private static final String REASON_SUFFIX = ".reason";

    private final Database database;
    private final Path file;
    private final String stem;
    private final Pattern names;

    SqliteBackupStore(Database database, Path file) {
        this.database = database;
        this.file = file;
        String fileName = file.getFileName().toString();
        this.stem = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        this.names = Pattern.compile(Pattern.quote(stem) + "-(\\d{8}-\\d{6}-\\d{3})-v(\\d+)\\.db");
    }

    @Override
    public Path folder() {
        return file.resolveSibling("backups");
    }

    @Override
    public Backup takeEverything(int version, String reason, MigrationProgress progress) {
        Instant start = Instant.now();
        String name = "Back up to " + folder();
        progress.onStep(new Step(name, 1, 1, Phase.STARTED, Duration.ZERO));
        Backup backup = take(version, reason);
        progress.onStep(new Step(name, 1, 1, Phase.FINISHED, Duration.between(start, Instant.now())));
        return backup;
    }

    /** The whole file: a rebuilt table cannot be restored column by column. */
    @Override
    public Backup takeBeforeDowngrade(int version, int target, List<Drop> drops, MigrationProgress progress) {
        return takeEverything(version, Backup.beforeDowngradeTo(target), progress);
    }

    private Path newBackupName(int version) {
        return folder().resolve(stem + "-" + STAMP.format(Instant.now()) + "-v" + version + ".db");
    }

    private Backup take(int version, String reason) {
        Path target = newBackupName(version);
        try {
            Files.createDirectories(folder());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the backup folder " + folder() + ": " + e.getMessage(), e);
        }
        // Written under a name backups() does not list and renamed when complete: a process killed
        // half-way leaves no half-written file that passes for a backup.
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            Files.deleteIfExists(partial);
            statement.execute("VACUUM INTO '" + partial.toString().replace("'", "''") + "'");
            writeReason(target, reason);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException e) {
            deleteQuietly(partial);
            throw DatabaseErrors.translate(e, database.target());
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("Cannot write the backup " + target + ": " + e.getMessage(), e);
        }
        return describe(target).orElseThrow();
    }

    /** Why the backup was taken, in a note beside it: the copy itself stays the database exactly as it was. */
    private static void writeReason(Path backup, String reason) throws IOException {
        Files.writeString(reasonNote(backup), reason + System.lineSeparator(), StandardCharsets.UTF_8);
    }

    private static Path reasonNote(Path backup) {
        return backup.resolveSibling(backup.getFileName() + REASON_SUFFIX);
    }

    private static String readReason(Path backup) {
        try {
            Path note = reasonNote(backup);
            return Files.isRegularFile(note) ? Files.readString(note, StandardCharsets.UTF_8).strip() : "";
        } catch (IOException unreadable) {
            return "";
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover .partial file is never listed as a backup
        }
    }

    @Override
    public List<Backup> list() {
        if (!Files.isDirectory(folder())) {
            return List.of();
        }
        List<Backup> backups = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder())) {
            files.forEach(candidate -> describe(candidate).ifPresent(backups::add));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder() + ": " + e.getMessage(), e);
        }
        backups.sort(Comparator.comparing(Backup::takenAt));
        return backups;
    }

    @Override
    public Optional<Backup> describe(Path candidate) {
        Matcher m = names.matcher(candidate.getFileName().toString());
        if (!m.matches() || !Files.isRegularFile(candidate)) {
            return Optional.empty();
        }
        Instant takenAt = LocalDateTime.parse(m.group(1), DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")).toInstant(ZoneOffset.UTC);
        try {
            return Optional.of(new Backup(takenAt, Integer.parseInt(m.group(2)), Files.size(candidate),
                    candidate.toAbsolutePath().normalize(), readReason(candidate)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Brings the backup back into the live file through SQLite's backup API, so every connection sees the
     * restored data and nothing is swapped under a program that has the file open. It is refused, changing
     * nothing, while any other connection has the database open (a sync worker): SyncDesk's own pool is
     * closed, one connection takes the file exclusively, keeps the current data as another backup, restores,
     * and only then lets others in again, so no commit can fall between the copy kept and the restore.
     */
    @Override
    public RestoreReport restore(Backup backup, LiveSchema schema, MigrationProgress progress) {
        checkRestorable(backup);
        Instant start = Instant.now();
        Backup[] previous = new Backup[1];
        int current = schema.status().currentVersion();
        database.reopenAfter(() -> {
            try (Connection exclusive = SqliteExclusive.open(file)) {
                progress.onStep(new Step("Keep the current data as a backup", 1, 2, Phase.STARTED, Duration.ZERO));
                previous[0] = copyTo(exclusive, current);
                progress.onStep(new Step("Keep the current data as a backup", 1, 2, Phase.FINISHED, Duration.between(start, Instant.now())));
                progress.onStep(new Step("Put the backup in place", 2, 2, Phase.STARTED, Duration.between(start, Instant.now())));
                SqliteExclusive.restoreFrom(exclusive, backup.location());
                progress.onStep(new Step("Put the backup in place", 2, 2, Phase.FINISHED, Duration.between(start, Instant.now())));
            } catch (SQLException e) {
                throw DatabaseErrors.translate(e, database.target());
            }
        });
        database.enableWriteAheadLog();
        return new RestoreReport(backup, schema.status(), Optional.of(previous[0]));
    }

    /** The current data copied by SQLite's backup API on the exclusive connection, under a name listed only once complete. */
    private Backup copyTo(Connection exclusive, int version) throws SQLException {
        Path target = newBackupName(version);
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(folder());
            Files.deleteIfExists(partial);
            SqliteExclusive.backupTo(exclusive, partial);
            writeReason(target, Backup.BEFORE_RESTORE);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("Cannot write the backup " + target + ": " + e.getMessage(), e);
        } catch (SQLException | RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
        return describe(target).orElseThrow();
    }

    /**
     * A backup is checked whole before the live file is touched: SQLite's header and size, its integrity
     * check, a SyncDesk schema history, and the version its name promises (not newer than this SyncDesk).
     */
    private void checkRestorable(Backup backup) {
        Path location = backup.location();
        String refused = location + " is not a usable backup of " + file + ": ";
        try {
            Database.checkSqliteContent(location);
        } catch (DatabaseException e) {
            throw new DatabaseException(e.reason(), refused + (e.reason() == Reason.CORRUPT
                    ? "it is damaged (shorter than its own header says: cut off, perhaps by an interrupted copy)"
                    : "it is not a SQLite database file") + ". Nothing was changed.", e);
        }
        try (Connection connection = SqliteExclusive.openReadOnly(location); Statement statement = connection.createStatement()) {
            try (ResultSet check = statement.executeQuery("PRAGMA integrity_check(1)")) {
                String verdict = check.next() ? check.getString(1).lines().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("***")).findFirst().orElse("ok") : "no answer";
                if (!"ok".equalsIgnoreCase(verdict)) {
                    throw new DatabaseException(Reason.CORRUPT, refused + "it is damaged (SQLite's integrity check reports: " + verdict
                            + "). Nothing was changed.");
                }
            }
            int version;
            try (ResultSet history = statement.executeQuery("SELECT max(CAST(version AS INTEGER)), sum(CASE WHEN success THEN 0 ELSE 1 END) "
                    + "FROM " + SchemaHistory.HISTORY_TABLE + " WHERE version IS NOT NULL")) {
                history.next();
                version = history.getInt(1);
                if (history.getInt(2) > 0) {
                    throw new DatabaseException(Reason.FAILED_MIGRATION, refused + "its history records a failed migration. Nothing was changed.");
                }
            }
            if (version != backup.version()) {
                throw new DatabaseException(Reason.NOT_A_DATABASE, refused + "its schema is at version " + version + ", its name says "
                        + backup.version() + ". Nothing was changed.");
            }
            if (version > MigrationCatalog.latestVersion()) {
                throw new DatabaseException(Reason.NEWER_SCHEMA, refused + "its schema (version " + version
                        + ") is newer than this SyncDesk knows (" + MigrationCatalog.latestVersion() + "). Nothing was changed.");
            }
        } catch (SQLException e) {
            DatabaseException cause = DatabaseErrors.translate(e, database.target());
            throw new DatabaseException(cause.reason() == Reason.FAILED ? Reason.NOT_A_DATABASE : cause.reason(), refused
                    + (e.getMessage() != null && e.getMessage().contains("no such table") ? "it holds no SyncDesk schema history"
                    : DatabaseErrors.deepestMessage(e)) + ". Nothing was changed.", e);
        }
    }
}
