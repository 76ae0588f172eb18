package com.syncdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.syncdesk.adoption.SprintReports;
import com.syncdesk.migration.MigrationEntry;
import com.syncdesk.migration.MigrationState;
import com.syncdesk.persistence.ConnectionTarget;
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

    @Test
    void aSprintReportsDatabaseIsOfferedForAdoptionAndAdoptedFromTheMigrationsPage(FxRobot robot) throws Exception {
        ConnectionTarget target = SprintReports.withRows();
        robot.interact(() -> console.window.controller().open(target));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> console.context.databaseProperty().get() != null);
        console.settle();

        assertThat(robot.lookup("#bannerText").queryLabeled().getText())
                .startsWith("This is a sprint-reports database at Alembic revision 008_add_sprint_jira_metadata. SyncDesk can adopt it");
        assertThat(robot.lookup("#bannerAction").queryButton().getText()).isEqualTo("Adopt on the Migrations page…");
        robot.clickOn("#bannerAction");
        console.settle();

        assertThat(robot.lookup("#upgradeButton").queryButton().isDisabled()).as("an upgrade would be refused").isTrue();
        Button adopt = robot.lookup("#adoptButton").queryButton();
        assertThat(adopt.isVisible()).isTrue();
        robot.clickOn(adopt);
        console.settle();
        DialogPane confirmation = robot.lookup("#adopt-confirm").queryAs(DialogPane.class);
        assertThat(((Label) ((ScrollPane) confirmation.getContent()).getContent()).getText()).contains("Conversion report (counted in the database; nothing was changed):")
                .contains("Backup: every table and sequence goes to a new folder").contains("The way back:");
        assertThat(((TextArea) confirmation.getExpandableContent()).getText()).contains("LOCK TABLE").contains("ALTER TABLE");
        robot.interact(() -> Screenshots.save(confirmation.getScene(), "adopt-confirmation"));
        robot.clickOn("#confirm-adopt");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#versionLabel").queryLabeled().getText()
                .equals("Version " + Versions.LATEST));
        console.settle();

        assertThat(adopt.isVisible()).isFalse();
        assertThat(robot.lookup("#banner").query().isVisible()).isFalse();
        assertThat(robot.lookup("#logList").queryListView().getItems()).anyMatch(line -> String.valueOf(line)
                .contains("Adopted in ") && String.valueOf(line).contains("SyncDesk schema version " + Versions.LATEST + ". Backup taken first: "));
        console.assertNothingWentWrong();
    }
}
