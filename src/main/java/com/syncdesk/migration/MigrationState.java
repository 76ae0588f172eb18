package com.syncdesk.migration;

/** Every state a migration can be in, in Flyway's vocabulary, each with a hint for the operator. */
public enum MigrationState {
    APPLIED("Applied", "In the schema."),
    PENDING("Pending", "Not applied yet; Upgrade applies it."),
    UNDONE("Undone", "Was applied, then reversed by a downgrade; Upgrade applies it again."),
    MISSING_TOLERATED("Missing (tolerated)",
            "Applied by the original system, then removed from it (the legacy sync_states table). Its rows were merged into sync_metadata by version 7."),
    BASELINE("Baseline", "The schema history starts here: the database was taken over at this version (adopted from sprint-reports, "
            + "as the description says) instead of migrated up to it. Below it there is no SyncDesk schema: going back means restoring "
            + "the backup taken before adoption."),
    BELOW_BASELINE("Below baseline", "Part of the schema the baseline stands for; never applied to this database on its own and never undone."),
    FUTURE("Future", "Applied by a newer SyncDesk than this one. This version will not change the schema."),
    FAILED("Failed", "Failed part-way. Restore a backup or run Repair after checking the schema.");

    private final String label;
    private final String hint;

    MigrationState(String label, String hint) {
        this.label = label;
        this.hint = hint;
    }

    public String label() {
        return label;
    }

    public String hint() {
        return hint;
    }

    /**
     * True when the version's changes are in the schema: applied, applied by the original system and tolerated
     * as missing, or the baseline a database was taken over at.
     */
    public boolean isInSchema() {
        return this == APPLIED || this == MISSING_TOLERATED || this == BASELINE;
    }

    /** True when an upgrade would apply the version. */
    public boolean isPending() {
        return this == PENDING || this == UNDONE;
    }
}
