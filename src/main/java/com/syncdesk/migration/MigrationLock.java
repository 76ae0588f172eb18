package com.syncdesk.migration;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.syncdesk.persistence.ConnectionTarget.SqliteFile;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseErrors;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.Quietly;
import com.syncdesk.persistence.Vendor;

/**
 * Keeps two SyncDesks from changing one schema at the same time. Flyway does not lock SQLite, so
 * SyncDesk holds an exclusive OS lock on a file beside the database (released by the OS even when
 * the process is killed) and then checks with {@code BEGIN IMMEDIATE} that no other program is
 * writing. On PostgreSQL a session advisory lock plays the same part, around downgrades and
 * restores as well as upgrades.
 */
public final class MigrationLock implements AutoCloseable {

    /** Advisory lock keys: the two-integer form lives apart from Flyway's own single-bigint lock. */
    private static final int ADVISORY_CLASS = 0x53594E43;
    private static final int ADVISORY_OBJECT = 1;

    private final FileChannel channel;
    private final FileLock fileLock;
    private final Connection session;

    private MigrationLock(FileChannel channel, FileLock fileLock, Connection session) {
        this.channel = channel;
        this.fileLock = fileLock;
        this.session = session;
    }

    /**
     * The lock file of a SQLite database, beside the real file: a symbolic link and the path it points to
     * take the same lock. It is never deleted: deleting it would let two processes lock different files.
     */
    static Path lockFileOf(SqliteFile database) {
        Path file = database.realPath();
        return file.resolveSibling(file.getFileName() + ".migration-lock");
    }

    public static MigrationLock acquire(Database database) {
        return database.vendor() == Vendor.SQLITE ? sqlite(database) : postgres(database);
    }

    private static MigrationLock sqlite(Database database) {
        SqliteFile file = (SqliteFile) database.target();
        Path lockFile = lockFileOf(file);
        FileChannel channel;
        FileLock lock;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new DatabaseException(Reason.READ_ONLY, file.path() + " cannot be changed: its folder is read-only (the lock file "
                    + lockFile.getFileName() + " cannot be created beside it). Nothing was changed.", e);
        }
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            lock = null;
        }
        if (lock == null) {
            Quietly.close(channel);
            throw inProgress(database);
        }
        try {
            probeForOtherWriters(database);
        } catch (RuntimeException e) {
            Quietly.release(lock, channel);
            throw e;
        }
        return new MigrationLock(channel, lock, null);
    }

    /** Waits at most the busy timeout for another program's write transaction, then reports the file as locked. */
    static void probeForOtherWriters(Database database) {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e, database.target());
        }
    }

    private static MigrationLock postgres(Database database) {
        Connection session = null;
        try {
            session = database.connection();
            try (PreparedStatement lock = session.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                lock.setInt(1, ADVISORY_CLASS);
                lock.setInt(2, ADVISORY_OBJECT);
                try (ResultSet granted = lock.executeQuery()) {
                    granted.next();
                    if (!granted.getBoolean(1)) {
                        session.close();
                        throw inProgress(database);
                    }
                }
            }
            return new MigrationLock(null, null, session);
        } catch (SQLException e) {
            Quietly.close(session);
            throw DatabaseErrors.translate(e, database.target());
        }
    }

    private static DatabaseException inProgress(Database database) {
        return new DatabaseException(Reason.MIGRATION_IN_PROGRESS, "Another SyncDesk is changing the schema of "
                + database.target().describe() + " right now. Try again when it has finished; nothing was changed.");
    }

    @Override
    public void close() {
        if (session != null) {
            try (PreparedStatement unlock = session.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
                unlock.setInt(1, ADVISORY_CLASS);
                unlock.setInt(2, ADVISORY_OBJECT);
                unlock.execute();
            } catch (SQLException ignored) {
                // Closing the session below ends the advisory lock anyway.
            }
            Quietly.close(session);
        } else {
            Quietly.release(fileLock, channel);
        }
    }
}
