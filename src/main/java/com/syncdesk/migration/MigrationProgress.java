package com.syncdesk.migration;

import java.time.Duration;

/** Receives each step of an upgrade or downgrade, so a UI or terminal can show a progress bar and a log. */
@FunctionalInterface
public interface MigrationProgress {

    MigrationProgress NONE = step -> { };

    void onStep(Step step);

    enum Phase { STARTED, FINISHED }

    /**
     * @param name    e.g. "Upgrade to 7 (align sync schema)"
     * @param index   1-based position of the step
     * @param total   number of steps in the run
     * @param elapsed time since the run started
     */
    record Step(String name, int index, int total, Phase phase, Duration elapsed) {
    }
}
