package com.syncdesk.ui.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.DialogPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.syncdesk.demo.DemoDataGenerator;
import com.syncdesk.migration.BackupChoice;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.testing.LegacyDatabase;
import com.syncdesk.testing.Screenshots;
import com.syncdesk.testing.Versions;

/**
 * Renders the migration panel for the README: with -Dsyncdesk.screenshots=docs the images land in
 * docs/screenshots. Each test also checks that what it captures is on screen.
 */
class MigrationsScreenshotTest extends MigrationsPanelHarness {

    @TempDir
    Path tempDir;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theListWithALegacyVersionUndoneVersionsAndABackup(FxRobot robot) {
        ConnectionTarget target = ConnectionTarget.sqlite(tempDir.resolve("syncdesk.db"));
        try (Database database = Database.open(target)) {
            LegacyDatabase.craft(database);
            MigrationService migrations = new MigrationService(database, "ops");
            migrations.upgrade(null, MigrationProgress.NONE);
            migrations.backup(MigrationProgress.NONE);
            migrations.downgrade(7, BackupChoice.BACKUP_IF_LOSSY, MigrationProgress.NONE);
        }
        connect(robot, target, 7);
        assertThat(shownStates(robot)).contains("6: Missing (tolerated)", "8: Undone", "9: Undone");

        robot.interact(() -> Screenshots.save(stage.getScene(), "migrations-list"));
    }

    @Test
    void theDowngradeConfirmationWithTheDataLossReport(FxRobot robot) {
        ConnectionTarget target = ConnectionTarget.sqlite(tempDir.resolve("syncdesk.db"));
        try (Database database = Database.open(target)) {
            LegacyDatabase.craft(database);
            new MigrationService(database, "ops").upgrade(null, MigrationProgress.NONE);
            new DemoDataGenerator(database).generate(2000, 11, DemoDataGenerator.Progress.NONE);
        }
        connect(robot, target, Versions.LATEST);

        clickWhenShown(robot, "#downgrade-to-6");
        DialogPane confirm = dialog(robot, "migration-confirm");
        assertThat(confirm.lookupAll(".loss")).isNotEmpty();
        robot.interact(() -> Screenshots.save(confirm.getScene(), "migrations-downgrade-confirmation"));
        robot.interact(() -> confirm.getScene().getWindow().hide());
    }

    @Test
    void theUpgradeConfirmationWithItsSql(FxRobot robot) {
        ConnectionTarget target = ConnectionTarget.sqlite(tempDir.resolve("syncdesk.db"));
        try (Database database = Database.open(target)) {
            new MigrationService(database, "ops").upgrade(4, MigrationProgress.NONE);
        }
        connect(robot, target, 4);

        robot.clickOn("#upgradeButton");
        DialogPane confirm = dialog(robot, "migration-confirm");
        robot.clickOn("Show SQL");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(confirm.getScene(), "migrations-upgrade-sql"));
        robot.interact(() -> confirm.getScene().getWindow().hide());
    }

    @Test
    void theUpgradeConfirmationAfterALossyDowngradeSaysWhatItDoesNotBringBack(FxRobot robot) {
        ConnectionTarget target = ConnectionTarget.sqlite(tempDir.resolve("syncdesk.db"));
        try (Database database = Database.open(target)) {
            MigrationService migrations = new MigrationService(database, "ops");
            migrations.upgrade(null, MigrationProgress.NONE);
            new DemoDataGenerator(database).generate(500, 11, DemoDataGenerator.Progress.NONE);
            migrations.downgrade(8, BackupChoice.BACKUP_IF_LOSSY, MigrationProgress.NONE);
        }
        connect(robot, target, 8);

        robot.clickOn("#upgradeButton");
        DialogPane confirm = dialog(robot, "migration-confirm");
        assertThat(texts(confirm)).anyMatch(text -> text.startsWith("Version 9 (add row versions and audit) was undone by the downgrade of "));
        robot.interact(() -> Screenshots.save(confirm.getScene(), "migrations-upgrade-after-downgrade"));
        robot.interact(() -> confirm.getScene().getWindow().hide());
    }

    @Test
    void progressWhileTheSecondStepRuns(FxRobot robot) throws InterruptedException {
        ConnectionTarget target = ConnectionTarget.sqlite(tempDir.resolve("syncdesk.db"));
        try (Database database = Database.open(target)) {
            LegacyDatabase.craft(database);
        }
        connect(robot, target, 6);
        CountDownLatch secondStepStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        holdAtTheStartOfStep(2, secondStepStarted, release);

        robot.clickOn("#upgradeButton");
        dialog(robot, "migration-confirm");
        robot.clickOn("#confirm-migration");
        assertThat(secondStepStarted.await(60, TimeUnit.SECONDS)).isTrue();
        waitUntil(() -> model().log().stream().anyMatch(line -> line.startsWith("Step 2 of " + Versions.above(6).size() + " started")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model().isRunning()).isTrue();
        assertThat(model().progressProperty().get()).isEqualTo(1.0 / Versions.above(6).size());
        robot.interact(() -> Screenshots.save(stage.getScene(), "migrations-progress"));

        release.countDown();
        waitUntilIdleAt(Versions.LATEST);
        assertThat(model().log()).anyMatch(line -> line.contains("merged into sync_metadata") || line.startsWith("Upgraded from version 6 to " + Versions.LATEST));
    }
}
