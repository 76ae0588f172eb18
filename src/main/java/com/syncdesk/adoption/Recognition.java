package com.syncdesk.adoption;

import java.util.List;

import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.DatabaseException;

/**
 * What {@link OriginInspector} found: whether a database is one of the original system (sprint-reports)
 * and whether SyncDesk can adopt it, with what differs from the revision it adopts.
 *
 * @param where       the database as messages name it
 * @param revision    the Alembic revision the database records (several joined by ", "), or null
 * @param differences how the schema differs from revision 008, in words; empty when it matches
 */
public record Recognition(Kind kind, String where, String revision, List<String> differences) {

    public enum Kind {
        /** Not a sprint-reports database (or a SQLite file: that system ran on PostgreSQL only). */
        NOT_SPRINT_REPORTS,
        /** At revision 008, exactly as that revision's scripts leave it. */
        ADOPTABLE,
        /** A sprint-reports database at another revision. */
        OTHER_REVISION,
        /** At revision 008 by its alembic_version row, but its schema was changed since. */
        DIFFERENT_SCHEMA
    }

    private static final int DIFFERENCES_NAMED = 8;

    static Recognition notSprintReports(String where) {
        return new Recognition(Kind.NOT_SPRINT_REPORTS, where, null, List.of());
    }

    public boolean isSprintReports() {
        return kind != Kind.NOT_SPRINT_REPORTS;
    }

    public boolean isAdoptable() {
        return kind == Kind.ADOPTABLE;
    }

    /** What status and the console say about the database; for a database SyncDesk can adopt, the invitation to. */
    public String summary() {
        return switch (kind) {
            case NOT_SPRINT_REPORTS -> where + " is not a sprint-reports database.";
            case ADOPTABLE -> "This is a sprint-reports database at Alembic revision " + revision + ". SyncDesk can adopt it (adopt); nothing was changed.";
            case OTHER_REVISION -> where + " is a sprint-reports database at Alembic revision " + (revision == null ? "(none recorded)" : revision)
                    + ". SyncDesk adopts revision " + OriginSchema.REVISION + " only: bring it there with sprint-reports first (alembic upgrade "
                    + OriginSchema.REVISION + "). " + differencesInWords() + " Nothing was changed.";
            case DIFFERENT_SCHEMA -> where + " is a sprint-reports database at Alembic revision " + revision + ", but its schema is not the one that "
                    + "revision creates, so its backup could not give it back as it is and SyncDesk does not adopt it. " + differencesInWords()
                    + " Undo those changes, then adopt. Nothing was changed.";
        };
    }

    /** The refusal of a command that works on SyncDesk databases only: it names adopt when adopting is the way forward. */
    public DatabaseException refusal() {
        if (kind == Kind.ADOPTABLE) {
            return new DatabaseException(Reason.FOREIGN_SCHEMA, where + " is a sprint-reports database at Alembic revision " + revision
                    + ", not yet a SyncDesk one: run adopt to take it over (it shows what it will change and backs up every table first). "
                    + "Nothing was changed.");
        }
        return new DatabaseException(Reason.FOREIGN_SCHEMA, summary());
    }

    private String differencesInWords() {
        if (differences.isEmpty()) {
            return "";
        }
        String named = String.join("; ", differences.subList(0, Math.min(DIFFERENCES_NAMED, differences.size())));
        int more = differences.size() - DIFFERENCES_NAMED;
        return "What differs from " + OriginSchema.REVISION + ": " + named + (more > 0 ? "; and " + more + " more." : ".");
    }
}
