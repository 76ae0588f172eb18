package com.syncdesk.migration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.DatabaseException;

/**
 * A connection that has a SQLite file to itself: in EXCLUSIVE locking mode SQLite keeps the file's exclusive
 * lock once taken, so no other connection, in this process or another, reads or writes until it closes.
 * Taking that lock fails while any other connection has the file open, which is how a restore tells that a
 * sync worker is still there.
 */
final class SqliteExclusive {

    private SqliteExclusive() {
    }

    static Connection open(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(Database.SQLITE_BUSY_TIMEOUT_MS);
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file);
        Connection connection = source.getConnection();
        try (Statement statement = connection.createStatement()) {
            pragma(connection, "PRAGMA locking_mode = EXCLUSIVE");
            // A write transaction takes the exclusive lock, which EXCLUSIVE mode then keeps after the commit.
            statement.execute("BEGIN EXCLUSIVE");
            statement.execute("COMMIT");
        } catch (SQLException e) {
            connection.close();
            if (e instanceof SQLiteException sqlite && (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_BUSY.code) {
                throw new DatabaseException(Reason.LOCKED, file + " is open in another program (perhaps a sync worker) or another "
                        + "SyncDesk. Stop it, then restore again; nothing was changed.", e);
            }
            throw e;
        }
        return connection;
    }

    static Connection openReadOnly(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file);
        return source.getConnection();
    }

    /** A consistent copy of the database into {@code target}, by SQLite's backup API. */
    static void backupTo(Connection exclusive, Path target) throws SQLException {
        check(exclusive.unwrap(SQLiteConnection.class).getDatabase().backup("main", target.toString(), null), "copying it to " + target);
    }

    /**
     * Replaces every page of the live database with the backup's, in one step, by SQLite's backup API. The
     * file leaves write-ahead logging meanwhile, so a backup with another page size restores too.
     */
    static void restoreFrom(Connection exclusive, Path backup) throws SQLException {
        pragma(exclusive, "PRAGMA journal_mode = DELETE");
        check(exclusive.unwrap(SQLiteConnection.class).getDatabase().restore("main", backup.toString(), null), "restoring " + backup);
        pragma(exclusive, "PRAGMA journal_mode = WAL");
    }

    /** Runs a pragma and reads its answer: a statement left open would keep a read going that the backup API must wait out. */
    private static void pragma(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet answer = statement.executeQuery(sql)) {
            answer.next();
        }
    }

    private static void check(int resultCode, String what) throws SQLException {
        if (resultCode != SQLiteErrorCode.SQLITE_OK.code) {
            throw new SQLException("SQLite reported " + SQLiteErrorCode.getErrorCode(resultCode) + " " + what, null, resultCode);
        }
    }
}
