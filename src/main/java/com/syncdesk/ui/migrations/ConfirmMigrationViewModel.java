package com.syncdesk.ui.migrations;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import com.syncdesk.app.Texts;
import com.syncdesk.app.UpgradeNotes;
import com.syncdesk.migration.BackupChoice;
import com.syncdesk.migration.DataLoss;
import com.syncdesk.migration.ForeignObject.Fate;
import com.syncdesk.migration.ForeignObject;
import com.syncdesk.migration.MigrationPlan;
import com.syncdesk.migration.PlannedStep;
import com.syncdesk.persistence.Vendor;

/** What the confirmation of an upgrade or downgrade says: the steps, their SQL, the data lost and the backup taken first. */
public final class ConfirmMigrationViewModel {

    /** One dropped table or column in words; {@code lossy} when it holds data. */
    public record LossLine(String text, boolean lossy) {
    }

    private final MigrationPlan plan;
    private final Vendor vendor;
    private final Path backupFolder;
    private final Texts texts;
    private final BooleanProperty skipBackup = new SimpleBooleanProperty(this, "skipBackup", false);

    public ConfirmMigrationViewModel(MigrationPlan plan, Vendor vendor, Path backupFolder, Texts texts) {
        this.plan = plan;
        this.vendor = vendor;
        this.backupFolder = backupFolder;
        this.texts = texts;
    }

    public boolean isDowngrade() {
        return plan.direction() == MigrationPlan.Direction.DOWNGRADE;
    }

    public String heading() {
        return (isDowngrade() ? "Downgrade" : "Upgrade") + " from version " + plan.fromVersion() + " to " + plan.toVersion();
    }

    public String confirmText() {
        return (isDowngrade() ? "Downgrade to " : "Upgrade to ") + plan.toVersion();
    }

    public String stepsIntro() {
        return isDowngrade()
                ? "These versions are undone, newest first. Each step runs in one transaction: a failure leaves the database at the last good version."
                : "These versions are applied, oldest first. Each step runs in one transaction: a failure leaves the database at the last good version.";
    }

    public List<String> steps() {
        return plan.steps().stream()
                .map(step -> (isDowngrade() ? "Undo version " : "Version ") + step.version() + " · " + step.description())
                .toList();
    }

    /** Every statement, in order, under a comment naming its step, as a DBA would review it. */
    public String sql() {
        StringBuilder sql = new StringBuilder();
        for (PlannedStep step : plan.steps()) {
            if (!sql.isEmpty()) {
                sql.append('\n');
            }
            sql.append("-- ").append(isDowngrade() ? "Undo " : "Upgrade to ").append(step.version()).append(" (").append(step.description()).append(")\n");
            step.statements().forEach(statement -> sql.append(statement).append(";\n"));
        }
        return sql.toString();
    }

    /** SyncDesk's tables and columns first, then what the steps do to other clients' objects. */
    public List<LossLine> lossLines() {
        List<LossLine> lines = new ArrayList<>();
        plan.dataLoss().forEach(loss -> lines.add(new LossLine(loss(loss), loss.values() > 0)));
        plan.foreign().forEach(object -> lines.add(new LossLine(object.describe(), object.isLost() || object.fate() == Fate.BLOCKS)));
        return List.copyOf(lines);
    }

    public boolean losesData() {
        return plan.losesData();
    }

    /**
     * For an upgrade, what it does not bring back: per version applied again after a downgrade undid it, that the
     * tables and columns come back empty and which backup holds their values.
     */
    public List<String> notRestored() {
        return plan.reapplied().stream().map(version -> UpgradeNotes.notRestored(version, texts)).toList();
    }

    /** True when another client's objects make the database refuse a step: the downgrade cannot be confirmed. */
    public boolean isBlocked() {
        return plan.isBlocked();
    }

    public String lossSummary() {
        if (plan.isBlocked()) {
            return "This downgrade cannot run: another client's objects depend on what it removes (see above). Drop or change them first.";
        }
        if (plan.dataLoss().isEmpty() && plan.foreign().isEmpty()) {
            return "Nothing is dropped: no data is lost.";
        }
        if (!plan.losesData()) {
            return "Nothing that is dropped holds data: no data is lost.";
        }
        return totalLost() == 0 ? "No values or rows are lost, but another client's objects are (see above)."
                : "In all, " + Texts.count(totalLost()) + " values and rows will be lost.";
    }

    public String backupText() {
        if (!plan.losesData()) {
            return "No backup is needed: nothing that is dropped holds data.";
        }
        return vendor == Vendor.SQLITE
                ? "Before the first step, SyncDesk copies the whole database file into " + backupFolder + "."
                : "Before the first step, SyncDesk exports the dropped tables and columns, with their row ids, as CSV files into a new folder in "
                + backupFolder + ".";
    }

    public String skipWarning() {
        String what = totalLost() == 0 ? "what" : "the " + Texts.count(totalLost()) + " values and rows";
        return "Without a backup, " + what + " this downgrade drops cannot be brought back, not even by upgrading again.";
    }

    private long totalLost() {
        return plan.dataLoss().stream().mapToLong(DataLoss::values).sum()
                + plan.foreign().stream().filter(ForeignObject::isLost).mapToLong(ForeignObject::values).sum();
    }

    public BooleanProperty skipBackupProperty() {
        return skipBackup;
    }

    public BackupChoice backupChoice() {
        return skipBackup.get() ? BackupChoice.NO_BACKUP : BackupChoice.BACKUP_IF_LOSSY;
    }

    /** One dropped table or column in words, e.g. "Column sprints.sync_status: 1,204 values will be lost (undo of version 8)". */
    static String loss(DataLoss loss) {
        String what = loss.drop().isTable() ? "Table " + loss.drop().table() : "Column " + loss.drop().table() + "." + loss.drop().column();
        String amount;
        if (loss.values() == 0) {
            amount = loss.drop().isTable() ? "empty, nothing is lost" : "holds no values, nothing is lost";
        } else {
            amount = Texts.count(loss.values()) + (loss.drop().isTable() ? (loss.values() == 1 ? " row" : " rows") : (loss.values() == 1 ? " value" : " values"))
                    + " will be lost";
        }
        return what + ": " + amount + " (undo of version " + loss.version() + ")";
    }
}
