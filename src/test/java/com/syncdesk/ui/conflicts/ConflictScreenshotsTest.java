package com.syncdesk.ui.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.fasterxml.jackson.databind.node.TextNode;
import com.syncdesk.conflict.ConflictGroup;
import com.syncdesk.conflict.FieldChoice;
import com.syncdesk.demo.DemoDataGenerator;
import com.syncdesk.persistence.SqliteTimestamps;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.FieldConflict;
import com.syncdesk.testing.Screenshots;
import com.syncdesk.ui.PageId;
import com.syncdesk.ui.Theme;
import com.syncdesk.ui.shell.SyncDeskApp;

/** The pictures in the README: the conflict dialog and the Conflicts page on demo data. */
@ExtendWith(ApplicationExtension.class)
class ConflictScreenshotsTest {

    @TempDir
    Path tempDir;

    private Stage stage;
    private ConflictFixture fixture;
    private ConflictDialog dialog;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.LIGHT.apply();
    }

    @AfterEach
    void close(FxRobot robot) {
        if (dialog != null) {
            robot.interact(() -> dialog.stage().close());
        }
        robot.interact(fixture::close);
    }

    private void demoData(FxRobot robot) throws Exception {
        fixture = ConflictFixture.connect(robot, tempDir, workspace -> {
            workspace.demoData().generate(1500, 7, DemoDataGenerator.Progress.NONE);
        });
    }

    @Test
    void theDialogWithALongTextDiffADateAndATypedValue(FxRobot robot) throws Exception {
        dialogWithChoices(robot, Theme.LIGHT, "conflict-dialog");
    }

    @Test
    void theDialogInTheDarkTheme(FxRobot robot) throws Exception {
        robot.interact(Theme.DARK::apply);
        dialogWithChoices(robot, Theme.DARK, "conflict-dialog-dark");
    }

    private void dialogWithChoices(FxRobot robot, Theme theme, String name) throws Exception {
        demoData(robot);
        long stateId = sprintConflict();
        robot.interact(() -> {
            stage.setScene(new Scene(new StackPane(), 200, 100));
            stage.show();
            dialog = ConflictDialog.open(stage, theme, fixture.context.tasks(), fixture.workspace().conflicts(), "alice",
                    fixture.context.jiraLinks(), fixture.context::browse, stateId, r -> { });
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialog.model().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.targetWindow(dialog.stage());
        ConflictDialogTest.clickField(robot, "goal", ".choice-remote");
        ConflictDialogTest.clickField(robot, "end_date", ".choice-local");
        ConflictDialogTest.clickField(robot, "name", ".choice-edit");
        TextInputControl editor = robot.lookup("#conflict-row-name .custom-editor").queryAs(TextInputControl.class);
        robot.write(" – extended by a week");
        assertThat(editor.getText()).endsWith("extended by a week");
        robot.clickOn(".conflict-footer .text-area").write("PO agreed to extend; JIRA's goal is the current one.");
        ConflictDialogTest.clickField(robot, "name", ".custom-editor");
        robot.interact(() -> Screenshots.save(dialog.stage().getScene(), name));
    }

    /** Demo data has few sprint conflicts; one on a demo sprint shows a long goal, a name and a date side by side. */
    private long sprintConflict() {
        var workspace = fixture.workspace();
        String[] sprint = ConflictFixture.scalar(workspace, "SELECT min(id), name FROM sprints WHERE goal IS NOT NULL AND end_date IS NOT NULL "
                + "AND id = (SELECT min(id) FROM sprints WHERE goal IS NOT NULL AND end_date IS NOT NULL)").split("\\|");
        String end = ConflictFixture.scalar(workspace, "SELECT end_date FROM sprints WHERE id = " + sprint[0]);
        Instant localEnd = SqliteTimestamps.parse(end).orElseThrow();
        var state = workspace.syncStates().find(EntityType.SPRINT, sprint[0]).orElseThrow();
        TextNode name = TextNode.valueOf(sprint[1]);
        return workspace.conflicts().record(state, List.of(
                new FieldConflict("name", name, TextNode.valueOf(sprint[1] + " (extended)"), name),
                new FieldConflict("goal", TextNode.valueOf("Ship the new checkout to 10% of users and keep the old one as a fallback"),
                        TextNode.valueOf("Ship the new checkout to 25% of users and fix the flaky payment tests"),
                        TextNode.valueOf("Ship the new checkout to 10% of users")),
                new FieldConflict("end_date", TextNode.valueOf(localEnd.toString()),
                        TextNode.valueOf(localEnd.plus(Duration.ofDays(7)).toString()), TextNode.valueOf(localEnd.toString())))).getId();
    }

    @Test
    void theConflictsPageOnDemoData(FxRobot robot) throws Exception {
        demoData(robot);
        robot.interact(() -> {
            SyncDeskApp.MainWindow window = SyncDeskApp.MainWindow.create(fixture.context);
            Scene scene = new Scene(window.root(), 1280, 800);
            Theme.LIGHT.style(scene);
            stage.setScene(scene);
            fixture.context.windowProperty().set(stage);
            stage.show();
            window.controller().show(PageId.CONFLICTS, null);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#groupsTable").queryAs(TableView.class).getItems().isEmpty());
        // one resolution so the second table shows what it records
        long stateId = ((ConflictGroup) robot.lookup("#groupsTable").queryAs(TableView.class).getItems().getFirst()).stateId();
        var detail = fixture.workspace().conflicts().detail(stateId);
        Map<String, FieldChoice> choices = new HashMap<>();
        detail.fields().forEach(f -> choices.put(f.name(), FieldChoice.remote()));
        fixture.workspace().conflicts().resolve(stateId, detail.state().rowVersion(), choices, "JIRA had the PO's latest edit", "alice");
        robot.interact(() -> fixture.context.navigate(PageId.CONFLICTS, null));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#resolvedTable").queryAs(TableView.class).getItems().isEmpty());
        robot.interact(() -> robot.lookup("#groupsTable").queryAs(TableView.class).getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), "conflicts-page"));
    }
}
