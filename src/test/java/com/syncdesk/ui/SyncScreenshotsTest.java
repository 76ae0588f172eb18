package com.syncdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
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

import com.syncdesk.jira.sim.JiraSimulator;
import com.syncdesk.jira.sim.SimResponse;
import com.syncdesk.jira.sim.SimulatorConfig;
import com.syncdesk.testing.Screenshots;
import com.syncdesk.ui.sync.JiraConnectionDialog;
import com.syncdesk.ui.sync.SyncController;

/**
 * The JIRA connection dialog, the Sync page during a run (a rate-limit countdown), its summary and what needs a human,
 * in the light and the dark theme, at the default window size (docs/screenshots with -Dsyncdesk.screenshots=docs).
 */
@ExtendWith(ApplicationExtension.class)
class SyncScreenshotsTest {

    @TempDir
    Path dir;

    private ConsoleHarness console;
    private Stage stage;
    private JiraSimulator sim;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = ConsoleHarness.start(stage, dir, 1280, 800);
    }

    @AfterEach
    void close(FxRobot robot) {
        console.close(robot);
        if (sim != null) {
            sim.close();
        }
    }

    private SyncController page() {
        return console.page(PageId.SYNC);
    }

    private void theme(FxRobot robot, Theme theme) {
        robot.interact(() -> {
            console.context.settings().theme = theme.id();
            theme.apply();
            theme.style(console.scene);
        });
    }

    private static void type(FxRobot robot, String field, String text) {
        TextField input = robot.lookup(field).queryAs(TextField.class);
        robot.interact(input::clear);
        robot.clickOn(input).write(text);
    }

    private String row(String sql) throws Exception {
        try (var connection = console.context.workspace().database().connection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private void edit(String sql) {
        console.context.workspace().database().inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate(sql);
            }
        });
    }

    @Test
    void rendersTheSyncScreensInBothThemes(FxRobot robot) throws Exception {
        sim = JiraSimulator.start(SimulatorConfig.cloud(11, 400));
        console.open(robot, TestConsoles.empty(dir));
        robot.clickOn("#nav-sync");
        console.settle();
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            String suffix = theme == Theme.DARK ? "-dark" : "";
            theme(robot, theme);
            robot.interact(() -> JiraConnectionDialog.show(console.context, stage, kept -> console.context.jiraConnectionSaved()));
            console.settle();
            type(robot, "#siteUrl", sim.baseUrl().toString());
            type(robot, "#user", sim.config().user());
            type(robot, "#token", sim.config().token());
            type(robot, "#projects", String.join(", ", sim.projectKeys()));
            robot.clickOn("#testButton");
            console.settle();
            @SuppressWarnings("unchecked")
            ListView<Object> boards = robot.lookup("#boards").queryAs(ListView.class);
            assertThat(boards.getItems()).isNotEmpty();
            Window dialog = Window.getWindows().stream().filter(w -> w != stage && w.getScene().lookup("#jira-connection-dialog") != null)
                    .findFirst().orElseThrow();
            robot.interact(() -> Screenshots.save(dialog.getScene(), "jira-connection-dialog" + suffix));
            robot.clickOn("#backlog");
            robot.clickOn("#save-jira-connection");
            console.settle();
        }

        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            String suffix = theme == Theme.DARK ? "-dark" : "";
            theme(robot, theme);
            sim.when("POST", "/rest/api/3/search/jql").nth(2).reply(SimResponse.rateLimited(5));
            robot.clickOn(theme == Theme.LIGHT ? "#syncNowButton" : "#fullResyncButton");
            if (theme == Theme.DARK) {
                console.settle();
                Window question = Window.getWindows().stream().filter(w -> w != stage && w.getScene().lookup("#full-resync") != null)
                        .findFirst().orElseThrow();
                robot.interact(() -> Screenshots.save(question.getScene(), "sync-full-resync-question"));
                robot.clickOn("#full-resync-yes");
            }
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#waitText").query().isVisible());
            WaitForAsyncUtils.sleep(1200, TimeUnit.MILLISECONDS);
            robot.interact(() -> Screenshots.save(console.scene, "sync-running" + suffix));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !page().model().runningProperty().get());
            console.settle();
        }

        // A second run that opens a conflict and fails an issue JIRA refuses, with others failing and one parked earlier.
        List<String> keys = List.of(row("SELECT issue_key FROM issues ORDER BY id LIMIT 1"), row("SELECT issue_key FROM issues ORDER BY id LIMIT 1 OFFSET 1"));
        String refusedId = row("SELECT jira_issue_id FROM issues WHERE issue_key = '" + keys.get(1) + "'");
        sim.renameAsAnotherUser(keys.get(0), "Checkout totals rounded in JIRA");
        edit("UPDATE issues SET summary = 'Checkout totals rounded half-even', updated_at = CURRENT_TIMESTAMP WHERE issue_key = '" + keys.get(0) + "'");
        edit("UPDATE issues SET story_points = 13, updated_at = CURRENT_TIMESTAMP WHERE issue_key = '" + keys.get(1) + "'");
        sim.when("PUT", "/rest/api/3/issue/(" + keys.get(1) + "|" + refusedId + ")").reply(SimResponse.badRequest(Map.of("customfield_10016",
                "Story points must be one of 1, 2, 3, 5 or 8 on this board."), "The issue could not be updated."));
        edit("UPDATE sync_metadata SET sync_status = 'failed', failure_kind = 'rate_limit', error_count = 2, "
                + "last_error = 'JIRA rate-limited SyncDesk (HTTP 429) for issue MOB-12 and the retries ran out', "
                + "next_attempt_at = '2026-12-01T17:20:00.000000Z', last_sync_attempt = '2026-12-01T17:04:00.000000Z' "
                + "WHERE id IN (SELECT id FROM sync_metadata WHERE entity_type = 'issue' ORDER BY id DESC LIMIT 3)");
        edit("UPDATE sync_metadata SET sync_status = 'failed', failure_kind = 'not_found', error_count = 5, "
                + "last_error = 'JIRA has no sprint 4711 any more: it was deleted or moved to another board', "
                + "parked_at = '2026-12-01T16:40:00.000000Z', last_sync_attempt = '2026-12-01T16:40:00.000000Z' "
                + "WHERE id IN (SELECT id FROM sync_metadata WHERE entity_type = 'sprint' ORDER BY id LIMIT 1)");
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            String suffix = theme == Theme.DARK ? "-dark" : "";
            theme(robot, theme);
            if (theme == Theme.LIGHT) {
                robot.clickOn("#syncNowButton");
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !page().model().runningProperty().get());
                console.settle();
                assertThat(page().model().summaryProperty().get().counts().conflictsOpened()).isEqualTo(1);
                assertThat(page().model().summaryProperty().get().counts().failed()).isEqualTo(1);
            }
            robot.interact(() -> Screenshots.save(console.scene, "sync-summary" + suffix));
            @SuppressWarnings("unchecked")
            ListView<Object> groups = robot.lookup("#attention").queryAs(ListView.class);
            robot.interact(() -> groups.getSelectionModel().select(1));
            console.settle();
            for (int i = 0; i < 2; i++) {
                robot.interact(() -> robot.lookup(".sync-scroll").queryAs(ScrollPane.class).setVvalue(1));
                WaitForAsyncUtils.waitForFxEvents();
            }
            robot.interact(() -> Screenshots.save(console.scene, "sync-needs-a-human" + suffix));
            robot.interact(() -> robot.lookup(".sync-scroll").queryAs(ScrollPane.class).setVvalue(0));
        }
        assertThat(Screenshots.folder().resolve("sync-needs-a-human-dark.png")).isRegularFile();
        console.assertNothingWentWrong();
    }
}
