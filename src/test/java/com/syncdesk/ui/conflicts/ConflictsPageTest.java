package com.syncdesk.ui.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.syncdesk.conflict.ConflictFilter;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.SyncState;
import com.syncdesk.testing.TableDump;
import com.syncdesk.ui.PageId;
import com.syncdesk.ui.Theme;
import com.syncdesk.ui.shell.SyncDeskApp;

@ExtendWith(ApplicationExtension.class)
class ConflictsPageTest {

    @TempDir
    Path tempDir;

    private Stage stage;
    private ConflictFixture fixture;
    private SyncState first;
    private SyncState second;
    private SyncState sprint;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.LIGHT.apply();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide));
        robot.interact(fixture::close);
    }

    /** Two issues with three conflicts each and a sprint with two, shown on the Conflicts page of the main window. */
    private void showPage(FxRobot robot) throws Exception {
        fixture = ConflictFixture.connect(robot, tempDir, workspace -> {
            ConflictFixture.planningRows(workspace);
            first = ConflictFixture.issueWithThreeConflicts(workspace, 1);
            second = ConflictFixture.issueWithThreeConflicts(workspace, 2);
            sprint = ConflictFixture.sprintWithDateConflict(workspace);
        });
        robot.interact(() -> {
            SyncDeskApp.MainWindow window = SyncDeskApp.MainWindow.create(fixture.context);
            Scene scene = new Scene(window.root(), 1200, 760);
            Theme.LIGHT.style(scene);
            stage.setScene(scene);
            fixture.context.windowProperty().set(stage);
            stage.show();
            window.controller().show(PageId.CONFLICTS, null);
        });
        waitForGroups(3);
    }

    private TableView<?> groups(FxRobot robot) {
        return robot.lookup("#groupsTable").queryAs(TableView.class);
    }

    private void waitForGroups(int count) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fixture.context.tasks().runningProperty().get() == 0
                && new FxRobot().lookup("#groupsTable").queryAs(TableView.class).getItems().size() == count);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String summary(FxRobot robot) {
        return robot.lookup(".conflicts-summary").queryAs(Label.class).getText();
    }

    @Test
    void listsWhatWaitsByEntityWithTheCountAndFiltersByTypeAndText(FxRobot robot) throws Exception {
        showPage(robot);
        assertThat(summary(robot)).isEqualTo("8 conflicts wait in 3 entities.");

        @SuppressWarnings("unchecked")
        ComboBox<EntityType> type = robot.lookup("#typeBox").queryAs(ComboBox.class);
        robot.interact(() -> type.setValue(EntityType.SPRINT));
        waitForGroups(1);
        assertThat(summary(robot)).isEqualTo("2 conflicts wait in 1 entity.");

        robot.interact(() -> type.setValue(null));
        waitForGroups(3);
        robot.clickOn("#searchField").write("story");
        Thread.sleep(400);
        waitForGroups(2);
        assertThat(summary(robot)).as("every conflict of a matching entity counts, as bulk resolution takes them all").isEqualTo("6 conflicts wait in 2 entities.");
    }

    @Test
    void bulkResolveJiraWinsChangesExactlyTheMatchingConflictsAfterAConfirmation(FxRobot robot) throws Exception {
        showPage(robot);
        List<String> sprintBefore = sprintRows();
        @SuppressWarnings("unchecked")
        ComboBox<EntityType> type = robot.lookup("#typeBox").queryAs(ComboBox.class);
        robot.interact(() -> type.setValue(EntityType.ISSUE));
        waitForGroups(2);
        assertThat(fixture.workspace().conflicts().countOpen(ConflictFilter.all())).isEqualTo(8);

        robot.clickOn("#jiraWinsButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#bulk-confirmation").tryQuery().isPresent());
        DialogPane confirmation = robot.lookup("#bulk-confirmation").queryAs(DialogPane.class);
        assertThat(confirmation.getHeaderText()).isEqualTo("Resolve 6 conflicts in 2 entities: JIRA wins?");
        robot.clickOn("#bulk-notes").write("JIRA is the source of truth");
        robot.clickOn("Resolve: JIRA wins");
        waitForGroups(0);

        assertThat(fixture.workspace().conflicts().countOpen(ConflictFilter.all())).isEqualTo(2);
        assertThat(sprintRows()).as("the sprint did not match and is untouched").isEqualTo(sprintBefore);
        assertThat(ConflictFixture.scalar(fixture.workspace(), "SELECT count(*), min(resolution_notes), min(resolution_strategy) "
                + "FROM conflict_resolutions WHERE is_resolved = 1")).isEqualTo("6|JIRA is the source of truth|jira_wins");
        assertThat(ConflictFixture.scalar(fixture.workspace(), "SELECT group_concat(assignee) FROM issues WHERE id IN (1, 2)")).isEqualTo("Ben,Ben");
        assertThat(robot.lookup(".conflicts-status").queryAs(Label.class).getText()).isEqualTo("Resolved 6 conflicts in 2 entities (JIRA wins).");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#resolvedTable").queryAs(TableView.class).getItems().size() == 6);
    }

    @Test
    void navigatingWithASyncStateIdOpensItsDialog(FxRobot robot) throws Exception {
        showPage(robot);
        robot.interact(() -> fixture.context.navigate(PageId.CONFLICTS, sprint.getId()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".conflict-dialog .page-title").tryQuery()
                .map(n -> ((Label) n).getText()).filter("Sprint PAY Sprint 1"::equals).isPresent());
    }

    @Test
    void enterOnAnEntityOpensTheDialogAndResolvingItUpdatesBothLists(FxRobot robot) throws Exception {
        showPage(robot);
        robot.interact(() -> {
            groups(robot).requestFocus();
            groups(robot).getSelectionModel().select(1);
        });
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".conflict-dialog .page-title").tryQuery()
                .map(n -> ((Label) n).getText()).filter("Issue PAY-2"::equals).isPresent());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fixture.context.tasks().runningProperty().get() == 0);
        robot.clickOn("Keep all local");
        robot.clickOn("Apply");
        waitForGroups(2);
        assertThat(summary(robot)).isEqualTo("5 conflicts wait in 2 entities.");
        assertThat(ConflictFixture.scalar(fixture.workspace(), "SELECT sync_direction, resolution_strategy FROM sync_metadata WHERE id = "
                + second.getId())).isEqualTo("local_to_remote|local_wins");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#resolvedTable").queryAs(TableView.class).getItems().size() == 3);
    }

    private List<String> sprintRows() throws SQLException {
        try (var connection = fixture.workspace().database().connection()) {
            List<String> rows = new ArrayList<>(TableDump.rows(connection, "SELECT * FROM sprints ORDER BY id"));
            rows.addAll(TableDump.rows(connection, "SELECT * FROM conflict_resolutions WHERE sync_metadata_id = " + sprint.getId() + " ORDER BY id"));
            rows.addAll(TableDump.rows(connection, "SELECT * FROM sync_metadata WHERE id = " + sprint.getId()));
            return rows;
        }
    }
}
