package com.syncdesk.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
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

/**
 * Backups of a SQLite database: consistent copies made with {@code VACUUM INTO} in a {@code backups}
 * folder beside the file, named {@code <name>-<UTC time>-v<version>.db}.
 */
final class SqliteBackupStore implements BackupStore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

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
    public Backup takeEverything(int version, MigrationProgress progress) {
        Instant start = Instant.now();
        String name = "Back up to " + folder();
        progress.onStep(new Step(name, 1, 1, Phase.STARTED, Duration.ZERO));
        Backup backup = take(version);
        progress.onStep(new Step(name, 1, 1, Phase.FINISHED, Duration.between(start, Instant.now())));
        return backup;
    }

    /** The whole file: a rebuilt table cannot be restored column by column. */
    @Override
    public Backup takeBeforeDowngrade(int version, List<Drop> drops, MigrationProgress progress) {
        return takeEverything(version, progress);
    }

    private Backup take(int version) {
        Path target = folder().resolve(stem + "-" + STAMP.format(Instant.now()) + "-v" + version + ".db");
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
                    candidate.toAbsolutePath().normalize()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Keeps the current file as another backup, puts the backup in its place and reopens. */
    @Override
    public RestoreReport restore(Backup backup, LiveSchema schema, MigrationProgress progress) {
        Instant start = Instant.now();
        progress.onStep(new Step("Keep the current file as a backup", 1, 3, Phase.STARTED, Duration.ZERO));
        Backup previous = take(schema.status().currentVersion());
        progress.onStep(new Step("Keep the current file as a backup", 1, 3, Phase.FINISHED, Duration.between(start, Instant.now())));
        progress.onStep(new Step("Close connections and put the backup in place", 2, 3, Phase.STARTED, Duration.between(start, Instant.now())));
        swapIn(backup);
        progress.onStep(new Step("Close connections and put the backup in place", 2, 3, Phase.FINISHED, Duration.between(start, Instant.now())));
        progress.onStep(new Step("Reopen", 3, 3, Phase.STARTED, Duration.between(start, Instant.now())));
        database.enableWriteAheadLog();
        SchemaStatus status = schema.status();
        progress.onStep(new Step("Reopen", 3, 3, Phase.FINISHED, Duration.between(start, Instant.now())));
        return new RestoreReport(backup, status, Optional.of(previous));
    }

    /**
     * Puts the backup in the database's place. Every pooled connection is closed first; a copy is
     * moved over the file in one rename, and write-ahead log files of the replaced file are removed so
     * SQLite cannot replay them into the restored one.
     */
    private void swapIn(Backup backup) {
        database.reopenAfter(() -> {
            Path incoming = file.resolveSibling(file.getFileName() + ".restoring");
            try {
                Files.copy(backup.location(), incoming, StandardCopyOption.REPLACE_EXISTING);
                // The old file's log goes before the swap: a process killed right after the rename must not
                // leave a log that SQLite would replay into the restored file. Every connection is closed,
                // so what the log held is in the old file already (and in the backup taken before).
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-wal"));
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
                Files.move(incoming, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot put " + backup.location() + " in place of " + file + ": " + e.getMessage(), e);
            }
        });
    }
}
