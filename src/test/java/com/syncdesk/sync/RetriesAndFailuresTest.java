package com.syncdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.jira.sim.SimResponse;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.sync.SyncSummary.Outcome;
import com.syncdesk.syncstate.SyncStatistics;
import com.syncdesk.syncstate.Selection;
import com.syncdesk.syncstate.StateAction;

/**
 * Failures SyncDesk can trust: transient ones retried within the run and then by later runs at growing intervals,
 * permanent ones not retried by themselves, parking after N failures in a row, an auth failure stopping the run at
 * once, a board JIRA refuses failing alone, and every failure's kind stored and counted.
 */
class RetriesAndFailuresTest {

    @TempDir
    Path tempDir;

    /** The engine's clock, moved by the test instead of waiting. */
    private static final class MovableClock extends Clock {
        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        void advance(Duration by) {
            offset.updateAndGet(current -> current.plus(by));
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }
    }

    private static void editLocally(SyncFixture f, String key, String assignments) {
        f.sql("UPDATE issues SET " + assignments + ", updated_at = CURRENT_TIMESTAMP WHERE issue_key = '" + key + "'");
    }

    private String yes(Vendor vendor) {
        return vendor == Vendor.SQLITE ? "1" : "t";
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aTransientFailureIsRetriedByLaterRunsAtGrowingIntervalsAndClearsOnSuccess(Vendor vendor) {
        MovableClock clock = new MovableClock();
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 200).settings(s -> s.withClock(clock))) {
            f.run();
            f.sim.when("PUT", "/rest/api/3/issue/PAY-2").times(10).reply(SimResponse.serverError(503));
            editLocally(f, "PAY-2", "summary = 'Needs JIRA'");

            SyncSummary first = f.run();

            assertThat(first.outcome()).isEqualTo(Outcome.COMPLETED);
            assertThat(first.counts().failed()).isEqualTo(1);
            long state = f.stateId("PAY-2");
            assertThat(f.stateOf("PAY-2")).isEqualTo("failed|1|server");
            assertThat(f.sim.requestCount("PUT", ".*/issue/PAY-2")).as("retried within the run").isEqualTo(5);
            Instant firstRetry = f.instant("SELECT next_attempt_at FROM sync_metadata WHERE id = " + state);
            assertThat(Duration.between(clock.instant(), firstRetry)).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(61));

            f.sim.resetStats();
            assertThat(f.run().counts().skipped()).isGreaterThanOrEqualTo(0);
            assertThat(f.sim.requestCount("PUT", ".*/issue/PAY-2")).as("not due yet").isZero();

            clock.advance(Duration.ofMinutes(2));
            f.run();
            assertThat(f.stateOf("PAY-2")).isEqualTo("failed|2|server");
            assertThat(f.row("SELECT next_attempt_at > last_sync_attempt FROM sync_metadata WHERE id = " + state)).isEqualTo(yes(vendor));
            SyncStatistics stats = f.workspace.syncStates().statistics(null, 24);
            assertThat(stats.errorsByKind()).extracting(SyncStatistics.ErrorCount::message, SyncStatistics.ErrorCount::count)
                    .contains(org.assertj.core.groups.Tuple.tuple("server error", 1L));

            f.sim.resetStats();
            clock.advance(Duration.ofMinutes(2));
            f.run();
            assertThat(f.sim.requestCount("PUT", ".*/issue/PAY-2")).as("the second wait is four times the first").isZero();

            clock.advance(Duration.ofMinutes(3));
            SyncSummary healed = f.run();
            assertThat(healed.counts().pushed()).isEqualTo(1);
            assertThat(f.sim.issue("PAY-2").summary()).isEqualTo("Needs JIRA");
            assertThat(f.row("SELECT sync_status, error_count, failure_kind, next_attempt_at, last_error FROM sync_metadata WHERE id = " + state))
                    .isEqualTo("completed|0|null|null|null");
            assertThat(f.countDrift()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void afterNFailuresInARowAStateIsParkedForAHumanWithTheReason(Vendor vendor) {
        MovableClock clock = new MovableClock();
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 200).parkAfter(3).settings(s -> s.withClock(clock))) {
            f.run();
            f.sim.when("PUT", "/rest/api/3/issue/PAY-3").times(15).reply(SimResponse.serverError(502));
            editLocally(f, "PAY-3", "summary = 'Stuck'");
            long state = -1;
            for (int i = 0; i < 3; i++) {
                SyncSummary run = f.run();
                if (i == 2) {
                    assertThat(run.counts().parked()).isEqualTo(1);
                }
                state = f.stateId("PAY-3");
                clock.advance(Duration.ofHours(7));
            }
            assertThat(f.row("SELECT sync_status, error_count, parked_at IS NOT NULL, next_attempt_at IS NULL FROM sync_metadata WHERE id = " + state))
                    .isEqualTo("failed|3|" + yes(vendor) + "|" + yes(vendor));
            assertThat(f.row("SELECT last_error FROM sync_metadata WHERE id = " + state)).startsWith("Parked after 3 failed attempts in a row: ");

            f.sim.resetStats();
            clock.advance(Duration.ofDays(3));
            f.run();
            assertThat(f.sim.requestCount("PUT", ".*/issue/PAY-3")).as("parked states wait for a human").isZero();

            f.workspace.syncStates().apply(StateAction.RETRY, new Selection.Ids(Set.of(state)), "ana");
            f.run();
            assertThat(f.row("SELECT sync_status, parked_at FROM sync_metadata WHERE id = " + state)).isEqualTo("completed|null");
            assertThat(f.sim.issue("PAY-3").summary()).isEqualTo("Stuck");
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aStatusWithNoTransitionIsAValidationFailureInJirasWordsAndIsNotRetriedByItself(Vendor vendor) {
        MovableClock clock = new MovableClock();
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 300).settings(s -> s.withClock(clock))) {
            f.run();
            String key = f.row("SELECT issue_key FROM issues WHERE status = 'To Do' ORDER BY id");
            editLocally(f, key, "status = 'Done'");

            f.run();

            assertThat(f.stateOf(key)).isEqualTo("failed|1|validation");
            assertThat(f.row("SELECT last_error FROM sync_metadata WHERE id = " + f.stateId(key)))
                    .contains("no transition leads to 'Done'").contains("Start progress");
            assertThat(f.instant("SELECT next_attempt_at FROM sync_metadata WHERE id = " + f.stateId(key))).isNull();
            assertThat(f.sim.issue(key).status()).isEqualTo("To Do");

            f.sim.resetStats();
            clock.advance(Duration.ofDays(1));
            f.run();
            assertThat(f.sim.requestCount("*", ".*/issue/" + key + "(/transitions)?")).isZero();

            f.sql("UPDATE issues SET status = 'In Progress' WHERE issue_key = '" + key + "'");
            f.touch(key, clock.instant());
            f.run();
            assertThat(f.sim.issue(key).status()).isEqualTo("In Progress");
            assertThat(f.stateOf(key)).isEqualTo("completed|0|null");
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aRevokedTokenStopsTheRunAtOnceWithOneClearErrorInsteadOfFailingEveryEntity(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 300)) {
            f.run();
            f.sql("UPDATE issues SET summary = summary || ' (edited)', updated_at = CURRENT_TIMESTAMP");
            f.sim.when("PUT", "/rest/api/3/issue/.*").nth(3).after(f.sim::revokeToken);

            SyncSummary stopped = f.run();

            assertThat(stopped.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(stopped.error()).contains("JIRA refused SyncDesk").contains("ops@example.com");
            assertThat(f.count("SELECT count(*) FROM sync_metadata WHERE failure_kind = 'auth'")).isLessThanOrEqualTo(4);
            assertThat(f.count("SELECT count(*) FROM sync_metadata WHERE sync_status = 'failed'")).isLessThanOrEqualTo(4);
            assertThat(f.count("SELECT count(*) FROM sync_metadata WHERE sync_status = 'in_progress'")).isZero();
            assertThat(f.row("SELECT status, error_message FROM sync_history ORDER BY id DESC LIMIT 1")).startsWith("failed|JIRA refused SyncDesk");

            SyncSummary again = f.run();
            assertThat(again.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(again.apiCalls()).isLessThanOrEqualTo(2);
            assertThat(f.count("SELECT count(*) FROM sync_metadata WHERE sync_status = 'failed'")).isLessThanOrEqualTo(4);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aBoardJiraRefusesFailsAloneAndTheOthersAreSynced(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 300)) {
            f.sim.denyBoard(2);
            SyncSummary summary = f.run();
            assertThat(summary.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(summary.error()).contains("Board 2").contains("permission");
            assertThat(summary.boards()).filteredOn(board -> board.problem() == null).hasSize(f.sim.boardIds().size() - 1);
            assertThat(f.count("SELECT count(*) FROM issues WHERE issue_key LIKE 'PAY-%'")).isPositive();
            assertThat(f.row("SELECT status FROM sync_history")).isEqualTo("failed");
            assertThat(f.run().mode()).as("no run completed, so the next is full again").isEqualTo(SyncMode.FULL);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aRateLimitIsWaitedOutAndCounted(Vendor vendor) {
        try (SyncFixture f = SyncFixture.start(vendor, tempDir, 200)) {
            f.sim.when("POST", "/rest/api/3/search/jql").nth(2).reply(SimResponse.rateLimited(0));
            SyncSummary summary = f.run();
            assertThat(summary.outcome()).isEqualTo(Outcome.COMPLETED);
            assertThat(summary.rateLimitWaits()).isEqualTo(1);
            assertThat(f.count("SELECT count(*) FROM issues")).isEqualTo(f.sim.issueCount());
            assertThat(f.row("SELECT sync_details FROM sync_history")).matches("(?s).*\"rate_limit_waits\": ?1[,}].*");
        }
    }
}
