package com.syncdesk.ui.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javafx.application.Platform;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.syncdesk.app.Workspace;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.AppDirectories;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.GuardedDataSource;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.FieldConflict;
import com.syncdesk.syncstate.SyncState;
import com.syncdesk.syncstate.SyncStateService;
import com.syncdesk.testing.StateRows;
import com.syncdesk.testing.TestWorkspaces;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.Settings;

/**
 * A console context connected to a fresh SQLite database, the way the app connects, with the FX thread
 * forbidden to touch the database; plus the crafted conflicts the UI tests resolve.
 */
final class ConflictFixture implements AutoCloseable {

    final AppContext context;

    private ConflictFixture(AppContext context) {
        this.context = context;
    }

    /** Call from the test thread: builds the database, lets {@code seed} fill it, then connects the console to it. */
    static ConflictFixture connect(FxRobot robot, Path dir, Consumer<Workspace> seed) throws TimeoutException {
        System.setProperty(AppDirectories.HOME_PROPERTY, dir.toString());
        GuardedDataSource.forbid(thread -> Platform.isFxApplicationThread());
        ConnectionTarget target = ConnectionTarget.sqlite(dir.resolve("conflicts.db"));
        Database database = Database.open(target, Database.OpenMode.CREATE_IF_MISSING);
        new MigrationService(database, "tester").upgrade(null, MigrationProgress.NONE);
        try (Workspace workspace = TestWorkspaces.over(database)) {
            seed.accept(workspace);
        }
        AppContext context = new AppContext(new Settings());
        AtomicReference<Throwable> failed = new AtomicReference<>();
        robot.interact(() -> context.connect(target, () -> { }, failed::set));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> context.workspace() != null || failed.get() != null);
        assertThat(failed.get()).isNull();
        return new ConflictFixture(context);
    }

    Workspace workspace() {
        return context.workspace();
    }

    /** A sprint and three issues in it, like a small real project. */
    static void planningRows(Workspace workspace) {
        StateRows.execute(workspace.database(), "INSERT INTO sprints (id, jira_sprint_id, name, state, start_date, end_date, goal) VALUES "
                + "(1, 501, 'PAY Sprint 1', 'active', '2026-01-05 09:00:00+00', '2026-01-19 17:00:00+00', 'Ship the refund flow')");
        for (int i = 1; i <= 3; i++) {
            StateRows.execute(workspace.database(), "INSERT INTO issues (id, issue_key, summary, status, assignee, story_points, sprint_id) "
                    + "VALUES (" + i + ", 'PAY-" + i + "', 'Local summary " + i + "', 'To Do', 'Ana', 3, 1)");
        }
    }

    /** Summary, story points and assignee of one issue differ; base values known for the first two. */
    static SyncState issueWithThreeConflicts(Workspace workspace, long issueId) {
        SyncStateService states = workspace.syncStates();
        SyncState state = states.createSyncState(EntityType.ISSUE, String.valueOf(issueId), "PAY-" + issueId);
        return workspace.conflicts().record(state, List.of(
                new FieldConflict("summary", TextNode.valueOf("Local summary " + issueId),
                        TextNode.valueOf("Refund flow for card payments in all regions"), TextNode.valueOf("Refund flow for card payments")),
                new FieldConflict("story_points", IntNode.valueOf(3), IntNode.valueOf(8), IntNode.valueOf(2)),
                new FieldConflict("assignee", TextNode.valueOf("Ana"), TextNode.valueOf("Ben"), null)));
    }

    static SyncState sprintWithDateConflict(Workspace workspace) {
        SyncStateService states = workspace.syncStates();
        SyncState state = states.createSyncState(EntityType.SPRINT, "1", "501");
        return workspace.conflicts().record(state, List.of(
                new FieldConflict("goal", TextNode.valueOf("Ship the refund flow"), TextNode.valueOf("Ship the refund flow and fix the flaky tests"),
                        TextNode.valueOf("Ship the refund flow")),
                new FieldConflict("end_date", TextNode.valueOf("2026-01-19T17:00:00Z"), TextNode.valueOf("2026-01-23T17:00:00Z"),
                        TextNode.valueOf("2026-01-19T17:00:00Z"))));
    }

    static String scalar(Workspace workspace, String sql) {
        return workspace.database().read(connection -> {
            try (var statement = connection.createStatement(); var rs = statement.executeQuery(sql)) {
                StringBuilder row = new StringBuilder();
                rs.next();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                return row.toString();
            }
        });
    }

    @Override
    public void close() {
        context.close();
        System.clearProperty(AppDirectories.HOME_PROPERTY);
    }
}
