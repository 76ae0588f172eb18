package com.syncdesk.ui.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
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
import com.syncdesk.app.Texts;
import com.syncdesk.conflict.FieldChoice.Side;
import com.syncdesk.conflict.ResolutionResult;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.FieldConflict;
import com.syncdesk.syncstate.SyncState;
import com.syncdesk.testing.StateRows;
import com.syncdesk.testing.TableDump;
import com.syncdesk.ui.Theme;

@ExtendWith(ApplicationExtension.class)
class ConflictDialogTest {

    @TempDir
    Path tempDir;

    private Stage owner;
    private ConflictFixture fixture;
    private ConflictDialog dialog;
    private final AtomicReference<ResolutionResult> resolved = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        owner = stage;
        Theme.LIGHT.apply();
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        if (dialog != null) {
            robot.interact(() -> dialog.stage().close());
        }
        if (fixture != null) {
            robot.interact(fixture::close);
        }
    }

    private SyncState seedIssue(FxRobot robot) throws Exception {
        AtomicReference<SyncState> state = new AtomicReference<>();
        fixture = ConflictFixture.connect(robot, tempDir, workspace -> {
            ConflictFixture.planningRows(workspace);
            state.set(ConflictFixture.issueWithThreeConflicts(workspace, 1));
        });
        return state.get();
    }

    private void openDialog(FxRobot robot, long stateId) throws Exception {
        robot.interact(() -> dialog = ConflictDialog.open(owner, Theme.LIGHT, fixture.context.tasks(), fixture.workspace().conflicts(),
                "alice", fixture.context.jiraLinks(), fixture.context::browse, stateId, resolved::set));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialog.model().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.targetWindow(dialog.stage());
    }

    private void waitForResolution() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> resolved.get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitUntilIdle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialog.model().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void key(FxRobot robot, KeyCode... keys) {
        robot.press(keys).release(reversed(keys));
    }

    private static KeyCode[] reversed(KeyCode[] keys) {
        KeyCode[] out = new KeyCode[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = keys[keys.length - 1 - i];
        }
        return out;
    }

    private void assertIssueResolvedAsChosen(SyncState state, String assignee, String notes) {
        var workspace = fixture.workspace();
        assertThat(ConflictFixture.scalar(workspace, "SELECT summary, CAST(story_points * 100 AS INTEGER), assignee FROM issues WHERE id = 1"))
                .isEqualTo("Refund flow for card payments in all regions|300|" + assignee);
        assertThat(ConflictFixture.scalar(workspace, "SELECT count(*), min(c.resolution_notes), max(c.resolution_notes), min(o.username) "
                + "FROM conflict_resolutions c JOIN operators o ON o.id = c.resolved_by WHERE c.is_resolved = 1 AND c.resolved_at IS NOT NULL"))
                .isEqualTo("3|" + notes + "|" + notes + "|alice");
        assertThat(ConflictFixture.scalar(workspace, "SELECT count(*) FROM conflict_resolutions WHERE is_resolved = 0")).isEqualTo("0");
        assertThat(ConflictFixture.scalar(workspace, "SELECT resolved_value FROM conflict_resolutions WHERE field_name = 'assignee'"))
                .isEqualTo("\"" + assignee + "\"");
        assertThat(ConflictFixture.scalar(workspace, "SELECT sync_status, sync_direction, resolution_strategy, coalesce(conflicts, 'none') "
                + "FROM sync_metadata WHERE id = " + state.getId())).isEqualTo("pending|local_to_remote|manual|none");
        assertThat(ConflictFixture.scalar(workspace, "SELECT operator, action, entity_type, entity_id FROM audit_log WHERE action = 'resolve_conflict'"))
                .isEqualTo("alice|resolve_conflict|issue|1");
    }

    @Test
    void resolvingWithTheMouseWritesOneValueFromEachSideAndOneTypedValue(FxRobot robot) throws Exception {
        SyncState state = seedIssue(robot);
        openDialog(robot, state.getId());
        assertThat(robot.lookup(".page-title").queryAs(Label.class).getText()).isEqualTo("Issue PAY-1");

        clickField(robot, "summary", ".choice-remote");
        clickField(robot, "story_points", ".choice-local");
        clickField(robot, "assignee", ".choice-edit");
        TextInputControl editor = robot.lookup("#conflict-row-assignee .custom-editor").queryAs(TextInputControl.class);
        assertThat(editor.getText()).as("editing starts from SyncDesk's value").isEqualTo("Ana");
        robot.interact(editor::clear);
        robot.clickOn(editor).write("Chloe Martin");
        robot.clickOn(robot.lookup(".conflict-footer .text-area").queryAs(TextArea.class)).write("agreed with the PO");
        robot.clickOn("Apply");
        waitForResolution();

        assertThat(resolved.get().closedConflicts()).isEqualTo(3);
        assertIssueResolvedAsChosen(state, "Chloe Martin", "agreed with the PO");
        assertThat(dialog.stage().isShowing()).isFalse();
    }

    @Test
    void theSameResolutionWorksWithTheKeyboardAlone(FxRobot robot) throws Exception {
        SyncState state = seedIssue(robot);
        openDialog(robot, state.getId());
        assertThat(dialog.stage().getScene().getFocusOwner()).as("the first field has the focus").hasFieldOrPropertyWithValue("id", "conflict-row-summary");

        key(robot, KeyCode.J);
        key(robot, KeyCode.DOWN);
        key(robot, KeyCode.L);
        key(robot, KeyCode.DOWN);
        key(robot, KeyCode.E);
        key(robot, KeyCode.SHORTCUT, KeyCode.A);
        robot.write("Chloe Martin");
        key(robot, KeyCode.TAB);
        assertThat(dialog.stage().getScene().getFocusOwner()).isInstanceOf(TextArea.class);
        robot.write("decided by keyboard");
        key(robot, KeyCode.SHORTCUT, KeyCode.ENTER);
        waitForResolution();

        assertIssueResolvedAsChosen(state, "Chloe Martin", "decided by keyboard");
    }

    @Test
    void upAndDownMoveBetweenFieldsAndTheLettersChooseForTheFocusedOne(FxRobot robot) throws Exception {
        SyncState state = seedIssue(robot);
        openDialog(robot, state.getId());
        key(robot, KeyCode.DOWN);
        key(robot, KeyCode.DOWN);
        key(robot, KeyCode.UP);
        key(robot, KeyCode.J);
        assertThat(dialog.model().rows()).extracting(r -> r.choiceProperty().get()).containsExactly(null, Side.REMOTE, null);

        robot.clickOn("Keep all local");
        assertThat(dialog.model().rows()).extracting(r -> r.choiceProperty().get()).containsOnly(Side.LOCAL);
        robot.clickOn("Take all JIRA");
        assertThat(dialog.model().rows()).extracting(r -> r.choiceProperty().get()).containsOnly(Side.REMOTE);
        key(robot, KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.stage().isShowing()).as("Esc cancels").isFalse();
        assertThat(ConflictFixture.scalar(fixture.workspace(), "SELECT count(*) FROM conflict_resolutions WHERE is_resolved = 0")).isEqualTo("3");
    }

    @Test
    void applyingWithAFieldNotChosenAsksForItAndWritesNothing(FxRobot robot) throws Exception {
        SyncState state = seedIssue(robot);
        openDialog(robot, state.getId());
        Map<String, List<String>> before = TableDump.of(fixture.workspace().database());
        clickField(robot, "summary", ".choice-remote");
        robot.clickOn("Apply");
        waitUntilIdle();
        assertThat(problem(robot, "story_points")).contains("Choose a value");
        assertThat(TableDump.of(fixture.workspace().database())).isEqualTo(before);
    }

    @Test
    void negativeStoryPointsAreRefusedOnTheFieldAndNothingIsWritten(FxRobot robot) throws Exception {
        SyncState state = seedIssue(robot);
        openDialog(robot, state.getId());
        Map<String, List<String>> before = TableDump.of(fixture.workspace().database());
        robot.clickOn("Take all JIRA");
        clickField(robot, "story_points", ".choice-edit");
        TextInputControl editor = robot.lookup("#conflict-row-story_points .custom-editor").queryAs(TextInputControl.class);
        robot.interact(editor::clear);
        robot.write("-3");
        robot.clickOn("Apply");
        waitUntilIdle();

        assertThat(problem(robot, "story_points")).isEqualTo("Story points cannot be negative.");
        assertThat(problem(robot, "summary")).isEmpty();
        assertThat(resolved.get()).isNull();
        assertThat(dialog.stage().isShowing()).isTrue();
        assertThat(TableDump.of(fixture.workspace().database())).isEqualTo(before);
    }

    @Test
    void aSprintEndingBeforeItStartsIsRefusedByTheDatabaseRuleAndMarkedOnTheEndDate(FxRobot robot) throws Exception {
        AtomicReference<SyncState> sprint = new AtomicReference<>();
        fixture = ConflictFixture.connect(robot, tempDir, workspace -> {
            ConflictFixture.planningRows(workspace);
            sprint.set(ConflictFixture.sprintWithDateConflict(workspace));
        });
        openDialog(robot, sprint.get().getId());
        Map<String, List<String>> before = TableDump.of(fixture.workspace().database());
        clickField(robot, "goal", ".choice-remote");
        clickField(robot, "end_date", ".choice-edit");
        TextInputControl editor = robot.lookup("#conflict-row-end_date .custom-editor").queryAs(TextInputControl.class);
        robot.interact(editor::clear);
        robot.write("2025-12-24T12:00:00Z");
        robot.clickOn("Apply");
        waitUntilIdle();

        assertThat(problem(robot, "end_date")).contains("a sprint cannot end before it starts");
        assertThat(resolved.get()).isNull();
        assertThat(TableDump.of(fixture.workspace().database())).isEqualTo(before);
    }

    @Test
    void aChangeBySomeoneElseIsReportedAndEverythingTypedIsKept(FxRobot robot) throws Exception {
        SyncState state = seedIssue(robot);
        openDialog(robot, state.getId());
        clickField(robot, "summary", ".choice-remote");
        clickField(robot, "story_points", ".choice-edit");
        TextInputControl points = robot.lookup("#conflict-row-story_points .custom-editor").queryAs(TextInputControl.class);
        robot.interact(points::clear);
        robot.write("5");
        clickField(robot, "assignee", ".choice-local");
        robot.clickOn(robot.lookup(".conflict-footer .text-area").queryAs(TextArea.class)).write("typed before the change");

        // A sync worker fails the same entity meanwhile: its row version moves on.
        fixture.workspace().syncStates().markFailed(state, "HTTP 503 Service Unavailable");
        Map<String, List<String>> before = TableDump.of(fixture.workspace().database());
        robot.clickOn("Apply");
        waitUntilIdle();

        assertThat(robot.lookup(".conflict-message").queryAs(Label.class).getText()).contains("changed by someone else");
        assertThat(resolved.get()).isNull();
        assertThat(TableDump.of(fixture.workspace().database())).isEqualTo(before);
        assertThat(dialog.model().detailProperty().get().state().rowVersion()).isEqualTo(state.getRowVersion() + 1);
        TextInputControl pointsAfter = robot.lookup("#conflict-row-story_points .custom-editor").queryAs(TextInputControl.class);
        assertThat(pointsAfter.getText()).isEqualTo("5");
        assertThat(robot.lookup(".conflict-footer .text-area").queryAs(TextArea.class).getText()).isEqualTo("typed before the change");
        assertThat(dialog.model().rows()).extracting(r -> r.choiceProperty().get()).containsExactly(Side.REMOTE, Side.CUSTOM, Side.LOCAL);

        robot.clickOn("Apply");
        waitForResolution();
        assertThat(ConflictFixture.scalar(fixture.workspace(), "SELECT CAST(story_points * 100 AS INTEGER), resolution_notes FROM issues i "
                + "JOIN conflict_resolutions c ON c.field_name = 'story_points' WHERE i.id = 1")).isEqualTo("500|typed before the change");
    }

    @Test
    void aDeletionInJiraOffersRestoreInJiraOrDeleteLocally(FxRobot robot) throws Exception {
        AtomicReference<Long> ids = new AtomicReference<>();
        fixture = ConflictFixture.connect(robot, tempDir, workspace -> {
            ConflictFixture.planningRows(workspace);
            long deleted = workspace.syncStates().createSyncState(EntityType.ISSUE, "2", "PAY-2").getId();
            long created = workspace.syncStates().createSyncState(EntityType.ISSUE, "3", "PAY-3").getId();
            StateRows.execute(workspace.database(), "INSERT INTO conflict_resolutions (sync_metadata_id, conflict_type, local_value, remote_value) "
                    + "VALUES (" + deleted + ", 'deletion_conflict', '{\"summary\":\"Local summary 2\"}', NULL), "
                    + "(" + created + ", 'creation_conflict', NULL, '{\"summary\":\"Made in JIRA\"}')");
            ids.set(deleted);
        });
        openDialog(robot, ids.get());
        assertThat(robot.lookup(".conflict-field-name").queryAs(Label.class).getText()).isEqualTo("Deleted in JIRA");
        assertThat(robot.lookup(".choice-local").queryAs(RadioButton.class).getText()).startsWith("Restore in JIRA");
        assertThat(robot.lookup(".choice-remote").queryAs(RadioButton.class).getText()).startsWith("Delete locally");
        assertThat(robot.lookup(".choice-edit").tryQuery()).as("a whole entity takes no typed value").isEmpty();
        robot.clickOn(".choice-remote");
        robot.clickOn("Apply");
        waitForResolution();
        assertThat(ConflictFixture.scalar(fixture.workspace(), "SELECT count(*) FROM issues WHERE id = 2")).isEqualTo("0");

        resolved.set(null);
        openDialog(robot, ids.get() + 1);
        assertThat(robot.lookup(".conflict-field-name").queryAs(Label.class).getText()).isEqualTo("Created in JIRA only");
        assertThat(robot.lookup(".choice-local").queryAs(RadioButton.class).getText()).startsWith("Delete in JIRA");
        assertThat(robot.lookup(".choice-remote").queryAs(RadioButton.class).getText()).startsWith("Create locally");
    }

    @Test
    void onlyFieldsThatDifferCanBeShown(FxRobot robot) throws Exception {
        AtomicReference<SyncState> state = new AtomicReference<>();
        fixture = ConflictFixture.connect(robot, tempDir, workspace -> {
            ConflictFixture.planningRows(workspace);
            state.set(workspace.conflicts().record(workspace.syncStates().createSyncState(EntityType.ISSUE, "1", "PAY-1"), List.of(
                    new FieldConflict("status", TextNode.valueOf("Done"),
                            TextNode.valueOf("Done"), null),
                    new FieldConflict("assignee", TextNode.valueOf("Ana"),
                            TextNode.valueOf("Ben"), null))));
        });
        openDialog(robot, state.get().getId());
        assertThat(robot.lookup("#conflict-row-status").queryAs(Node.class).isVisible()).isTrue();
        robot.clickOn("Only show fields that differ");
        assertThat(robot.lookup("#conflict-row-status").queryAs(Node.class).isVisible()).isFalse();
        assertThat(robot.lookup("#conflict-row-assignee").queryAs(Node.class).isVisible()).isTrue();
    }

    @Test
    void aDateIsTakenInTheFormTheDialogShowsItAndAWrongOneIsShownWhereTheOperatorLooks(FxRobot robot) throws Exception {
        AtomicReference<SyncState> sprint = new AtomicReference<>();
        fixture = ConflictFixture.connect(robot, tempDir, workspace -> {
            ConflictFixture.planningRows(workspace);
            sprint.set(ConflictFixture.sprintWithDateConflict(workspace));
        });
        openDialog(robot, sprint.get().getId());
        Texts texts = Texts.system();
        Instant local = Instant.parse("2026-01-19T17:00:00Z");
        String shown = texts.timestamp(local);
        clickField(robot, "goal", ".choice-remote");
        clickField(robot, "end_date", ".choice-edit");
        TextInputControl editor = robot.lookup("#conflict-row-end_date .custom-editor").queryAs(TextInputControl.class);
        assertThat(editor.getText()).as("prefilled as shown").isEqualTo(shown);

        robot.interact(() -> editor.setText("the 26th"));
        robot.clickOn("Apply");
        waitUntilIdle();
        assertThat(problem(robot, "end_date")).isEqualTo("End date must be a date and time such as " + shown + ", or 2026-03-01T09:00:00Z.");
        assertThat(dialog.stage().getScene().getFocusOwner()).as("the refused field has the focus").hasFieldOrPropertyWithValue("id", "conflict-row-end_date");

        // The issue's own example: the shown form with another day and without the zone ("Dec 11, 2026, 8:07:27 AM").
        String typed = shown.replace("19", "26").substring(0, shown.lastIndexOf(' '));
        robot.interact(() -> editor.setText(typed));
        robot.clickOn("Apply");
        waitForResolution();
        assertThat(ConflictFixture.scalar(fixture.workspace(), "SELECT end_date FROM sprints WHERE id = 1")).startsWith("2026-01-26 17:00:00");
    }

    @Test
    void theLettersKeepChoosingAfterAFailedApplyAndAClickOnAFieldsName(FxRobot robot) throws Exception {
        SyncState state = seedIssue(robot);
        openDialog(robot, state.getId());
        key(robot, KeyCode.J);
        robot.clickOn("Apply");
        waitUntilIdle();
        assertThat(dialog.stage().getScene().getFocusOwner()).as("the first field without a choice").hasFieldOrPropertyWithValue("id",
                "conflict-row-story_points");
        key(robot, KeyCode.L);

        robot.clickOn(robot.lookup("#conflict-row-assignee .conflict-field-name").queryAs(Node.class));
        key(robot, KeyCode.J);
        assertThat(dialog.model().rows()).extracting(r -> r.choiceProperty().get()).containsExactly(Side.REMOTE, Side.LOCAL, Side.REMOTE);

        robot.clickOn("Only show fields that differ");
        key(robot, KeyCode.L);
        assertThat(dialog.model().rows()).extracting(r -> r.choiceProperty().get()).containsExactly(Side.REMOTE, Side.LOCAL, Side.LOCAL);
        key(robot, KeyCode.UP);
        key(robot, KeyCode.J);
        assertThat(dialog.model().rows()).extracting(r -> r.choiceProperty().get()).containsExactly(Side.REMOTE, Side.REMOTE, Side.LOCAL);
    }

    @Test
    void ctrlDownLeavesAMultiLineEditorSoTheNextLetterChoosesInsteadOfTyping(FxRobot robot) throws Exception {
        SyncState state = seedIssue(robot);
        openDialog(robot, state.getId());
        key(robot, KeyCode.E);
        TextInputControl editor = robot.lookup("#conflict-row-summary .custom-editor").queryAs(TextInputControl.class);
        assertThat(editor).isInstanceOf(TextArea.class);
        robot.write(" (edited)");
        key(robot, KeyCode.DOWN);
        assertThat(dialog.stage().getScene().getFocusOwner()).as("plain ↓ moves the caret").isSameAs(editor);

        key(robot, KeyCode.CONTROL, KeyCode.DOWN);
        assertThat(dialog.stage().getScene().getFocusOwner()).hasFieldOrPropertyWithValue("id", "conflict-row-story_points");
        key(robot, KeyCode.E);
        key(robot, KeyCode.CONTROL, KeyCode.DOWN);
        key(robot, KeyCode.J);
        assertThat(editor.getText()).isEqualTo("Local summary 1 (edited)");
        assertThat(dialog.model().rows()).extracting(r -> r.choiceProperty().get()).containsExactly(Side.CUSTOM, Side.CUSTOM, Side.REMOTE);
    }

    @Test
    void openInJiraShowsOnceAJiraSiteIsKnownAndOpensTheIssuesPage(FxRobot robot) throws Exception {
        SyncState state = seedIssue(robot);
        openDialog(robot, state.getId());
        assertThat(robot.lookup("Open in JIRA").queryAs(Hyperlink.class).isVisible()).as("no JIRA site set").isFalse();
        robot.interact(() -> dialog.stage().close());

        List<URI> opened = new ArrayList<>();
        robot.interact(() -> {
            fixture.context.setJiraSite(URI.create("https://acme.atlassian.net/"));
            fixture.context.onBrowse(opened::add);
        });
        openDialog(robot, state.getId());
        robot.clickOn("Open in JIRA");
        assertThat(opened).containsExactly(URI.create("https://acme.atlassian.net/browse/PAY-1"));
    }

    /** Clicks a part of a field's row once the row is scrolled into view, as an operator would scroll to it. */
    static void clickField(FxRobot robot, String field, String part) {
        Node row = robot.lookup("#conflict-row-" + field).query();
        robot.interact(row::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#conflict-row-" + field + " " + part).queryAs(Node.class));
    }

    private static String problem(FxRobot robot, String field) {
        Label label = robot.lookup("#conflict-row-" + field + " .field-problem").queryAs(Label.class);
        return label.getText() == null ? "" : label.getText();
    }
}
