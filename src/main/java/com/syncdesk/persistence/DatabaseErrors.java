package com.syncdesk.persistence;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

import org.postgresql.util.PSQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import com.syncdesk.persistence.DatabaseException.Reason;

/** Turns driver exceptions into {@link DatabaseException}s an operator can act on. */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    public static DatabaseException translate(Throwable failure, ConnectionTarget target) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DatabaseException known) {
                return known;
            }
        }
        String where = target.describe();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // A read that timed out: the server was reached and then stopped answering (a connect timeout is "Connect timed out").
            if (t instanceof SocketTimeoutException && t.getMessage() != null && t.getMessage().startsWith("Read timed out")) {
                return new DatabaseException(Reason.UNREACHABLE, where + " stopped answering: nothing came back for "
                        + Database.networkTimeoutSeconds() + " s. The server rolls back whatever had not been committed; check it, "
                        + "then try again.", failure);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // The network's own verdict first: the driver wraps it in a generic "connection attempt failed".
            if (t instanceof UnknownHostException) {
                return new DatabaseException(Reason.UNREACHABLE, "Cannot reach " + where + ": the host name is unknown.", failure);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new DatabaseException(Reason.UNREACHABLE, "Cannot reach " + where
                        + ": nothing answered on that host and port. Check that the server runs and the address is right.", failure);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                return sqlite(sqlite, where, failure);
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                DatabaseException postgres = postgres(sql, where, failure);
                if (postgres != null) {
                    return postgres;
                }
            }
            if (t instanceof UnknownHostException) {
                return new DatabaseException(Reason.UNREACHABLE, "Cannot reach " + where + ": the host name is unknown.", failure);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
                return new DatabaseException(Reason.UNREACHABLE, "Cannot reach " + where
                        + ": nothing answered on that host and port. Check that the server runs and the address is right.", failure);
            }
        }
        return new DatabaseException(Reason.FAILED, "The database " + where + " reported: " + sentence(deepestMessage(failure))
                + serverDetail(failure), failure);
    }

    /** PostgreSQL names the objects involved (a dependent view, a conflicting key) in its detail line, not in the message. */
    private static String serverDetail(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null && psql.getServerErrorMessage().getDetail() != null) {
                return " " + sentence(firstLine(psql.getServerErrorMessage().getDetail()));
            }
        }
        return "";
    }

    private static DatabaseException sqlite(SQLiteException e, String where, Throwable failure) {
        SQLiteErrorCode code = e.getResultCode();
        int primary = code.code & 0xff;
        if (primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return new DatabaseException(Reason.NOT_A_DATABASE, where + " is not a SQLite database. Choose a SyncDesk database file.", failure);
        }
        if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code) {
            return new DatabaseException(Reason.CORRUPT, where + " is damaged (SQLite reports a malformed database). "
                    + "Restore it from a backup; SyncDesk has not changed it.", failure);
        }
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return new DatabaseException(Reason.LOCKED, where + " is locked by another program (perhaps a sync worker "
                    + "or another SyncDesk). Try again when it has finished.", failure);
        }
        if (primary == SQLiteErrorCode.SQLITE_READONLY.code) {
            return new DatabaseException(Reason.READ_ONLY, where + " cannot be written: the file or its folder is read-only.", failure);
        }
        if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            return new DatabaseException(Reason.NOT_FOUND, "Cannot open " + where + ": the file or its folder does not exist or cannot be read.", failure);
        }
        if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            return new DatabaseException(Reason.DISK_FULL, "The disk holding " + where + " is full; the change was rolled back.", failure);
        }
        return new DatabaseException(Reason.FAILED, "The database " + where + " reported: " + sentence(deepestMessage(failure)), failure);
    }

    private static DatabaseException postgres(SQLException e, String where, Throwable failure) {
        String state = e.getSQLState();
        return switch (state) {
            case "28P01", "28000" -> new DatabaseException(Reason.AUTHENTICATION_FAILED,
                    "PostgreSQL at " + where + " refused the user name or password.", failure);
            case "3D000" -> new DatabaseException(Reason.UNKNOWN_DATABASE,
                    "PostgreSQL at " + where + " has no such database.", failure);
            case "08004" -> e.getMessage() != null && e.getMessage().contains("password")
                    ? new DatabaseException(Reason.AUTHENTICATION_FAILED, "PostgreSQL at " + where + " asks for a password and none was given: "
                            + "set SYNCDESK_PASSWORD, or run on a terminal to be asked.", failure)
                    : new DatabaseException(Reason.UNREACHABLE, "Could not connect to " + where + ": " + firstLine(e.getMessage()), failure);
            case "08001" -> new DatabaseException(Reason.UNREACHABLE,
                    "Could not connect to " + where + ": " + firstLine(e.getMessage()), failure);
            case "08006", "08003", "57P01", "57P02", "57P03" -> new DatabaseException(Reason.UNREACHABLE,
                    "Lost the connection to " + where + " (" + firstLine(e.getMessage()) + "). The server rolled back "
                            + "whatever had not been committed; reconnect and check before trying again.", failure);
            case "55P03", "40P01" -> new DatabaseException(Reason.LOCKED,
                    where + " is busy: another session holds a lock. Try again.", failure);
            case "42501" -> permissionDenied(e, where, failure);
            case "25006" -> new DatabaseException(Reason.READ_ONLY, "PostgreSQL at " + where + " only allows reading here (a standby, "
                    + "or default_transaction_read_only is on): " + sentence(firstLine(e.getMessage()).replaceFirst("^ERROR: ", ""))
                    + " The statement was rolled back.", failure);
            case "53100" -> new DatabaseException(Reason.DISK_FULL,
                    "The PostgreSQL server's disk is full; the change was rolled back.", failure);
            default -> null;
        };
    }

    /**
     * A privilege the checks made before the work did not foresee. PostgreSQL names the object ("permission denied
     * for table sync_metadata", "must be owner of table sync_metadata") but not the privilege; the failed statement
     * and its transaction were rolled back.
     */
    private static DatabaseException permissionDenied(SQLException e, String where, Throwable failure) {
        return new DatabaseException(Reason.PERMISSION_DENIED, "PostgreSQL at " + where + " refused: " + sentence(firstLine(e.getMessage())
                .replaceFirst("^ERROR: ", "")) + " Ask for the privilege this needs; the statement was rolled back.", failure);
    }

    public static String deepestMessage(Throwable failure) {
        String message = failure.getMessage();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return firstLine(message == null ? failure.getClass().getSimpleName() : message);
    }

    /** Ends a driver's message as a sentence, so SyncDesk can add the next one after it. */
    static String sentence(String message) {
        return message.isEmpty() || ".!?".indexOf(message.charAt(message.length() - 1)) >= 0 ? message : message + ".";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
