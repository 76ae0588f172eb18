package com.syncdesk.ui.migrations;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.syncdesk.adoption.Adoption;
import com.syncdesk.adoption.AdoptionResult;
import com.syncdesk.app.Failure;
import com.syncdesk.app.Texts;
import com.syncdesk.migration.Backup;
import com.syncdesk.migration.BackupChoice;
import com.syncdesk.migration.DowngradeReport;
import com.syncdesk.migration.MigrationCatalog;
import com.syncdesk.migration.MigrationEntry;
import com.syncdesk.migration.MigrationPlan;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.migration.MigrationState;
import com.syncdesk.migration.RestoreReport;
import com.syncdesk.migration.SchemaStatus;
import com.syncdesk.migration.SchemaWords;
import com.syncdesk.migration.UpgradeReport;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Privileges;
import com.syncdesk.persistence.Privileges.Work;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.Question;
import com.syncdesk.ui.TaskRunner;

/**
 * The migration panel's state and commands. Every service call runs through the console's {@link TaskRunner};
 * steps reported by the service reach the log on the UI thread. After any run the schema is read again and
 * handed to {@link AppContext#schemaChanged}, so the rest of the console follows.
 */
public final class MigrationsViewModel {

    private final AppContext context;
    private final ReadOnlyObjectWrapper<SchemaStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ObservableList<MigrationEntry> migrations = FXCollections.observableArrayList();
    private final ObservableList<Backup> backups = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper versionText = new ReadOnlyStringWrapper(this, "versionText", "–");
    private final ReadOnlyStringWrapper versionDetail = new ReadOnlyStringWrapper(this, "versionDetail", "Not connected");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper legacyNote = new ReadOnlyStringWrapper(this, "legacyNote", "");
    private final ReadOnlyStringWrapper backupFolder = new ReadOnlyStringWrapper(this, "backupFolder", "");
    private final ReadOnlyStringWrapper validation = new ReadOnlyStringWrapper(this, "validation", "");
    private final ReadOnlyStringWrapper changeRefusal = new ReadOnlyStringWrapper(this, "changeRefusal", "");
    private final ReadOnlyStringWrapper restoreRefusal = new ReadOnlyStringWrapper(this, "restoreRefusal", "");
    private final ReadOnlyStringWrapper backupRefusal = new ReadOnlyStringWrapper(this, "backupRefusal", "");
    private final ReadOnlyStringWrapper adoptable = new ReadOnlyStringWrapper(this, "adoptable", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper progressShown = new ReadOnlyBooleanWrapper(this, "progressShown");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper(this, "stepText", "");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    /** One read-only view: listeners on a view made per call are weak and get collected (the log stopped following its end). */
    private final ObservableList<String> logView = FXCollections.unmodifiableObservableList(log);
    private volatile boolean stopRequested;
    private Runnable afterStop = () -> { };
    private String lastStarted;

    public MigrationsViewModel(AppContext context) {
        this.context = context;
        context.databaseProperty().addListener((obs, old, now) -> reload(false));
        // The banner's "Upgrade now" or another page may move the schema; follow unless our own run did.
        context.schemaProperty().addListener((obs, old, now) -> {
            if (now != null && !running.get() && !now.equals(status.get())) {
                reload(false);
            }
        });
        followPrivileges(context.privilegesProperty().get());
        context.privilegesProperty().addListener((obs, old, now) -> followPrivileges(now));
    }

    /** Upgrade, downgrade, restore and backup are disabled when the role may not do them; the notice says why. */
    private void followPrivileges(Privileges privileges) {
        changeRefusal.set(refusal(privileges, Work.CHANGE_SCHEMA));
        restoreRefusal.set(refusal(privileges, Work.RESTORE));
        backupRefusal.set(refusal(privileges, Work.BACK_UP));
        updateNotice();
    }

    private static String refusal(Privileges privileges, Work work) {
        return privileges == null ? "" : privileges.refusal(work).orElse("");
    }

    /** Reads the schema status and the backups again. */
    public void reload() {
        reload(false);
    }

    private void reload(boolean tellContext) {
        Database database = context.databaseProperty().get();
        if (database == null) {
            adoptable.set("");
            apply(null, List.of(), "");
            return;
        }
        MigrationService service = context.session().migrations();
        context.tasks().run("Reading the schema history", () -> new Snapshot(service.status(), service.backups(), service.backupFolder(),
                        service.adoptable().orElse("")),
                snapshot -> {
                    if (context.databaseProperty().get() != database) {
                        return;
                    }
                    adoptable.set(snapshot.adoptable());
                    apply(snapshot.status(), snapshot.backups(), snapshot.folder().toString());
                    if (tellContext) {
                        context.schemaChanged(snapshot.status());
                    }
                },
                failure -> notice.set("Cannot read the schema history: " + Failure.of(failure).message()));
    }

    private record Snapshot(SchemaStatus status, List<Backup> backups, Path folder, String adoptable) {
    }

    private void apply(SchemaStatus schema, List<Backup> backupList, String folder) {
        status.set(schema);
        migrations.setAll(schema == null ? List.of() : schema.migrations());
        backups.setAll(backupList.reversed());
        backupFolder.set(folder);
        if (schema == null) {
            versionText.set("–");
            versionDetail.set("Not connected");
            notice.set("");
            legacyNote.set("");
            return;
        }
        versionText.set("Version " + schema.currentVersion());
        versionDetail.set(SchemaWords.standing(schema));
        updateNotice();
        legacyNote.set(schema.migrations().stream().filter(m -> m.state() == MigrationState.MISSING_TOLERATED)
                .map(m -> "Version " + m.version() + " (" + m.description() + ") comes from the original system: " + m.state().hint())
                .findFirst().orElse(""));
    }

    /** What blocks a change, in words: the schema's standing (the banner above every page explains one behind) and the role's privileges. */
    private void updateNotice() {
        SchemaStatus schema = status.get();
        String standing = schema == null || schema.standing() == SchemaStatus.Standing.BEHIND ? "" : SchemaWords.explanation(schema);
        notice.set(Stream.of(standing, changeRefusal.get(), restoreRefusal.get(), backupRefusal.get())
                .filter(text -> !text.isEmpty()).distinct().collect(Collectors.joining("\n")));
    }

    /** True when a downgrade to {@code entry}'s version is possible: an applied version below the current one, and the role may change the schema. */
    public boolean isDowngradeTarget(MigrationEntry entry) {
        SchemaStatus schema = status.get();
        return entry != null && schema != null && entry.version() < schema.currentVersion() && entry.state().isInSchema()
                && changeRefusal.get().isEmpty();
    }

    public boolean canUpgrade() {
        SchemaStatus schema = status.get();
        return schema != null && schema.isBehind() && !schema.hasFailedMigration() && changeRefusal.get().isEmpty() && adoptable.get().isEmpty();
    }

    /** True for a sprint-reports database SyncDesk can adopt, when the role may change the schema. */
    public boolean canAdopt() {
        return !adoptable.get().isEmpty() && changeRefusal.get().isEmpty();
    }

    /**
     * Shows what adopting does (the conversion report, the backup, the way back; the SQL to expand) and, once the operator
     * agrees, adopts: one transaction, then the versions after the adopted one.
     */
    public void adopt(Consumer<Throwable> onFailure) {
        Adoption adoption = new Adoption(context.session().migrations(), context.operator());
        context.tasks().run("Preparing the adoption preview", adoption::preview, preview -> {
            List<String> sections = new ArrayList<>(List.of(preview.headline()));
            if (!preview.upgradesAfter().isEmpty()) {
                sections.add(preview.upgradesAfter());
            }
            sections.add(String.join("\n", preview.reportLines()));
            sections.add(preview.backupLine() + " " + preview.wayBack());
            Question question = Question.of("adopt-confirm", "Adopt this sprint-reports database?", String.join("\n\n", sections), "Adopt")
                    .withYesId("confirm-adopt").withDetails(String.join("\n", preview.sqlLines()));
            context.dialogs().confirm(question, notes -> runMigration("Adopting the sprint-reports database", false,
                    (service, listener) -> adoption.adopt(listener), this::describe, onFailure));
        }, onFailure);
    }

    /** The plan moving to {@code target} (null: the latest), with its SQL and, going down, the data-loss report. */
    public void plan(Integer target, Consumer<MigrationPlan> onPlan, Consumer<Throwable> onFailure) {
        MigrationService service = context.session().migrations();
        context.tasks().run("Preparing the preview", () -> service.preview(target == null ? MigrationCatalog.latestVersion() : target), onPlan, onFailure);
    }

    public Vendor vendor() {
        return context.databaseProperty().get().vendor();
    }

    public void upgrade(Consumer<Throwable> onFailure) {
        runMigration("Upgrading the schema", true, (service, listener) -> service.upgradeWithReport(null, listener),
                this::describe, onFailure);
    }

    public void downgrade(int target, BackupChoice backupChoice, Consumer<Throwable> onFailure) {
        runMigration("Downgrading the schema to " + target, true, (service, listener) -> service.downgrade(target, backupChoice, listener),
                this::describe, onFailure);
    }

    /** Asks first, saying what a restore replaces and how, then restores the backup. */
    public void restore(Backup backup, Consumer<Throwable> onFailure) {
        String taken = context.texts().timestamp(backup.takenAt());
        String how = vendor() == Vendor.SQLITE
                ? "SyncDesk first keeps the current database file as another backup, then puts this backup in its place and reconnects."
                : "SyncDesk upgrades the schema to version " + backup.version() + " if needed, then writes the saved values back by row id.";
        Question question = Question.of("restore-confirm", "Restore the backup of " + taken + " (schema version " + backup.version() + ")?",
                how + " Changes made since " + taken + " are replaced.\n\n" + backup.location(), "Restore").withYesId("confirm-restore");
        context.dialogs().confirm(question, notes -> runMigration("Restoring the backup of " + taken, false,
                (service, listener) -> service.restore(backup, listener), this::describe, onFailure));
    }

    /** The backup folder's path goes to the clipboard for the file manager (through {@code copy}); the operator is told so. */
    public void copyBackupFolder(Consumer<String> copy) {
        String folder = backupFolder.get();
        copy.accept(folder);
        context.dialogs().info("Backup folder copied", "The path of the backup folder is on the clipboard; paste it into your file manager:\n\n" + folder);
    }

    /** Closing during a run asks first; the run then stops after its current step, which is never cut in half. */
    public boolean mayClose(Runnable close) {
        if (!running.get()) {
            return true;
        }
        Question question = Question.of("close-during-migration", "Close while the schema is changing?", "A schema change is running ("
                + stepText.get() + "). SyncDesk lets the current step finish, starts no further step, and then closes. The database stays at "
                + "the version of the last finished step.", "Stop after this step and close").withNo("Keep running");
        if (context.dialogs().ask(question)) {
            stopAfterCurrentStep(close);
        }
        return false;
    }

    public void backupNow(Consumer<Throwable> onFailure) {
        runMigration("Backing up", false, MigrationService::backup,
                backup -> "Backup taken: " + backup.location() + " (" + Texts.size(backup.sizeBytes()) + ")", onFailure);
    }

    public void validate(Consumer<Throwable> onFailure) {
        MigrationService service = context.session().migrations();
        validation.set("Validating…");
        context.tasks().run("Validating the schema", service::validate, result -> validation.set((result.isValid()
                        ? "Valid: every applied migration matches the scripts of this SyncDesk, and the schema is SyncDesk's."
                        : "Not valid: " + String.join(" ", result.problems())) + result.notes().stream().map(note -> " " + note)
                        .collect(Collectors.joining())),
                failure -> {
                    validation.set("");
                    onFailure.accept(failure);
                });
    }

    private String describe(UpgradeReport report) {
        return "Upgraded from version " + report.fromVersion() + " to " + report.status().currentVersion() + "."
                + (report.legacyRowsMerged() > 0 ? " " + Texts.count(report.legacyRowsMerged())
                + " rows of the legacy sync_states table were merged into sync_metadata." : "");
    }

    private String describe(AdoptionResult result) {
        return "Adopted in " + String.format("%.1f s", result.took().toMillis() / 1000.0) + ": SyncDesk schema version " + result.status().currentVersion()
                + ". Backup taken first: " + result.backup().location() + ".";
    }

    private String describe(DowngradeReport report) {
        return "Downgraded from version " + report.fromVersion() + " to " + report.status().currentVersion() + "."
                + report.backup().map(b -> " Backup taken first: " + b.location() + ".").orElse(" No backup was taken.");
    }

    private String describe(RestoreReport report) {
        return "Restored the backup of " + context.texts().timestamp(report.restored().takenAt()) + "; the schema is at version "
                + report.status().currentVersion() + "." + report.previousState().map(b -> " The replaced database was kept as " + b.location() + ".").orElse("");
    }

    private interface MigrationWork<R> {
        R run(MigrationService service, MigrationProgress listener);
    }

    /** Thrown by the step listener at the start of the next step once the operator asked to stop; nothing of that step has run. */
    private static final class StopRequested extends RuntimeException {
        StopRequested() {
            super("Stopped at the operator's request before the next step.");
        }
    }

    private <R> void runMigration(String title, boolean stoppable, MigrationWork<R> work, Function<R, String> outcome,
                                  Consumer<Throwable> onFailure) {
        MigrationService service = context.session().migrations();
        running.set(true);
        progressShown.set(true);
        stopRequested = false;
        lastStarted = null;
        progress.set(-1);
        stepText.set(title + "…");
        log.setAll(context.texts().timestamp(Instant.now()) + "  " + title);
        context.tasks().run(title, taskProgress -> work.run(service, step -> {
            if (stoppable && stopRequested && step.phase() == MigrationProgress.Phase.STARTED) {
                throw new StopRequested();
            }
            taskProgress.update(step.phase() == MigrationProgress.Phase.FINISHED ? step.index() : step.index() - 1, step.total(), step.name());
            context.tasks().onUiThread(() -> show(step));
        }), result -> finish(outcome.apply(result), 1), failure -> {
            if (stopRequested) {
                finish("Stopped before the next step, as asked; each finished step is complete.", progress.get());
                return;
            }
            finish("Stopped: " + Failure.of(failure).message(), progress.get());
            onFailure.accept(failure);
        });
    }

    /** The step that started last in the latest run, e.g. "Upgrade to 8 (add sprint jira metadata)", or null before the first. */
    public String lastStartedStep() {
        return lastStarted;
    }

    private void show(MigrationProgress.Step step) {
        if (step.phase() == MigrationProgress.Phase.STARTED) {
            lastStarted = step.name();
        }
        double done = step.phase() == MigrationProgress.Phase.FINISHED ? step.index() : step.index() - 1;
        progress.set(done / step.total());
        stepText.set(step.name() + " · step " + step.index() + " of " + step.total());
        log.add(logLine(step));
    }

    /** A log line for one step, e.g. "Step 2 of 3 finished after 0.4 s: Upgrade to 8 (add sprint jira metadata)". */
    static String logLine(MigrationProgress.Step step) {
        return switch (step.phase()) {
            case STARTED -> "Step " + step.index() + " of " + step.total() + " started: " + step.name();
            case FINISHED -> "Step " + step.index() + " of " + step.total() + " finished after "
                    + Texts.millis((int) Math.min(Integer.MAX_VALUE, step.elapsed().toMillis())) + ": " + step.name();
        };
    }

    private void finish(String outcome, double finalProgress) {
        running.set(false);
        progress.set(finalProgress);
        stepText.set(outcome);
        log.add(outcome);
        reload(true);
        if (stopRequested) {
            afterStop.run();
        }
    }

    /**
     * Lets the running step finish (or roll back) as a whole, starts no further one, then runs {@code then}
     * (e.g. closes the window). A step is never interrupted: each is one transaction in the service.
     */
    public void stopAfterCurrentStep(Runnable then) {
        afterStop = Objects.requireNonNull(then);
        if (!running.get()) {
            then.run();
            return;
        }
        stopRequested = true;
        stepText.set("Stopping after the current step…");
    }

    public ReadOnlyObjectProperty<SchemaStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<MigrationEntry> migrations() {
        return FXCollections.unmodifiableObservableList(migrations);
    }

    public ObservableList<Backup> backups() {
        return FXCollections.unmodifiableObservableList(backups);
    }

    public ObservableList<String> log() {
        return logView;
    }

    public ReadOnlyStringProperty versionTextProperty() {
        return versionText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty versionDetailProperty() {
        return versionDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty legacyNoteProperty() {
        return legacyNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty backupFolderProperty() {
        return backupFolder.getReadOnlyProperty();
    }

    /** Why upgrading and downgrading are disabled for this role; empty when it may. */
    public ReadOnlyStringProperty changeRefusalProperty() {
        return changeRefusal.getReadOnlyProperty();
    }

    /** Why restoring is disabled for this role; empty when it may. */
    public ReadOnlyStringProperty restoreRefusalProperty() {
        return restoreRefusal.getReadOnlyProperty();
    }

    /** Why backing up is disabled for this role; empty when it may. */
    /** What the database is when SyncDesk can adopt it ("… is a sprint-reports database …"), else empty. */
    public ReadOnlyStringProperty adoptableProperty() {
        return adoptable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty backupRefusalProperty() {
        return backupRefusal.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty validationProperty() {
        return validation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyBooleanProperty progressShownProperty() {
        return progressShown.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stepTextProperty() {
        return stepText.getReadOnlyProperty();
    }
}
