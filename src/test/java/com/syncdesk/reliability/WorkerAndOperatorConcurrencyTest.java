package com.syncdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.TextNode;
import com.syncdesk.app.Workspace;
import com.syncdesk.conflict.ConflictDetail;
import com.syncdesk.conflict.FieldChoice;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.FieldConflict;
import com.syncdesk.syncstate.Selection;
import com.syncdesk.syncstate.StateAction;
import com.syncdesk.syncstate.SyncState;
import com.syncdesk.syncstate.SyncStateService;
import com.syncdesk.testing.StateRows;
import com.syncdesk.testing.TestDatabases;
import com.syncdesk.testing.TestWorkspaces;

/**
 * A sync worker (its own connection pool, writing through SyncStateService as a real sync does) and
 * an operator (retry, skip, resolve) work on the same few rows at once. Every committed write bumps
 * row_version exactly once, every write that lost a race is told so (STALE_DATA), and nothing
 * deadlocks. The normal run does 2 x 1,000 operations per vendor; the reliability-long profile sets
 * {@code -Dsyncdesk.reliability.operations=10000}.
 */
class WorkerAndOperatorConcurrencyTest {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerAndOperatorConcurrencyTest.class);
    private static final int OPERATIONS = Integer.getInteger("syncdesk.reliability.operations", 1_000);
    private static final int ROWS = 40;

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aWorkerAndAnOperatorOnTheSameRowsLoseNoUpdateAndEveryLoserIsTold(Vendor vendor) throws Exception {
        ConnectionTarget target = TestDatabases.fresh(vendor, tempDir);
        Database operatorDatabase = Database.open(target);
        new MigrationService(operatorDatabase, "tester", tempDir).upgrade(null, MigrationProgress.NONE);
        try (Workspace operator = TestWorkspaces.over(operatorDatabase); Workspace worker = TestWorkspaces.over(Database.open(target))) {
            StateRows.execute(operatorDatabase, "INSERT INTO issues (id, jira_issue_id, issue_key, summary) SELECT g, 'J' || g, 'C-' || g, 'Issue ' || g "
                    + "FROM " + (vendor == Vendor.SQLITE ? "(WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < " + ROWS + ") SELECT g FROM s)"
                    : "generate_series(1, " + ROWS + ") AS g"));
            List<Long> ids = new ArrayList<>();
            for (int i = 1; i <= ROWS; i++) {
                ids.add(worker.syncStates().createSyncState(EntityType.ISSUE, String.valueOf(i), "J" + i).getId());
            }
            long versionsBefore = StateRows.scalar(operatorDatabase, "SELECT sum(row_version) FROM sync_metadata");

            AtomicLong workerWrites = new AtomicLong();
            AtomicLong workerStale = new AtomicLong();
            AtomicLong operatorWrites = new AtomicLong();
            AtomicLong operatorResolves = new AtomicLong();
            AtomicLong operatorStale = new AtomicLong();
            ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();

            Thread workerThread = Thread.ofPlatform().name("sync-worker").start(() -> {
                SyncStateService states = worker.syncStates();
                Random random = new Random(1);
                Map<Long, SyncState> lastRead = new HashMap<>();
                for (int op = 0; op < OPERATIONS; op++) {
                    long id = ids.get(random.nextInt(ROWS));
                    try {
                        // Now and then the worker writes from the copy it read earlier (a slow JIRA round trip):
                        // whoever wrote the row since must win, and the worker must be told.
                        SyncState copy = random.nextInt(10) == 0 && lastRead.containsKey(id) ? lastRead.get(id)
                                : states.find(id).orElseThrow();
                        lastRead.put(id, copy);
                        if (random.nextInt(3) == 0) {
                            Thread.sleep(1); // the JIRA call between reading a state and writing the outcome
                        }
                        switch (random.nextInt(4)) {
                            case 0 -> states.markInProgress(copy, "batch-" + op);
                            case 1 -> states.markSucceeded(copy, 10 + op % 50, 1 + op % 3, null, null);
                            case 2 -> states.markFailed(copy, "HTTP 503 #" + op);
                            default -> worker.conflicts().record(copy, List.of(new FieldConflict("summary",
                                    TextNode.valueOf("Local " + op), TextNode.valueOf("JIRA " + op), null)));
                        }
                        workerWrites.incrementAndGet();
                    } catch (DatabaseException e) {
                        if (e.reason() == Reason.STALE_DATA) {
                            workerStale.incrementAndGet();
                        } else {
                            unexpected.add(e);
                        }
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
            Thread operatorThread = Thread.ofPlatform().name("operator").start(() -> {
                Random random = new Random(2);
                for (int op = 0; op < OPERATIONS; op++) {
                    long id = ids.get(random.nextInt(ROWS));
                    try {
                        switch (random.nextInt(3)) {
                            case 0 -> operatorWrites.addAndGet(operator.syncStates().apply(StateAction.RETRY, Selection.ids(List.of(id)), "ops").affected());
                            case 1 -> operatorWrites.addAndGet(operator.syncStates().apply(StateAction.SKIP, Selection.ids(List.of(id)), "ops").affected());
                            default -> {
                                ConflictDetail detail = operator.conflicts().detail(id);
                                if (detail.fields().isEmpty()) {
                                    continue;
                                }
                                Map<String, FieldChoice> choices = new HashMap<>();
                                detail.fields().forEach(f -> choices.put(f.name(), random.nextBoolean() ? FieldChoice.local() : FieldChoice.remote()));
                                operator.conflicts().resolve(id, detail.state().rowVersion(), choices, null, "ops");
                                operatorResolves.incrementAndGet();
                            }
                        }
                    } catch (DatabaseException e) {
                        if (e.reason() == Reason.STALE_DATA) {
                            operatorStale.incrementAndGet();
                        } else {
                            unexpected.add(e);
                        }
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                    }
                }
            });
            long bound = Math.max(120, OPERATIONS / 10L);
            workerThread.join(TimeUnit.SECONDS.toMillis(bound));
            operatorThread.join(TimeUnit.SECONDS.toMillis(bound));
            assertThat(workerThread.isAlive() || operatorThread.isAlive()).as("a thread is still running after %d s: deadlock?", bound).isFalse();
            assertThat(unexpected).as("failures other than a lost race").isEmpty();

            long versionsAfter = StateRows.scalar(operatorDatabase, "SELECT sum(row_version) FROM sync_metadata");
            assertThat(versionsAfter - versionsBefore).as("row_version increments = committed writes")
                    .isEqualTo(workerWrites.get() + operatorWrites.get() + operatorResolves.get());
            assertThat(workerWrites.get() + workerStale.get()).isEqualTo(OPERATIONS);
            assertThat(workerStale.get()).as("the worker lost some races and was told").isPositive();
            long auditRows = StateRows.scalar(operatorDatabase, "SELECT count(*) FROM audit_log");
            assertThat(auditRows).as("one audit row per committed operator action").isLessThanOrEqualTo(OPERATIONS)
                    .isGreaterThanOrEqualTo(operatorResolves.get());
            LOG.warn("{}: worker {} written / {} stale, operator {} rows changed + {} resolved / {} stale", vendor, workerWrites, workerStale,
                    operatorWrites, operatorResolves, operatorStale);
        }
    }
}
