package com.syncdesk.syncstate;

/**
 * The operator actions on sync states, each one set-based statement and one audit row. States a sync
 * worker holds ({@code in_progress}) are never changed by any of them.
 */
public enum StateAction {
    /** Queues failed, skipped or completed states for another sync. */
    RETRY("retry", "Retry", "back to pending, to be synced again", "sync_status = 'pending'",
            "s.sync_status IN ('failed', 'skipped', 'completed')"),
    /** Parks pending or failed states so the sync leaves them alone until retried. */
    SKIP("skip", "Skip", "marked skipped, left out of syncs", "sync_status = 'skipped'", "s.sync_status IN ('pending', 'failed')"),
    /** Clears error counts and messages. */
    RESET_ERRORS("reset_errors", "Reset errors", "error count and last error cleared", "error_count = 0, last_error = NULL",
            "(s.error_count > 0 OR s.last_error IS NOT NULL) AND s.sync_status <> 'in_progress'");

    private final String audit;
    private final String label;
    private final String effect;
    private final String assignments;
    private final String applicable;

    StateAction(String audit, String label, String effect, String assignments, String applicable) {
        this.audit = audit;
        this.label = label;
        this.effect = effect;
        this.assignments = assignments;
        this.applicable = applicable;
    }

    /** The action's name in the audit log. */
    public String audit() {
        return audit;
    }

    /** The verb on buttons and in messages: "Retry", "Skip", "Reset errors". */
    public String label() {
        return label;
    }

    /** What happens to each state, e.g. "back to pending, to be synced again". */
    public String effect() {
        return effect;
    }

    String assignments() {
        return assignments;
    }

    /** The states (aliased {@code s}) the action can change; others it leaves alone. */
    String applicable() {
        return applicable;
    }
}
