package com.syncdesk.syncstate;

/**
 * The operator actions on sync states, each one set-based statement and one audit row. States a sync
 * worker holds ({@code in_progress}) are never changed by any of them.
 */
public enum StateAction {
    /** Queues failed, skipped or completed states for another sync. */
    RETRY("retry", "Retry", "back to pending, to be synced again", "Queued %s for another sync", "{be} already waiting for a sync",
            "sync_status = 'pending'", "s.sync_status IN ('failed', 'skipped', 'completed')"),
    /** Parks pending or failed states so the sync leaves them alone until retried. */
    SKIP("skip", "Skip", "marked skipped, left out of syncs", "Skipped %s", "{be} already skipped or completed", "sync_status = 'skipped'",
            "s.sync_status IN ('pending', 'failed')"),
    /** Clears error counts and messages. */
    RESET_ERRORS("reset_errors", "Reset errors", "error count and last error cleared", "Cleared the errors of %s", "{have} no errors",
            "error_count = 0, last_error = NULL",
            "(s.error_count > 0 OR s.last_error IS NOT NULL) AND s.sync_status <> 'in_progress'");

    private final String audit;
    private final String label;
    private final String effect;
    private final String done;
    private final String notApplicable;
    private final String assignments;
    private final String applicable;

    StateAction(String audit, String label, String effect, String done, String notApplicable, String assignments, String applicable) {
        this.audit = audit;
        this.label = label;
        this.effect = effect;
        this.done = done;
        this.notApplicable = notApplicable;
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

    /** What was done to {@code howMany}, e.g. "Queued 42 of 45 for another sync". */
    public String done(String howMany) {
        return String.format(done, howMany);
    }

    /** Why states the action does not apply to are left alone, e.g. "are already waiting for a sync", "had no errors". */
    String notApplicable(boolean one, boolean past) {
        return notApplicable.replace("{be}", past ? (one ? "was" : "were") : (one ? "is" : "are"))
                .replace("{have}", past ? "had" : one ? "has" : "have");
    }

    String assignments() {
        return assignments;
    }

    /** The states (aliased {@code s}) the action can change; others it leaves alone. */
    String applicable() {
        return applicable;
    }
}
