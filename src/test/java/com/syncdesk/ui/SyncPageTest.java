package com.syncdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
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

import com.syncdesk.conflict.ConflictGroup;
import com.syncdesk.jira.sim.JiraSimulator;
import com.syncdesk.jira.sim.SimResponse;
import com.syncdesk.jira.sim.SimulatorConfig;
import com.syncdesk.sync.SyncAttention;
import com.syncdesk.sync.SyncSummary;
import com.syncdesk.ui.sync.SyncController;

/** The Sync page and the JIRA connection dialog driven through their controls, against the in-process JIRA simulator. */
@ExtendWith(ApplicationExtension.class)
class SyncPageTest {

    @TempDir
    Path dir;

    private ConsoleHarness console;
    private JiraSimulator sim;

    @Start
    void start(Stage stage) {
        console = ConsoleHarness.start(stage, dir, 1280, 800);
    }

    @AfterEach
    void close(FxRobot robot) {
        console.close(robot);
        if (sim != null) {
            sim.close();
        }
    }

    private static void type(FxRobot robot, String field, String text) {
        TextField input = robot.lookup(field).queryAs(TextField.class);
        robot.interact(input::clear);
        robot.clickOn(input).write(text);
    }

    private String text(FxRobot robot, String label) {
        return robot.lookup(label).queryAs(Label.class).getText();
    }

    private SyncController page() {
        return console.page(PageId.SYNC);
    }

    /** A database connected to the simulator without the dialog, for the tests about runs. */
    private void connectedToTheSimulator(FxRobot robot, SimulatorConfig config) throws Exception {
        sim = JiraSimulator.start(config);
        console.open(robot, TestConsoles.empty(dir));
        console.context.jiraConnections(console.context.workspace()).connect(sim.site().withBoards(sim.boardIds()).withBacklog(true), sim.token());
        robot.clickOn("#nav-sync");
        robot.interact(console.context::jiraConnectionSaved);
        console.settle();
    }

    private void syncNow(FxRobot robot) throws Exception {
        robot.clickOn("#syncNowButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !page().model().runningProperty().get() && page().model().summaryProperty().get() != null);
        console.settle();
    }

    private String row(String sql) throws Exception {
        try (Connection connection = console.context.workspace().database().connection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    @Test
    void connectTestSyncAnEmptyDatabaseResolveAConflictAndTheNextRunPushesIt(FxRobot robot) throws Exception {
        sim = JiraSimulator.start(SimulatorConfig.cloud(5, 120));
        console.open(robot, TestConsoles.empty(dir));
        robot.clickOn("#nav-sync");
        console.settle();
        assertThat(text(robot, "#connectionText")).contains("no JIRA connection yet");

        robot.clickOn("#connectButton");
        WaitForAsyncUtils.waitForFxEvents();
        console.settle();
        assertThat(robot.lookup("#jira-connection-dialog").tryQuery()).isPresent();
        assertThat(text(robot, "#tokenHome")).contains("kept for this session only");
        type(robot, "#siteUrl", sim.baseUrl().toString());
        type(robot, "#user", sim.config().user());
        type(robot, "#token", sim.config().token());
        type(robot, "#projects", sim.projectKeys().getFirst());
        robot.clickOn("#testButton");
        console.settle();
        assertThat(text(robot, "#result")).contains("Signed in to " + sim.baseUrl()).contains("Story points: field").contains("Board ");
        @SuppressWarnings("unchecked")
        ListView<Object> boards = robot.lookup("#boards").queryAs(ListView.class);
        assertThat(boards.getItems()).isNotEmpty();
        robot.clickOn("#save-jira-connection");
        console.settle();
        assertThat(robot.lookup("#jira-connection-dialog").tryQuery()).as("the dialog closes once saved").isEmpty();
        assertThat(text(robot, "#connectionText")).contains(sim.config().user()).contains("kept for this session only");

        List<String> phases = new CopyOnWriteArrayList<>();
        page().model().phaseProperty().addListener((obs, old, now) -> phases.add(now));
        syncNow(robot);
        assertThat(phases).anyMatch(p -> p.startsWith("Board 1 of "));
        assertThat(text(robot, "#summaryText")).startsWith("Full sync completed");
        assertThat(Long.parseLong(text(robot, "#pulled").replace(",", ""))).isPositive();
        assertThat(robot.lookup("#summaryCard").query().isVisible()).isTrue();

        String key = row("SELECT issue_key FROM issues ORDER BY id LIMIT 1");
        sim.renameAsAnotherUser(key, "JIRA's summary");
        console.context.workspace().database().inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate("UPDATE issues SET summary = 'Kept in SyncDesk', updated_at = CURRENT_TIMESTAMP WHERE issue_key = '"
                        + key + "'");
            }
        });
        syncNow(robot);
        assertThat(page().model().summaryProperty().get().counts().conflictsOpened()).isEqualTo(1);
        assertThat(robot.lookup("#conflictsLink").queryLabeled().getText()).isEqualTo("The 1 conflict it opened");

        robot.clickOn("#conflictsLink");
        console.settle();
        assertThat(console.window.controller().currentPage()).isEqualTo(PageId.CONFLICTS);
        @SuppressWarnings("unchecked")
        TableView<ConflictGroup> groups = robot.lookup("#groupsTable").queryAs(TableView.class);
        assertThat(groups.getItems()).hasSize(1);
        robot.interact(() -> groups.getSelectionModel().select(0));
        robot.clickOn("#openButton");
        console.settle();
        robot.clickOn("Keep all local");
        robot.clickOn("Apply");
        console.settle();

        robot.clickOn("#nav-sync");
        syncNow(robot);
        assertThat(page().model().summaryProperty().get().counts().pushed()).isEqualTo(1);
        assertThat(sim.issue(key).summary()).isEqualTo("Kept in SyncDesk");
        console.assertNothingWentWrong();
    }

    @Test
    void cancelStopsALongRunAfterTheCurrentEntity(FxRobot robot) throws Exception {
        connectedToTheSimulator(robot, SimulatorConfig.cloud(7, 600).withLatency(Duration.ofMillis(40)));
        List<String> phases = new CopyOnWriteArrayList<>();
        page().model().phaseProperty().addListener((obs, old, now) -> phases.add(now));
        robot.clickOn("#syncNowButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> page().model().phaseProperty().get().startsWith("Board "));

        robot.clickOn("#cancelButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !page().model().runningProperty().get());
        console.settle();

        assertThat(phases).contains("Cancelling after the current entity…");
        assertThat(page().model().summaryProperty().get().outcome()).isEqualTo(SyncSummary.Outcome.CANCELLED);
        assertThat(text(robot, "#summaryText")).startsWith("Full sync stopped on request").contains("what was done is kept");
        assertThat(row("SELECT count(*) FROM sync_metadata WHERE sync_status = 'in_progress'")).isEqualTo("0");
        console.assertNothingWentWrong();
    }

    @Test
    void aRateLimitedRunCountsDownItsWait(FxRobot robot) throws Exception {
        connectedToTheSimulator(robot, SimulatorConfig.cloud(5, 120));
        sim.when("POST", "/rest/api/3/search/jql").times(1).reply(SimResponse.rateLimited(3));

        robot.clickOn("#syncNowButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#waitText").query().isVisible());
        String first = text(robot, "#waitText");
        assertThat(first).startsWith("JIRA's rate limit: waiting ").contains(" s before the next request");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#waitText").queryAs(Label.class).getText().equals(first));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !page().model().runningProperty().get());
        console.settle();

        assertThat(robot.lookup("#waitText").query().isVisible()).isFalse();
        assertThat(text(robot, "#summaryText")).contains("1 rate-limit wait");
        console.assertNothingWentWrong();
    }

    @Test
    void aRevokedTokenRaisesTheBannerAndUpdateTokenOpensTheDialog(FxRobot robot) throws Exception {
        connectedToTheSimulator(robot, SimulatorConfig.cloud(5, 120));
        assertThat(robot.lookup("#authBanner").query().isVisible()).isFalse();
        sim.revokeToken();

        syncNow(robot);

        assertThat(robot.lookup("#authBanner").query().isVisible()).isTrue();
        assertThat(text(robot, "#authText")).contains("JIRA refused the API token for " + sim.config().user());
        robot.clickOn("#updateTokenButton");
        console.settle();
        assertThat(robot.lookup("#jira-connection-dialog").tryQuery()).isPresent();
        assertThat(robot.lookup("#siteUrl").queryAs(TextField.class).getText()).isEqualTo(sim.baseUrl().toString());
        console.assertNothingWentWrong();
    }

    @Test
    void aNoticeAppearsAsANotificationThatLeavesTheFocusInTheWindow(FxRobot robot) throws Exception {
        console.open(robot, TestConsoles.empty(dir));
        robot.clickOn("#nav-sync");
        Window main = console.context.windowProperty().get();
        robot.interact(() -> console.context.notifyOperator("Scheduled sync: failed", "1 entity failed, 0 conflicts opened."));
        WaitForAsyncUtils.waitForFxEvents();

        Window notice = Window.getWindows().stream().filter(w -> w != main && w.getScene() != null && w.getScene().lookup(".notification-bar") != null)
                .findFirst().orElseThrow();
        assertThat(main.isFocused()).isTrue();
        Region bar = (Region) notice.getScene().getRoot().lookup(".notification-bar > .pane");
        assertThat(bar.getBackground()).as("painted in the theme's colours, not left transparent").isNotNull();
        assertThat(bar.getBackground().getFills()).hasSize(2);
        console.assertNothingWentWrong();
    }

    @Test
    void whatNeedsAHumanShowsInTheSidebarBadgeAndDrillsDownToTheMessages(FxRobot robot) throws Exception {
        connectedToTheSimulator(robot, SimulatorConfig.cloud(5, 120));
        syncNow(robot);
        Node badge = robot.lookup("#badge-sync").query();
        assertThat(badge.isVisible()).isFalse();
        console.context.workspace().database().inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate("UPDATE sync_metadata SET sync_status = 'failed', failure_kind = 'not_found', error_count = 1, "
                        + "last_error = 'JIRA has no issue PAY-404: it was deleted or moved' WHERE id IN "
                        + "(SELECT id FROM sync_metadata WHERE entity_type = 'issue' ORDER BY id LIMIT 2)");
            }
        });
        robot.clickOn("#nav-dashboard");
        robot.clickOn("#nav-sync");
        console.settle();

        assertThat(badge.isVisible()).isTrue();
        assertThat(((Label) badge).getText()).isEqualTo("2");
        @SuppressWarnings("unchecked")
        ListView<SyncAttention.Count> groups = robot.lookup("#attention").queryAs(ListView.class);
        assertThat(groups.getItems()).singleElement().satisfies(g -> assertThat(g.label()).isEqualTo("not found"));
        robot.interact(() -> groups.getSelectionModel().select(0));
        console.settle();
        @SuppressWarnings("unchecked")
        TableView<SyncAttention.State> states = robot.lookup("#drillDown").queryAs(TableView.class);
        assertThat(states.getItems()).hasSize(2).allSatisfy(s -> assertThat(s.lastError()).isEqualTo("JIRA has no issue PAY-404: it was deleted or moved"));

        // Sync States shows what the engine plans for each failed state in its badge.
        console.context.workspace().database().inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE sync_metadata SET parked_at = '2026-12-01T10:00:00.000000Z', error_count = 5 WHERE id = "
                        + states.getItems().get(0).id());
                return statement.executeUpdate("UPDATE sync_metadata SET failure_kind = 'network', next_attempt_at = '2026-12-01T11:00:00.000000Z', "
                        + "error_count = 2 WHERE id = " + states.getItems().get(1).id());
            }
        });
        robot.clickOn("Retry or skip in Sync States");
        console.settle();
        assertThat(console.window.controller().currentPage()).isEqualTo(PageId.SYNC_STATES);
        assertThat(robot.lookup(".status-badge.parked").queryAs(Label.class).getText()).isEqualTo("parked after 5 failures");
        Label retrying = robot.lookup(".status-badge.retrying").queryAs(Label.class);
        assertThat(retrying.getText()).isEqualTo("retrying · last attempt failed (2×)");
        assertThat(retrying.getTooltip().getText()).isEqualTo("Next attempt " + console.context.texts().timestamp(Instant.parse("2026-12-01T11:00:00Z")));
        console.assertNothingWentWrong();
    }

    @Test
    void syncNowOnSyncStatesRunsTheChosenEntitiesOnTheSyncPage(FxRobot robot) throws Exception {
        connectedToTheSimulator(robot, SimulatorConfig.cloud(5, 120));
        syncNow(robot);
        String key = row("SELECT issue_key FROM issues ORDER BY id LIMIT 1");
        sim.renameAsAnotherUser(key, "Renamed in JIRA just now");
        long before = sim.requestCount("POST", "/rest/api/3/search/jql");

        robot.clickOn("#nav-sync-states");
        robot.clickOn("#searchField").write(key);
        console.settle();
        @SuppressWarnings("unchecked")
        TableView<com.syncdesk.syncstate.SyncStateRow> table = robot.lookup("#table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#syncEntitiesButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> page().model().summaryProperty().get() != null
                && page().model().summaryProperty().get().batchId().startsWith("entities-") && !page().model().runningProperty().get());
        console.settle();

        assertThat(console.window.controller().currentPage()).isEqualTo(PageId.SYNC);
        SyncSummary done = page().model().summaryProperty().get();
        assertThat(done.outcome()).as(done.error()).isEqualTo(SyncSummary.Outcome.COMPLETED);
        assertThat(done.counts().processed()).isEqualTo(1);
        assertThat(done.counts().pulled()).isEqualTo(1);
        assertThat(sim.requestCount("POST", "/rest/api/3/search/jql") - before).isEqualTo(1);
        assertThat(row("SELECT summary FROM issues WHERE issue_key = '" + key + "'")).isEqualTo("Renamed in JIRA just now");
        console.assertNothingWentWrong();
    }
}
