package com.syncdesk.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.app.Workspace;
import com.syncdesk.jira.sim.JiraSimulator;
import com.syncdesk.jira.sim.SimResponse;
import com.syncdesk.jira.sim.SimulatorConfig;
import com.syncdesk.sync.SyncAttention;
import com.syncdesk.sync.SyncLock;
import com.syncdesk.sync.SyncSummary;
import com.syncdesk.syncstate.FailureKind;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.syncstate.SyncStatus;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.PageId;
import com.syncdesk.ui.PlainConsole;
import com.syncdesk.ui.TestConsoles;

/** The Sync page's logic as a plain object, against the simulator: runs, their progress and summary, refusals, the lock, what needs a human. */
class SyncViewModelTest {

    @TempDir
    Path dir;

    private JiraSimulator sim;
    private PlainConsole console;
    private final List<AppContext.Navigation> navigations = new ArrayList<>();
    private final List<AppContext.Notice> notices = new ArrayList<>();

    @BeforeEach
    void start() {
        sim = JiraSimulator.start(SimulatorConfig.cloud(5, 150));
        console = new PlainConsole(dir.resolve("home")).connect(TestConsoles.empty(dir));
        console.context.onNavigate(navigations::add);
        console.context.onNotify(notices::add);
    }

    @AfterEach
    void stop() {
        console.close();
        sim.close();
    }

    private Workspace workspace() {
        return console.context.workspace();
    }

    private SyncViewModel connected() {
        console.context.jiraConnections(workspace()).connect(sim.site().withBoards(sim.boardIds()).withBacklog(true), sim.token());
        SyncViewModel model = new SyncViewModel(console.context);
        model.refresh();
        return model;
    }

    private long count(String sql) throws Exception {
        try (Connection connection = workspace().database().connection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void withoutAConnectionThePageSaysSoAndOffersToConnect() {
        List<Integer> opened = new ArrayList<>();
        console.context.onOpenJiraConnection(() -> opened.add(1));
        SyncViewModel model = new SyncViewModel(console.context);
        model.refresh();
        assertThat(model.connectedProperty().get()).isFalse();
        assertThat(model.connectionTextProperty().get()).contains("no JIRA connection yet");
        model.openConnection();
        assertThat(opened).hasSize(1);
    }

    @Test
    void syncNowOnAnEmptyDatabasePullsEverythingAndSummarisesWithLinksToTheRunsStates() throws Exception {
        SyncViewModel model = connected();
        assertThat(model.connectionTextProperty().get()).contains(sim.config().user()).contains(sim.boardIds().size() + " boards")
                .contains("kept for this session only");

        model.syncNow();

        SyncSummary summary = model.summaryProperty().get();
        assertThat(summary.outcome()).isEqualTo(SyncSummary.Outcome.COMPLETED);
        assertThat(count("SELECT count(*) FROM issues")).isEqualTo(sim.issueCount());
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.pulledProperty().get()).isEqualTo(String.format("%,d", summary.counts().pulled()));
        assertThat(model.apiCallsProperty().get()).isEqualTo(String.format("%,d", summary.apiCalls()));
        assertThat(model.boardLines()).hasSize(sim.boardIds().size());
        assertThat(model.summaryTextProperty().get()).startsWith("Full sync completed in").contains("pulled").contains("JIRA API calls");

        model.showFailedStates();
        model.showConflicts();
        model.showHistory();
        assertThat(navigations).extracting(AppContext.Navigation::page).containsExactly(PageId.SYNC_STATES, PageId.CONFLICTS, PageId.HISTORY);
        assertThat(navigations.getFirst().argument())
                .isEqualTo(SyncStateFilter.all().withBatch(summary.batchId()).withStatuses(SyncStatus.FAILED));

        model.syncNow();
        assertThat(model.summaryTextProperty().get()).startsWith("Incremental sync completed");
    }

    @Test
    void fullResyncAsksFirstSayingWhatItDoesAndRoughlyHowManyRequests() {
        SyncViewModel model = connected();
        model.syncNow();
        long firstRunCalls = model.summaryProperty().get().apiCalls();
        model.refresh();
        console.dialogs.answer(false, "");

        model.fullResync();

        assertThat(console.dialogs.lastQuestion().text()).contains("reads every board, sprint and issue")
                .contains("about " + firstRunCalls + " requests");
        assertThat(model.summaryProperty().get().mode().words()).isEqualTo("full");
        console.dialogs.answer(true, "");
        model.fullResync();
        assertThat(model.summaryTextProperty().get()).startsWith("Full sync completed");
    }

    @Test
    void aRevokedTokenStopsTheRunAndRaisesTheBanner() {
        SyncViewModel model = connected();
        sim.revokeToken();

        model.syncNow();

        assertThat(model.summaryProperty().get().outcome()).isEqualTo(SyncSummary.Outcome.REFUSED);
        assertThat(model.authProblemProperty().get()).contains("JIRA refused the API token for " + sim.config().user()).contains("revoked")
                .doesNotContain(sim.config().token());
    }

    @Test
    void aRateLimitedRunShowsACountdownAndCountsTheWait() {
        SyncViewModel model = connected();
        List<String> waits = new CopyOnWriteArrayList<>();
        model.waitTextProperty().addListener((obs, old, now) -> waits.add(now));
        sim.when("POST", "/rest/api/3/search/jql").times(1).reply(SimResponse.rateLimited(2));

        model.syncNow();

        assertThat(waits).anyMatch(text -> text.startsWith("JIRA's rate limit: waiting 2 s")).anyMatch(text -> text.contains("waiting 1 s"));
        assertThat(model.waitTextProperty().get()).isEmpty();
        assertThat(model.summaryProperty().get().rateLimitWaits()).isEqualTo(1);
        assertThat(model.summaryTextProperty().get()).contains("1 rate-limit wait");
    }

    @Test
    void whileAnotherRunHoldsTheLockSyncNowSaysWhoAndStartsWhenItIsFree() throws Exception {
        SyncViewModel model = connected();
        List<String> locks = new CopyOnWriteArrayList<>();
        model.lockTextProperty().addListener((obs, old, now) -> locks.add(now));
        CountDownLatch held = new CountDownLatch(1);
        Thread other = Thread.ofVirtual().start(() -> {
            try (SyncLock lock = SyncLock.acquire(workspace().database())) {
                held.countDown();
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        model.syncNow();

        other.join();
        assertThat(locks).anyMatch(text -> text.contains("Another sync run") && text.contains("process " + ProcessHandle.current().pid())
                && text.contains("since") && text.endsWith("Sync now starts when it finishes."));
        assertThat(model.summaryProperty().get().outcome()).isEqualTo(SyncSummary.Outcome.COMPLETED);
        assertThat(model.lockTextProperty().get()).isEmpty();
    }

    @Test
    void whatNeedsAHumanIsCountedByGroupAndDrillsDownToTheFullMessages() throws Exception {
        SyncViewModel model = connected();
        model.syncNow();
        workspace().database().inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE sync_metadata SET sync_status = 'failed', failure_kind = 'validation', error_count = 5, "
                        + "last_error = 'JIRA refused the values of PAY-1: story points must be a number', parked_at = '2026-12-01T10:00:00.000000Z' "
                        + "WHERE id IN (SELECT id FROM sync_metadata WHERE entity_type = 'issue' ORDER BY id LIMIT 1)");
                statement.executeUpdate("UPDATE sync_metadata SET sync_status = 'failed', failure_kind = 'rate_limit', error_count = 2, "
                        + "last_error = 'JIRA rate-limited SyncDesk', next_attempt_at = '2026-12-01T11:00:00.000000Z' "
                        + "WHERE id IN (SELECT id FROM sync_metadata WHERE entity_type = 'issue' ORDER BY id LIMIT 3 OFFSET 1)");
            }
            return null;
        });

        model.refresh();

        assertThat(model.attention()).extracting(SyncAttention.Count::label, SyncAttention.Count::states)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("parked for a human", 1L), org.assertj.core.groups.Tuple.tuple("rate limit", 3L));
        assertThat(model.attentionTotalProperty().get()).isEqualTo(4);
        assertThat(model.attentionTextProperty().get()).contains("4 states need a human").contains("3 of the failed will be retried");

        model.drillDown(model.attention().getFirst());
        assertThat(model.drillDown()).singleElement().satisfies(state -> {
            assertThat(state.lastError()).isEqualTo("JIRA refused the values of PAY-1: story points must be a number");
            assertThat(state.kind().is(FailureKind.VALIDATION)).isTrue();
            assertThat(SyncViewModel.retryWords(state)).isEqualTo("parked after 5 failures · validation");
            assertThat(model.whenWords(state)).isEqualTo(console.context.texts().timestamp(Instant.parse("2026-12-01T10:00:00Z")));
        });
        model.drillDown(model.attention().get(1));
        assertThat(model.drillDown()).hasSize(3).allSatisfy(state -> {
            assertThat(SyncViewModel.retryWords(state)).isEqualTo("retrying · last attempt failed (2×)");
            assertThat(model.whenWords(state)).isEqualTo(console.context.texts().timestamp(Instant.parse("2026-12-01T11:00:00Z")));
        });
        assertThat(model.drillDownTitleProperty().get()).isEqualTo("Rate limit: 3 states");
    }

    @Test
    void aScheduledRunThatFailsABoardEndsWithANotification() throws Exception {
        console.context.jiraConnections(workspace()).connect(sim.site().withBoards(sim.boardIds()).withSyncInterval(Duration.ofSeconds(1)),
                sim.token());
        SyncViewModel model = new SyncViewModel(console.context);
        model.refresh();
        sim.denyBoard(sim.boardIds().get(1));

        model.scheduledProperty().set(true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (notices.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        model.scheduledProperty().set(false);

        assertThat(notices).isNotEmpty();
        assertThat(notices.getFirst().title()).isEqualTo("Scheduled sync: failed");
        assertThat(notices.getFirst().text()).contains("Board " + sim.boardIds().get(1));
        assertThat(console.dialogs.shown).as("a scheduled run interrupts no one with a dialog").isEmpty();
    }

    @Test
    void theScheduleSwitchSaysWhenTheNextRunIs() {
        SyncViewModel model = connected();
        assertThat(model.scheduleTextProperty().get()).startsWith("Off");
        model.scheduledProperty().set(true);
        assertThat(model.scheduleTextProperty().get()).startsWith("Every 15 min while SyncDesk is open · next run at ");
        assertThat(console.context.settings().syncOnSchedule).isTrue();
        model.scheduledProperty().set(false);
        assertThat(model.scheduleTextProperty().get()).startsWith("Off");
        assertThat(notices).isEmpty();
    }
}
