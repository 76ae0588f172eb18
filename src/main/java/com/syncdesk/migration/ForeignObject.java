package com.syncdesk.migration;

/**
 * Something another client added to the database (SyncDesk's scripts never define it) that an undo step
 * touches, and what the step does to it.
 *
 * @param table      the table it belongs to or, for a view or another table's trigger, the table whose change reaches it
 * @param values     a column's non-null values; 0 for objects that hold no data
 * @param definition the SQL that defines it, so an operator can bring back what goes
 */
public record ForeignObject(int version, Kind kind, String name, String table, Fate fate, long values, String definition) {

    public enum Kind { COLUMN, INDEX, TRIGGER, VIEW }

    public enum Fate {
        /** Carried through a table rebuild unchanged. */
        KEPT,
        /** Removed with the table or column it depends on. */
        DROPPED,
        /** Left in place, but it names a table or column that goes, so it fails when used. */
        BROKEN,
        /** The database refuses the step while it exists: the downgrade is refused before its first step. */
        BLOCKS
    }

    /** e.g. "Column sync_metadata.score, added by another client: kept through the rebuild, its 200 values with it (undo of version 7)". */
    public String describe() {
        String what = switch (kind) {
            case COLUMN -> "Column " + table + "." + name;
            case INDEX -> "Index " + name + " on " + table;
            case TRIGGER -> "Trigger " + name + " on " + table;
            case VIEW -> "View " + name;
        };
        String count = values + (values == 1 ? " value" : " values");
        String outcome = switch (fate) {
            case KEPT -> kind == Kind.COLUMN ? "kept through the rebuild, its " + count + " with it" : "kept through the rebuild";
            case DROPPED -> kind == Kind.COLUMN ? "dropped with the table, " + count + " will be lost"
                    : "dropped with the column it uses; its definition: " + definition;
            case BROKEN -> "stays, but stops working: it uses what this step removes from " + table;
            case BLOCKS -> "uses what this step removes from " + table + ", so the database refuses the step while it exists";
        };
        return what + ", added by another client: " + outcome + " (undo of version " + version + ")";
    }

    /** True when the step destroys this object or stops it from working. */
    public boolean isLost() {
        return fate == Fate.DROPPED || fate == Fate.BROKEN;
    }
}
