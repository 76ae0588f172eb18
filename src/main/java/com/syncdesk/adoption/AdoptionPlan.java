package com.syncdesk.adoption;

import java.util.ArrayList;
import java.util.List;

import com.syncdesk.migration.MigrationEntry;
import com.syncdesk.migration.SchemaStatus;

/**
 * Everything adopt runs, in order, in one transaction: hold the tables still, back every one up, convert
 * to SyncDesk's schema at {@link #ADOPTED_VERSION}, write the schema history. Built without changing anything.
 */
public record AdoptionPlan(List<AdoptionStep> steps) {

    /** The SyncDesk schema version an adopted database is at. */
    public static final int ADOPTED_VERSION = 10;

    /** The schema history's description of an adoption; status shows it on the baseline row. */
    public static final String HISTORY_DESCRIPTION = "adopted from Alembic " + OriginSchema.REVISION;

    /** True when the history's baseline is one adopt wrote. */
    public static boolean isAdoption(MigrationEntry baseline) {
        return baseline.description().equals(HISTORY_DESCRIPTION);
    }

    /** True when the database's schema history starts at an adoption. */
    public static boolean isAdopted(SchemaStatus status) {
        return status.baseline().map(AdoptionPlan::isAdoption).orElse(false);
    }

    /** The plan with one more statement, run before the one at {@code position} of step {@code step}: tests make a step fail with it. */
    AdoptionPlan withStatementInserted(int step, int position, String sql) {
        List<AdoptionStep> changed = new ArrayList<>(steps);
        List<AdoptionStatement> statements = new ArrayList<>(changed.get(step).statements());
        statements.add(position, new AdoptionStatement.Execute(sql));
        changed.set(step, new AdoptionStep(changed.get(step).name(), List.copyOf(statements)));
        return new AdoptionPlan(List.copyOf(changed));
    }

    public int statementCount() {
        return steps.stream().mapToInt(step -> step.statements().size()).sum();
    }
}
