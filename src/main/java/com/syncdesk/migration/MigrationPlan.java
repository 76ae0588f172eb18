package com.syncdesk.migration;

import java.util.List;

/**
 * What moving the schema to a target version would do, computed without changing anything.
 *
 * @param dataLoss for a downgrade, what each step drops and how much data that holds; empty for an upgrade
 */
public record MigrationPlan(Direction direction, int fromVersion, int toVersion, List<PlannedStep> steps, List<DataLoss> dataLoss) {

    public enum Direction { UPGRADE, DOWNGRADE, NONE }

    /** True when a step drops a table with rows or a column with non-null values. */
    public boolean losesData() {
        return dataLoss.stream().anyMatch(loss -> loss.values() > 0);
    }
}
