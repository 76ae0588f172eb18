package com.syncdesk.ui.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.syncdesk.app.Texts;
import com.syncdesk.demo.DemoDataGenerator;
import com.syncdesk.migration.Backup;
import com.syncdesk.migration.BackupChoice;
import com.syncdesk.migration.DataLoss;
import com.syncdesk.migration.MigrationPlan;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.migration.MigrationState;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.testing.BulkRows;
import com.syncdesk.testing.LegacyDatabase;
import com.syncdesk.testing.TableDump;
import com.syncdesk.testing.TestPostgres;
import com.syncdesk.testing.Versions;
import com.syncdesk.ui.Shown;

class MigrationsPanelTest extends MigrationsPanelHarness {

    @TempDir
    Path tempDir;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void upgradeFromFourAsksWithTheVersionsAndTheirSqlThenReachesTheLatestStepByStep(FxRobot robot) {
        ConnectionTarget target = ConnectionTarget.sqlite(tempDir.resolve("four.db"));
        try (Database database = Database.open(target)) {
            new MigrationService(database, "tester").upgrade(4, MigrationProgress.NONE);
        }
        connect(robot, target, 4);
        assertThat(robot.lookup("#versionLabel").queryAs(Label.class).getText()).isEqualTo("Version 4");
        List<String> expectedStates = new ArrayList<>(List.of("1: Applied", "2: Applied", "4: Applied"));
        Versions.above(4).forEach(v -> expectedStates.add(v + ": Pending"));
        assertThat(shownStates(robot)).containsExactlyElementsOf(expectedStates);

        robot.clickOn("#upgradeButton");
        DialogPane confirm = dialog(robot, "migration-confirm");
        assertThat(confirm.getHeaderText()).isEqualTo("Upgrade from version 4 to " + Versions.LATEST);
        assertThat(texts(confirm)).containsAll(Versions.above(4).stream().map(v -> "• Version " + v + " · " + Versions.description(v)).toList());
        TextArea sql = robot.lookup(".sql-preview").queryAs(TextArea.class);
        assertThat(sql.isVisible()).isFalse();
        robot.clickOn("Show SQL");
        assertThat(sql.isVisible()).isTrue();
        assertThat(sql.isEditable()).isFalse();
        assertThat(sql.getText()).contains("-- Upgrade to 7 (align sync schema)", "ALTER TABLE sync_metadata ADD", "CREATE TABLE audit_log");

        robot.clickOn("#confirm-migration");
        waitUntilIdleAt(Versions.LATEST);

        assertThat(shownStates(robot)).containsExactlyElementsOf(Versions.ALL.stream().map(v -> v + ": Applied").toList());
        int steps = Versions.above(4).size();
        assertThat(model().log()).contains("Step 1 of " + steps + " started: Upgrade to 7 (align sync schema)")
                .anyMatch(line -> line.startsWith("Step " + steps + " of " + steps + " finished after"))
                .contains("Upgraded from version 4 to " + Versions.LATEST + ".");
        assertThat(robot.lookup("#progressBar").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(robot.lookup("#upgradeButton").queryAs(Button.class).isDisabled()).isTrue();
        waitUntil(() -> context.workspace() != null);
    }

    @Test
    void aLegacyVersionSixAndUndoneVersionsAreShownWithTheirMeaningAndUpgradeReappliesThem(FxRobot robot) {
        ConnectionTarget target = ConnectionTarget.sqlite(tempDir.resolve("legacy.db"));
        try (Database database = Database.open(target)) {
            LegacyDatabase.craft(database);
            MigrationService migrations = new MigrationService(database, "tester");
            migrations.upgrade(null, MigrationProgress.NONE);
            migrations.downgrade(7, BackupChoice.BACKUP_IF_LOSSY, MigrationProgress.NONE);
        }
        connect(robot, target, 7);

        List<String> undone = new ArrayList<>(List.of("1: Applied", "2: Applied", "4: Applied", "6: Missing (tolerated)", "7: Applied"));
        Versions.above(7).forEach(v -> undone.add(v + ": Undone"));
        assertThat(shownStates(robot)).containsExactlyElementsOf(undone);
        assertThat(robot.lookup("#detailLabel").queryAs(Label.class).getText())
                .isEqualTo("Version 6 (add sync states table) comes from the original system: " + MigrationState.MISSING_TOLERATED.hint());
        TableCell<?, ?> legacyCell = robot.lookup(".state-missing-tolerated").queryAs(TableCell.class);
        assertThat(legacyCell.getTooltip().getText()).isEqualTo(MigrationState.MISSING_TOLERATED.hint());
        robot.clickOn(".state-undone");
        assertThat(robot.lookup("#detailLabel").queryAs(Label.class).getText()).endsWith("Undone: " + MigrationState.UNDONE.hint());
        assertThat(robot.lookup("#downgrade-to-6").tryQuery()).isPresent();
        assertThat(robot.lookup("#downgrade-to-8").tryQuery()).isEmpty();

        robot.clickOn("#upgradeButton");
        dialog(robot, "migration-confirm");
        robot.clickOn("#confirm-migration");
        waitUntilIdleAt(Versions.LATEST);
        List<String> applied = new ArrayList<>(List.of("1: Applied", "2: Applied", "4: Applied", "6: Missing (tolerated)"));
        Versions.above(6).forEach(v -> applied.add(v + ": Applied"));
        assertThat(shownStates(robot)).containsExactlyElementsOf(applied);
    }

    @Test
    void aFailedMigrationIsShownAsFailedAndTheUpgradeIsNotOffered(FxRobot robot) throws SQLException {
        ConnectionTarget target = ConnectionTarget.sqlite(tempDir.resolve("failed.db"));
        try (Database database = Database.open(target)) {
            new MigrationService(database, "tester").upgrade(7, MigrationProgress.NONE);
            try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                        + "installed_by, execution_time, success) VALUES ((SELECT max(installed_rank) + 1 FROM flyway_schema_history), "
                        + "'8', 'add sprint jira metadata', 'SQL', 'V8__add_sprint_jira_metadata.sql', 1, 'tester', 3, false)");
            }
        }
        connect(robot, target, 8);

        assertThat(shownStates(robot)).contains("7: Applied", "8: Failed", "9: Pending");
        assertThat(robot.lookup("#notice").queryAs(Label.class).getText()).contains("A migration failed part-way");
        assertThat(robot.lookup("#upgradeButton").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void downgradingADemoDatabaseToSixShowsTheLossBacksUpFirstAndRestoreBringsEveryValueBack(FxRobot robot) throws Exception {
        ConnectionTarget target = ConnectionTarget.sqlite(tempDir.resolve("demo.db"));
        Map<String, List<String>> before;
        MigrationPlan expected;
        try (Database database = Database.open(target)) {
            LegacyDatabase.craft(database);
            MigrationService migrations = new MigrationService(database, "tester");
            migrations.upgrade(null, MigrationProgress.NONE);
            new DemoDataGenerator(database).generate(3000, 7, DemoDataGenerator.Progress.NONE);
            before = TableDump.of(database);
            expected = migrations.preview(6);
        }
        assertThat(expected.losesData()).isTrue();
        connect(robot, target, Versions.LATEST);

        clickWhenShown(robot, "#downgrade-to-6");
        DialogPane confirm = dialog(robot, "migration-confirm");
        assertThat(confirm.getHeaderText()).isEqualTo("Downgrade from version " + Versions.LATEST + " to 6");
        List<Label> lossLabels = confirm.lookupAll(".loss-report .label").stream().map(Label.class::cast)
                .filter(label -> label.getText().startsWith("Column") || label.getText().startsWith("Table")).toList();
        assertThat(lossLabels).extracting(Label::getText).containsExactlyElementsOf(expected.dataLoss().stream().map(ConfirmMigrationViewModel::loss).toList());
        for (int i = 0; i < lossLabels.size(); i++) {
            assertThat(lossLabels.get(i).getStyleClass().contains("loss")).isEqualTo(expected.dataLoss().get(i).values() > 0);
        }
        long total = expected.dataLoss().stream().mapToLong(DataLoss::values).sum();
        assertThat(texts(confirm)).contains("In all, " + Texts.count(total) + " values and rows will be lost.",
                "Before the first step, SyncDesk copies the whole database file into " + tempDir.resolve("backups") + ".");
        assertThat(robot.lookup("Skip the backup").queryAs(CheckBox.class).isSelected()).isFalse();
        assertThat(robot.lookup(".sql-preview").queryAs(TextArea.class).getText()).contains("-- Undo 9", "-- Undo 7", "DROP TABLE audit_log");

        robot.clickOn("#confirm-migration");
        waitUntilIdleAt(6);

        assertThat(model().backups()).hasSize(1);
        Backup backup = model().backups().getFirst();
        assertThat(backup.version()).isEqualTo(Versions.LATEST);
        assertThat(backup.location()).isRegularFile().hasParent(tempDir.resolve("backups"));
        assertThat(model().log()).anyMatch(line -> line.contains("Backup taken first: " + backup.location()));
        assertThat(context.workspace()).isNull();
        assertThat(shownStates(robot)).contains("6: Missing (tolerated)", "7: Undone", "9: Undone", "10: Undone");

        assertThat(backup.reason()).isEqualTo("before the downgrade to 6");

        // Upgrading again would bring the dropped columns back empty: the confirmation says so and names the backup (issue 15.14).
        robot.clickOn("#upgradeButton");
        DialogPane upgrade = dialog(robot, "migration-confirm");
        assertThat(texts(upgrade)).anySatisfy(text -> assertThat(text).startsWith("Version 9 (add row versions and audit) was undone by the downgrade of ")
                .contains("the values dropped then are not restored; restore the backup taken then (")
                .contains(backup.location().toString()));
        robot.clickOn(upgrade.lookupButton(ButtonType.CANCEL));
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> backups = robot.lookup("#backupTable").queryAs(TableView.class);
        robot.interact(() -> backups.getSelectionModel().select(0));
        robot.clickOn("#restoreButton");
        dialog(robot, "restore-confirm");
        robot.clickOn("#confirm-restore");
        waitUntilIdleAt(Versions.LATEST);
        waitUntil(() -> context.workspace() != null);

        assertThat(TableDump.of(context.databaseProperty().get())).isEqualTo(before);
        assertThat(model().backups()).hasSize(2);
        // The result reads whole (it ended "kept as ...") and the log shows its last line (issue 15.9).
        WaitForAsyncUtils.waitForFxEvents();
        Label result = robot.lookup("#stepLabel").queryAs(Label.class);
        assertThat(result.getText()).contains("The replaced database was kept as ");
        assertThat(Shown.isCut(result)).as(result.getText()).isFalse();
        @SuppressWarnings("unchecked")
        ListView<String> log = robot.lookup("#logList").queryAs(ListView.class);
        int lastLine = log.getItems().size() - 1;
        ListCell<?> last = log.lookupAll(".list-cell").stream().map(ListCell.class::cast).filter(cell -> cell.getIndex() == lastLine)
                .findFirst().orElseThrow(() -> new AssertionError("the log's last line is not shown"));
        Bounds inLog = log.sceneToLocal(last.localToScene(last.getBoundsInLocal()));
        assertThat(inLog.getMaxY()).as("the last line lies within the log").isLessThanOrEqualTo(log.getHeight() + 0.5);
        assertThat(Shown.isCut(last)).isFalse();
    }

    @Test
    void aNewerSchemaIsRefusedInPlainWordsAndTheFileStaysByteIdentical(FxRobot robot) throws Exception {
        Path file = tempDir.resolve("newer.db");
        try (Database database = Database.open(ConnectionTarget.sqlite(file))) {
            new MigrationService(database, "tester").upgrade(null, MigrationProgress.NONE);
            BulkRows.fill(database, 50);
            try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                        + "installed_by, execution_time, success) VALUES ((SELECT max(installed_rank) + 1 FROM flyway_schema_history), "
                        + "'" + Versions.NEWER + "', 'from the future', 'SQL', 'V" + Versions.NEWER + "__from_the_future.sql', 42, 'future', 5, true)");
            }
        }
        String before = sha256(file);
        connect(robot, ConnectionTarget.sqlite(file), Versions.NEWER);

        assertThat(shownStates(robot)).contains(Versions.LATEST + ": Applied", Versions.NEWER + ": Future");
        assertThat(robot.lookup("#notice").queryAs(Label.class).getText()).contains("newer SyncDesk", "will not change the schema");
        assertThat(robot.lookup("#upgradeButton").queryAs(Button.class).isDisabled()).isTrue();

        clickWhenShown(robot, "#downgrade-to-4");
        DialogPane refusal = dialog(robot, "refusal-dialog");
        assertThat(refusal.getContentText()).contains("is at version " + Versions.NEWER + ", newer than this SyncDesk knows (" + Versions.LATEST + ")", "nothing was changed");
        assertThat(refusal.getExpandableContent()).isNull();
        robot.interact(() -> refusal.getScene().getWindow().hide());

        robot.clickOn("#validateButton");
        waitUntil(() -> model().validationProperty().get().startsWith("Not valid"));
        assertThat(model().validationProperty().get()).contains("newer than this SyncDesk");

        robot.interact(context::close);
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void aFileAnotherProgramHoldsIsReportedLockedAndStaysByteIdentical(FxRobot robot) throws Exception {
        Path file = tempDir.resolve("held.db");
        try (Database database = Database.open(ConnectionTarget.sqlite(file))) {
            new MigrationService(database, "tester").upgrade(4, MigrationProgress.NONE);
        }
        String before = sha256(file);
        connect(robot, ConnectionTarget.sqlite(file), 4);

        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = holder.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            robot.clickOn("#upgradeButton");
            waitUntil(() -> robot.lookup("#refusal-dialog").tryQuery().isPresent() || robot.lookup("#migration-confirm").tryQuery().isPresent());
            if (robot.lookup("#migration-confirm").tryQuery().isPresent()) {
                robot.clickOn("#confirm-migration");
            }
            DialogPane refusal = dialog(robot, "refusal-dialog");
            assertThat(refusal.getContentText()).contains("is locked by another program");
            robot.interact(() -> refusal.getScene().getWindow().hide());
            waitUntil(() -> !model().isRunning());
            statement.execute("ROLLBACK");
        }
        robot.interact(context::close);
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void upgradesAPostgresDatabaseFromFourToNine(FxRobot robot) {
        ConnectionTarget target = TestPostgres.freshDatabase();
        try (Database database = Database.open(target)) {
            new MigrationService(database, "tester").upgrade(4, MigrationProgress.NONE);
        }
        connect(robot, target, 4);

        robot.clickOn("#upgradeButton");
        dialog(robot, "migration-confirm");
        robot.clickOn("#confirm-migration");
        waitUntilIdleAt(Versions.LATEST);

        assertThat(shownStates(robot)).containsExactlyElementsOf(Versions.ALL.stream().map(v -> v + ": Applied").toList());
        waitUntil(() -> context.workspace() != null);
    }

    @Test
    void anotherSyncDeskMigratingThePostgresDatabaseIsReportedAndNothingChanges(FxRobot robot) throws SQLException {
        ConnectionTarget target = TestPostgres.freshDatabase();
        try (Database database = Database.open(target)) {
            new MigrationService(database, "tester").upgrade(4, MigrationProgress.NONE);
        }
        connect(robot, target, 4);
        String url = ((ConnectionTarget.PostgresServer) target).jdbcUrl();
        try (Connection other = DriverManager.getConnection(url, TestPostgres.USER, "");
             Statement statement = other.createStatement()) {
            // The key MigrationLock takes: another SyncDesk in the middle of a migration.
            statement.execute("SELECT pg_advisory_lock(" + 0x53594E43 + ", 1)");
            robot.clickOn("#upgradeButton");
            dialog(robot, "migration-confirm");
            robot.clickOn("#confirm-migration");
            DialogPane refusal = dialog(robot, "refusal-dialog");
            assertThat(refusal.getHeaderText()).isEqualTo("The upgrade did not complete: nothing was changed");
            assertThat(refusal.getContentText()).contains("Another SyncDesk is changing the schema", "nothing was changed");
            robot.interact(() -> refusal.getScene().getWindow().hide());
        }
        waitUntil(() -> !model().isRunning());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model().statusProperty().get().currentVersion()).isEqualTo(4);
        assertThat(shownStates(robot)).contains("7: Pending", "9: Pending");
    }

    @Test
    void skippingTheBackupIsAskedOnceMoreAndThenTheDowngradeTakesNone(FxRobot robot) {
        ConnectionTarget target = ConnectionTarget.sqlite(tempDir.resolve("skip.db"));
        try (Database database = Database.open(target)) {
            new MigrationService(database, "tester").upgrade(null, MigrationProgress.NONE);
            BulkRows.fill(database, 50);
        }
        connect(robot, target, Versions.LATEST);

        clickWhenShown(robot, "#downgrade-to-4");
        dialog(robot, "migration-confirm");
        CheckBox skip = robot.lookup("Skip the backup").queryAs(CheckBox.class);
        robot.clickOn(skip);
        DialogPane ask = dialog(robot, "skip-backup-confirm");
        assertThat(ask.getContentText()).contains("cannot be brought back");
        robot.clickOn(ask.lookupButton(ButtonType.CANCEL));
        assertThat(skip.isSelected()).isFalse();

        robot.clickOn(skip);
        DialogPane again = dialog(robot, "skip-backup-confirm");
        robot.clickOn(again.lookupButton(again.getButtonTypes().stream()
                .filter(type -> type.getText().equals("Skip the backup")).findFirst().orElseThrow()));
        assertThat(skip.isSelected()).isTrue();
        robot.clickOn("#confirm-migration");
        waitUntilIdleAt(4);

        assertThat(model().backups()).isEmpty();
        assertThat(model().log()).anyMatch(line -> line.endsWith("No backup was taken."));
    }

    @Test
    void closingDuringARunAsksFirstAndKeepsRunningWhenTheOperatorSaysSo(FxRobot robot) throws InterruptedException {
        ConnectionTarget target = ConnectionTarget.sqlite(tempDir.resolve("close.db"));
        try (Database database = Database.open(target)) {
            new MigrationService(database, "tester").upgrade(4, MigrationProgress.NONE);
        }
        connect(robot, target, 4);
        AtomicBoolean idleMayClose = new AtomicBoolean();
        robot.interact(() -> idleMayClose.set(context.canClose()));
        assertThat(idleMayClose).isTrue();
        CountDownLatch firstStep = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        holdAtTheStartOfStep(1, firstStep, release);
        robot.clickOn("#upgradeButton");
        dialog(robot, "migration-confirm");
        robot.clickOn("#confirm-migration");
        assertThat(firstStep.await(30, TimeUnit.SECONDS)).isTrue();

        AtomicBoolean mayClose = new AtomicBoolean(true);
        Platform.runLater(() -> mayClose.set(context.canClose()));
        DialogPane ask = dialog(robot, "close-during-migration");
        assertThat(ask.getContentText()).contains("lets the current step finish");
        robot.clickOn("Keep running");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(mayClose).isFalse();

        release.countDown();
        waitUntilIdleAt(Versions.LATEST);
    }

    @Test
    void stoppingARunLetsTheCurrentStepFinishStartsNoOtherAndThenCloses(FxRobot robot) throws InterruptedException {
        ConnectionTarget target = ConnectionTarget.sqlite(tempDir.resolve("stop.db"));
        try (Database database = Database.open(target)) {
            new MigrationService(database, "tester").upgrade(4, MigrationProgress.NONE);
        }
        connect(robot, target, 4);
        CountDownLatch firstStep = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        holdAtTheStartOfStep(1, firstStep, release);
        robot.clickOn("#upgradeButton");
        dialog(robot, "migration-confirm");
        robot.clickOn("#confirm-migration");
        assertThat(firstStep.await(30, TimeUnit.SECONDS)).isTrue();

        AtomicBoolean closed = new AtomicBoolean();
        robot.interact(() -> model().stopAfterCurrentStep(() -> closed.set(true)));
        assertThat(closed).isFalse();
        release.countDown();
        waitUntilIdleAt(7);

        assertThat(closed).isTrue();
        List<String> expectedStates = new ArrayList<>(List.of("1: Applied", "2: Applied", "4: Applied", "7: Applied"));
        Versions.above(7).forEach(v -> expectedStates.add(v + ": Pending"));
        assertThat(shownStates(robot)).containsExactlyElementsOf(expectedStates);
        int steps = Versions.above(4).size();
        assertThat(model().log()).anyMatch(line -> line.startsWith("Step 1 of " + steps + " finished"))
                .noneMatch(line -> line.startsWith("Step 2 of " + steps))
                .contains("Stopped before the next step, as asked; each finished step is complete.");
    }

    @Test
    void aFailingStepIsReportedWithTheStepTheCauseAndTheVersionTheDatabaseIsAt(FxRobot robot) throws SQLException {
        ConnectionTarget target = ConnectionTarget.sqlite(tempDir.resolve("failing.db"));
        try (Database database = Database.open(target)) {
            new MigrationService(database, "tester").upgrade(7, MigrationProgress.NONE);
            try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
                // Version 9 creates audit_log: a table of that name already there makes that step fail.
                statement.execute("CREATE TABLE audit_log (id INTEGER PRIMARY KEY)");
            }
        }
        connect(robot, target, 7);

        robot.clickOn("#upgradeButton");
        dialog(robot, "migration-confirm");
        robot.clickOn("#confirm-migration");
        DialogPane failure = dialog(robot, "error-dialog");

        assertThat(failure.getHeaderText()).isEqualTo("The upgrade stopped at \u201cUpgrade to 9 (add row versions and audit)\u201d");
        assertThat(failure.getContentText()).contains("audit_log", "The database is at version 8");
        robot.interact(() -> failure.getScene().getWindow().hide());
        waitUntil(() -> !model().isRunning() && model().statusProperty().get().currentVersion() == 8);
        assertThat(shownStates(robot)).contains("8: Applied", "9: Pending");
    }

    /** A step observer that holds the run at the start of step {@code index} until released. */
    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
