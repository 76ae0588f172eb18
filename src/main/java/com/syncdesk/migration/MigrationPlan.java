package com.syncdesk.migration;

import java.util.List;

/**
 * What moving the schema to a target version would do, computed without changing anything.
 *
 * @param dataLoss for a downgrade, what each step drops and how much data that holds; empty for an upgrade
 * @param foreign  for a downgrade, what the steps do to objects other clients added to the tables they change
 * @param reapplied for an upgrade, the versions it applies again after a downgrade undid them: what that dropped comes back empty
 */
public record MigrationPlan(Direction direction, int fromVersion, int toVersion, List<PlannedStep> steps, List<DataLoss> dataLoss,
                            List<ForeignObject> foreign, List<Reapplied> reapplied) {

    public enum Direction { UPGRADE, DOWNGRADE, NONE }

    /**
     * True when a step destroys something: a table with rows or a column with values, SyncDesk's or another
     * client's, or another client's index, trigger or view (the report gives their definitions).
     */
    public boolean losesData() {
        return losesData(dataLoss, foreign);
    }

    static boolean losesData(List<DataLoss> dataLoss, List<ForeignObject> foreign) {
        return dataLoss.stream().anyMatch(loss -> loss.values() > 0) || foreign.stream().anyMatch(ForeignObject::isLost);
    }

    /** True when another client's objects make the database refuse a step: the downgrade would be refused. */
    public boolean isBlocked() {
        return foreign.stream().anyMatch(o -> o.fate() == ForeignObject.Fate.BLOCKS);
    }
}
