package com.syncdesk.persistence;

/** A failure explained in an operator's words; {@link #reason()} tells scripts and dialogs what kind it is. */
public class DatabaseException extends RuntimeException {

    /** Kinds of failure an operator can meet. The {@code refusal} ones leave the database as it was. */
    public enum Reason {
        NOT_FOUND(true),
        NOT_A_DATABASE(true),
        CORRUPT(true),
        LOCKED(true),
        READ_ONLY(true),
        NEWER_SCHEMA(true),
        /** The schema is older than this SyncDesk's (or absent); it must be migrated first. */
        SCHEMA_BEHIND(true),
        /** The schema history records a failed migration; the schema needs checking and a repair first. */
        FAILED_MIGRATION(true),
        FOREIGN_SCHEMA(true),
        /** The URL's PostgreSQL schema holds nothing, while SyncDesk's tables sit in another schema of the database. */
        SCHEMA_ELSEWHERE(true),
        MIGRATION_IN_PROGRESS(true),
        /** Another sync run holds the database's sync lock. */
        SYNC_IN_PROGRESS(true),
        AUTHENTICATION_FAILED(true),
        /** The role lacks a privilege the work needs (or does not own what it must change). */
        PERMISSION_DENIED(true),
        UNKNOWN_DATABASE(true),
        UNREACHABLE(true),
        DISK_FULL(false),
        STALE_DATA(true),
        /** Another client's view, trigger or index uses what a schema change removes, and the database would refuse the change. */
        BLOCKED_BY_OTHER_OBJECTS(true),
        /** Rows written while one of SyncDesk's constraints or unique indexes was missing keep repair from bringing it back. */
        CONFLICTING_ROWS(true),
        FAILED(false);

        private final boolean refusal;

        Reason(boolean refusal) {
            this.refusal = refusal;
        }

        /** True when SyncDesk refused because of the database's state and changed nothing. */
        public boolean isRefusal() {
            return refusal;
        }
    }

    private final Reason reason;

    public DatabaseException(Reason reason, String message) {
        this(reason, message, null);
    }

    public DatabaseException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
