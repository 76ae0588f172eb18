package com.syncdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import com.syncdesk.adoption.SprintReports;
import com.syncdesk.migration.MigrationEntry;
import com.syncdesk.migration.MigrationState;
import com.syncdesk.testing.Screenshots;
import com.syncdesk.testing.Versions;

/** The console browses a database adopted from sprint-reports: its states, the conflicts it left open, its history of migrations. */
@ExtendWith(ApplicationExtension.class)
class AdoptedDatabaseConsoleTest {

    @TempDir
    Path dir;

    private ConsoleHarness console;

    @Start
    void start(Stage stage) {
        console = ConsoleHarness.start(stage, dir, 1280, 800);
    }

    @AfterEach
    void close(FxRobot robot) {
        console.close(robot);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theConsoleShowsTheAdoptedStatesConflictsAndMigrations(FxRobot robot) throws Exception {
        console.open(robot, SprintReports.adopted(dir.resolve("backups")));

        robot.clickOn("#nav-sync-states");
        console.settle();
        assertThat(robot.lookup("#totalLabel").queryLabeled().getText()).isEqualTo("410 matching");
        assertThat(robot.lookup("#table").queryAs(TableView.class).getItems()).hasSize(100);

        robot.clickOn("#nav-conflicts");
        console.settle();
        assertThat(robot.lookup("#summaryLabel").queryAs(Label.class).getText()).isEqualTo("25 conflicts wait in 20 entities.");
        assertThat(robot.lookup("#groupsTable").queryAs(TableView.class).getItems()).hasSize(20);

        robot.clickOn("#nav-migrations");
        console.settle();
        assertThat(robot.lookup("#versionLabel").queryAs(Label.class).getText()).isEqualTo("Version " + Versions.LATEST);
        TableView<MigrationEntry> migrations = robot.lookup("#migrationTable").queryAs(TableView.class);
        List<MigrationState> states = new ArrayList<>(Collections.nCopies(6, MigrationState.BELOW_BASELINE));
        states.add(MigrationState.BASELINE);
        Versions.above(10).forEach(version -> states.add(MigrationState.APPLIED));
        assertThat(migrations.getItems()).extracting(MigrationEntry::state).containsExactlyElementsOf(states);
        robot.interact(() -> Screenshots.save(robot.listTargetWindows().getFirst().getScene(), "migrations-adopted"));
        console.assertNothingWentWrong();
    }
}
