package com.syncdesk.cli;

import java.io.PrintWriter;

import com.syncdesk.app.Texts;
import com.syncdesk.app.UpgradeNotes;
import com.syncdesk.migration.DataLoss;
import com.syncdesk.migration.ForeignObject;
import com.syncdesk.migration.MigrationPlan;
import com.syncdesk.migration.PlannedStep;

/** Prints a migration plan: each step's statements, then what a downgrade would destroy. */
final class PlanPrinter {

    private PlanPrinter() {
    }

    static void print(MigrationPlan plan, PrintWriter out) {
        switch (plan.direction()) {
            case NONE -> out.printf("The schema is at version %d already; nothing would run.%n", plan.fromVersion());
            case UPGRADE -> out.printf("Upgrade from version %d to %d would run:%n", plan.fromVersion(), plan.toVersion());
            case DOWNGRADE -> out.printf("Downgrade from version %d to %d would run, each step in one transaction:%n",
                    plan.fromVersion(), plan.toVersion());
        }
        for (PlannedStep step : plan.steps()) {
            out.printf("%n-- %s %d (%s)%n", plan.direction() == MigrationPlan.Direction.UPGRADE ? "Upgrade to" : "Undo",
                    step.version(), step.description());
            step.statements().forEach(statement -> out.println(statement + ";"));
        }
        if (plan.direction() == MigrationPlan.Direction.DOWNGRADE) {
            printDataLoss(plan, out);
        }
        printNotRestored(plan, out);
    }

    /** For an upgrade, the versions it applies again after a downgrade: what that dropped comes back empty. */
    static void printNotRestored(MigrationPlan plan, PrintWriter out) {
        if (!plan.reapplied().isEmpty()) {
            out.printf("%nNot brought back by this upgrade:%n");
            plan.reapplied().forEach(version -> out.println("  " + UpgradeNotes.notRestored(version, Texts.system())));
        }
    }

    static void printDataLoss(MigrationPlan plan, PrintWriter out) {
        out.printf("%nData loss report:%n");
        if (plan.dataLoss().isEmpty() && plan.foreign().isEmpty()) {
            out.println("  nothing is dropped.");
            return;
        }
        for (DataLoss loss : plan.dataLoss()) {
            out.println("  " + loss.describe());
        }
        for (ForeignObject object : plan.foreign()) {
            out.println("  " + object.describe());
        }
        long total = plan.dataLoss().stream().mapToLong(DataLoss::values).sum()
                + plan.foreign().stream().filter(ForeignObject::isLost).mapToLong(ForeignObject::values).sum();
        out.println(plan.losesData() ? "  In all " + total + " values or rows would be lost." : "  Nothing that is dropped holds data.");
        if (plan.isBlocked()) {
            out.println("  The downgrade is refused until the objects that block it are dropped or changed.");
        }
    }
}
