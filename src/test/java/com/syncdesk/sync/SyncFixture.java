package com.syncdesk.sync;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import com.syncdesk.app.Workspace;
import com.syncdesk.jira.JiraClient;
import com.syncdesk.jira.JiraClientOptions;
import com.syncdesk.jira.JiraConnectionStore;
import com.syncdesk.jira.JiraSite;
import com.syncdesk.jira.sim.JiraSimulator;
import com.syncdesk.jira.sim.SimulatorConfig;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.syncstate.DashboardCounts;
import com.syncdesk.syncstate.ResolutionStrategy;
import com.syncdesk.testing.StateRows;
import com.syncdesk.testing.TestWorkspaces;

/**
 * A JIRA simulator, a fresh database of one vendor connected to it (every board, backlog included), and the
 * engine between them, with helpers to read both sides.
 */
final class SyncFixture implements AutoCloseable {

    final JiraSimulator sim;
    final Workspace workspace;
    final Database database;
    JiraSite site;
    final JiraClient client;
    private SyncSettings settings = SyncSettings.defaults();

    private SyncFixture(JiraSimulator sim, Workspace workspace, UnaryOperator<JiraClientOptions> options) {
        this.sim = sim;
        this.workspace = workspace;
        this.database = workspace.database();
        this.site = sim.site().withBoards(sim.boardIds()).withBacklog(true);
        new JiraConnectionStore(database).save(site, "tester");
        JiraClientOptions base = JiraClientOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
                .withBackoff(Duration.ofMillis(5), Duration.ofMillis(20)).withRateLimitWaits(Duration.ofMillis(10), Duration.ofSeconds(5),
                        Duration.ZERO);
        this.client = JiraClient.open(site, sim.token(), options.apply(base));
    }

    static SyncFixture start(Vendor vendor, Path tempDir, int issues) {
        return start(vendor, tempDir, SimulatorConfig.cloud(11, issues), UnaryOperator.identity());
    }

    static SyncFixture start(Vendor vendor, Path tempDir, SimulatorConfig config, UnaryOperator<JiraClientOptions> options) {
        JiraSimulator sim = JiraSimulator.start(config);
        return new SyncFixture(sim, TestWorkspaces.open(vendor, tempDir), options);
    }

    SyncFixture strategy(ResolutionStrategy strategy) {
        site = site.withConflictStrategy(strategy);
        return this;
    }

    SyncFixture parkAfter(int failures) {
        site = site.withParkAfterFailures(failures);
        return this;
    }

    SyncFixture settings(UnaryOperator<SyncSettings> change) {
        settings = change.apply(settings);
        return this;
    }

    SyncEngine engine() {
        return new SyncEngine(database, site, client, settings);
    }

    SyncSummary run() {
        return engine().run(SyncRequest.incremental("tester"), SyncListener.NONE, new SyncCancellation());
    }

    SyncSummary full() {
        return engine().run(SyncRequest.incremental("tester").asFull(), SyncListener.NONE, new SyncCancellation());
    }

    SyncSummary run(SyncRequest request, SyncListener listener) {
        return engine().run(request, listener, new SyncCancellation());
    }

    void sql(String statement) {
        StateRows.execute(database, statement);
    }

    /** The first row of a query, its columns joined by {@code |}; null when there is none. */
    String row(String query) {
        List<String> rows = rows(query);
        return rows.isEmpty() ? null : rows.getFirst();
    }

    List<String> rows(String query) {
        return database.read(connection -> {
            List<String> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
                while (result.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                        row.append(i > 1 ? "|" : "").append(result.getString(i));
                    }
                    rows.add(row.toString());
                }
            }
            return rows;
        });
    }

    /** The first column of the first row as an instant, read the way SyncDesk reads timestamps; null when empty. */
    java.time.Instant instant(String query) {
        return database.read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
                if (!result.next()) {
                    return null;
                }
                var stored = com.syncdesk.persistence.SqlValues.readInstant(result, 1, database.vendor());
                return stored == null ? null : stored.instant();
            }
        });
    }

    /** Stamps a local issue as changed at {@code when}, as a local editor whose clock says so would. */
    void touch(String issueKey, java.time.Instant when) {
        database.inTransaction(connection -> {
            try (var update = connection.prepareStatement("UPDATE issues SET updated_at = ? WHERE issue_key = ?")) {
                com.syncdesk.persistence.SqlValues.bindInstant(update, 1, when, database.vendor());
                update.setString(2, issueKey);
                update.executeUpdate();
            }
            return null;
        });
    }

    long count(String query) {
        return Long.parseLong(row(query));
    }

    /** The local issue's synced columns, as the simulator's getters show them: summary|status|priority|points|sprint. */
    String localIssue(String key) {
        return row("SELECT i.summary, i.status, i.priority, " + points("i.story_points") + ", s.jira_sprint_id FROM issues i "
                + "LEFT JOIN sprints s ON s.id = i.sprint_id WHERE i.issue_key = '" + key + "'");
    }

    String jiraIssue(String key) {
        var issue = sim.issue(key);
        return issue.summary() + "|" + issue.status() + "|" + issue.priority() + "|"
                + (issue.storyPoints() == null ? null : issue.storyPoints().stripTrailingZeros().toPlainString()) + "|" + issue.sprintId();
    }

    private String points(String column) {
        return database.vendor() == Vendor.SQLITE ? "CASE WHEN " + column + " IS NULL THEN NULL ELSE CAST(" + column + " AS TEXT) END"
                : "trim(trailing '.' FROM trim(trailing '0' FROM CAST(" + column + " AS TEXT)))";
    }

    /** Keys of the dashboard's counts that differ from a scan of the states: 0 when the triggers kept them exact. */
    int countDrift() {
        return database.read(connection -> {
            try {
                return DashboardCounts.drift(connection);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    String stateOf(String issueKey) {
        return row("SELECT s.sync_status, s.error_count, s.failure_kind FROM sync_metadata s JOIN issues i ON s.entity_type = 'issue' "
                + "AND s.entity_id = CAST(i.id AS VARCHAR(100)) WHERE i.issue_key = '" + issueKey + "'");
    }

    long stateId(String issueKey) {
        return count("SELECT s.id FROM sync_metadata s JOIN issues i ON s.entity_type = 'issue' AND s.entity_id = CAST(i.id AS VARCHAR(100)) "
                + "WHERE i.issue_key = '" + issueKey + "'");
    }

    Connection connection() throws SQLException {
        return database.connection();
    }

    @Override
    public void close() {
        client.close();
        workspace.close();
        sim.close();
    }
}
