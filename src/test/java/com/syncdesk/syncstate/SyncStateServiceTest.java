package com.syncdesk.syncstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.assertj.core.api.Assertions;
import org.assertj.core.data.Offset;
import org.assertj.core.data.TemporalUnitOffset;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.node.TextNode;
import com.syncdesk.app.Workspace;
import com.syncdesk.conflict.ConflictFilter;
import com.syncdesk.conflict.ConflictGroup;
import com.syncdesk.demo.DemoDataGenerator;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.Json;
import com.syncdesk.persistence.Page;
import com.syncdesk.persistence.PageRequest;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.syncstate.StateAction;
import com.syncdesk.testing.StateRows.Row;
import com.syncdesk.testing.StateRows;
import com.syncdesk.testing.TestWorkspaces;

class SyncStateServiceTest {

    @TempDir
    Path tempDir;

    private Workspace workspace;

    private SyncStateService open(Vendor vendor) {
        workspace = TestWorkspaces.open(vendor, tempDir);
        return workspace.syncStates();
    }

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void lifecycleFromCreationThroughSuccessFailureAndConflict(Vendor vendor) {
        SyncStateService service = open(vendor);
        SyncState created = service.createSyncState(EntityType.SPRINT, "123", "JIRA-456");
        assertThat(created.getSyncStatus().known()).isEqualTo(SyncStatus.PENDING);
        assertThat(created.getSyncDirection().known()).isEqualTo(SyncDirection.BIDIRECTIONAL);

        SyncState running = service.markInProgress(service.find(EntityType.SPRINT, "123").orElseThrow(), "batch-1");
        assertThat(running.getSyncStatus().known()).isEqualTo(SyncStatus.IN_PROGRESS);
        assertThat(running.getSyncBatchId()).isEqualTo("batch-1");
        assertThat(running.getLastSyncAttempt()).isCloseTo(Instant.now(), within());

        SyncState failed = service.markFailed(running, "HTTP 429 Too Many Requests");
        assertThat(failed.getErrorCount()).isEqualTo(1);
        failed = service.markFailed(failed, "HTTP 503 Service Unavailable");
        assertThat(failed.getErrorCount()).isEqualTo(2);
        assertThat(failed.getLastError()).isEqualTo("HTTP 503 Service Unavailable");

        Instant remote = Instant.parse("2026-06-01T08:00:00Z");
        SyncState done = service.markSucceeded(failed, 742, 5, "ab".repeat(32), remote);
        assertThat(done.getSyncStatus().known()).isEqualTo(SyncStatus.COMPLETED);
        assertThat(done.getErrorCount()).isZero();
        assertThat(done.getLastError()).isNull();
        assertThat(done.getSyncDurationMs()).isEqualTo(742);
        assertThat(done.getApiCallsCount()).isEqualTo(5);
        assertThat(done.getRemoteModified()).isEqualTo(remote);
        assertThat(done.getLastSuccessfulSync()).isEqualTo(done.getLastSyncAttempt());

        SyncState conflicted = workspace.conflicts().record(done, List.of(
                new FieldConflict("name", TextNode.valueOf("Local Name"), TextNode.valueOf("Remote Name"), TextNode.valueOf("Name")),
                new FieldConflict("goal", TextNode.valueOf("a"), TextNode.valueOf("b"), null)));
        assertThat(conflicted.getResolutionStrategy().known()).isEqualTo(ResolutionStrategy.MANUAL);
        assertThat(conflicted.getConflicts().fields()).extracting(FieldConflict::field).containsExactly("name", "goal");
        assertThat(StateRows.scalar(workspace.database(), "SELECT count(*) FROM conflict_resolutions WHERE is_resolved = "
                + (vendor == Vendor.SQLITE ? "0" : "false") + " AND sync_metadata_id = " + conflicted.getId())).isEqualTo(2);

        // Recording the same field again refreshes its open row instead of opening a second one.
        workspace.conflicts().record(conflicted, List.of(new FieldConflict("name", TextNode.valueOf("L2"), TextNode.valueOf("R2"), null)));
        assertThat(StateRows.scalar(workspace.database(), "SELECT count(*) FROM conflict_resolutions WHERE sync_metadata_id = "
                + conflicted.getId())).isEqualTo(2);
        assertThat(service.find(conflicted.getId()).orElseThrow().getRowVersion()).isEqualTo(conflicted.getRowVersion() + 1);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void anUpdateFromAStaleReadIsRefusedAndChangesNothing(Vendor vendor) {
        SyncStateService service = open(vendor);
        service.createSyncState(EntityType.ISSUE, "7", "PROJ-7");
        SyncState workerCopy = service.find(EntityType.ISSUE, "7").orElseThrow();
        SyncState operatorCopy = service.find(EntityType.ISSUE, "7").orElseThrow();

        service.markFailed(workerCopy, "timeout");
        assertThatThrownBy(() -> service.markSucceeded(operatorCopy, 10, 1, null, null))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("changed by someone else")
                .extracting(e -> ((DatabaseException) e).reason()).isEqualTo(DatabaseException.Reason.STALE_DATA);
        SyncState now = service.find(EntityType.ISSUE, "7").orElseThrow();
        assertThat(now.getSyncStatus().known()).isEqualTo(SyncStatus.FAILED);
        assertThat(now.getLastError()).isEqualTo("timeout");
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aSecondSyncStateForTheSameEntityIsRefusedClearly(Vendor vendor) {
        SyncStateService service = open(vendor);
        service.createSyncState(EntityType.BOARD, "9", null);
        assertThatThrownBy(() -> service.createSyncState(EntityType.BOARD, "9", null)).hasMessage("board 9 already has a sync state.");
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void keysetPagesWalkTheFilteredSortedRowsExactlyOnceInBothDirections(Vendor vendor) {
        SyncStateService service = open(vendor);
        List<Row> rows = StateRows.insert(workspace.database(), 600, 11);
        SyncStateFilter filter = SyncStateFilter.all().withStatuses(SyncStatus.FAILED, SyncStatus.PENDING).withTypes(EntityType.ISSUE, EntityType.SPRINT);
        Predicate<Row> matches = r -> (r.status().equals("failed") || r.status().equals("pending"))
                && (r.type().equals("issue") || r.type().equals("sprint"));
        boolean nullsFirst = vendor == Vendor.SQLITE;
        Comparator<Row> byAttemptDesc = Comparator.comparing(Row::attempt, nullsFirst ? Comparator.nullsFirst(Comparator.<Instant>naturalOrder())
                        : Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                .thenComparingLong(Row::id).reversed();
        List<Long> expected = rows.stream().filter(matches).sorted(byAttemptDesc).map(Row::id).toList();

        List<Long> walked = new ArrayList<>();
        List<Page<SyncStateRow>> pages = new ArrayList<>();
        Page<SyncStateRow> page = service.page(filter, SyncStateSort.DEFAULT, PageRequest.first(25));
        while (true) {
            pages.add(page);
            assertThat(page.total()).isEqualTo(expected.size());
            page.items().forEach(r -> walked.add(r.id()));
            if (!page.hasNext()) {
                break;
            }
            page = service.page(filter, SyncStateSort.DEFAULT, PageRequest.after(page.last(), 25));
        }
        assertThat(walked).isEqualTo(expected);
        assertThat(pages.getFirst().hasPrevious()).isFalse();

        // Back from the last page, page by page, gives the same pages.
        Page<SyncStateRow> back = pages.getLast();
        for (int i = pages.size() - 2; i >= 0; i--) {
            back = service.page(filter, SyncStateSort.DEFAULT, PageRequest.before(back.first(), 25));
            assertThat(back.items()).extracting(SyncStateRow::id).isEqualTo(pages.get(i).items().stream().map(SyncStateRow::id).toList());
        }
        assertThat(back.hasPrevious()).isFalse();

        Page<SyncStateRow> uncounted = service.page(filter, SyncStateSort.DEFAULT, PageRequest.after(pages.getFirst().last(), 25).withoutTotal());
        assertThat(uncounted.total()).isEqualTo(-1);
        assertThat(uncounted.items()).isEqualTo(pages.get(1).items());

        Page<SyncStateRow> third = service.page(filter, SyncStateSort.DEFAULT, PageRequest.page(2, 25));
        assertThat(third.items()).extracting(SyncStateRow::id).isEqualTo(expected.subList(50, 75));
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void everySortableColumnSortsInTheDatabase(Vendor vendor) {
        SyncStateService service = open(vendor);
        StateRows.insert(workspace.database(), 200, 5);
        for (SyncStateColumn column : SyncStateColumn.values()) {
            List<Long> ascending = walk(service, SyncStateFilter.all(), SyncStateSort.by(column, true));
            List<Long> descending = walk(service, SyncStateFilter.all(), SyncStateSort.by(column, false));
            assertThat(ascending).as(column.name()).hasSize(200).doesNotHaveDuplicates();
            assertThat(descending).as(column.name()).isEqualTo(ascending.reversed());
        }
        List<SyncStateRow> byErrors = service.page(SyncStateFilter.all(), SyncStateSort.by(SyncStateColumn.ERROR_COUNT, false),
                PageRequest.first(200)).items();
        assertThat(byErrors).extracting(SyncStateRow::errorCount).isSortedAccordingTo(Comparator.reverseOrder());
    }

    private static List<Long> walk(SyncStateService service, SyncStateFilter filter, SyncStateSort sort) {
        List<Long> ids = new ArrayList<>();
        Page<SyncStateRow> page = service.page(filter, sort, PageRequest.first(30));
        page.items().forEach(r -> ids.add(r.id()));
        while (page.hasNext()) {
            page = service.page(filter, sort, PageRequest.after(page.last(), 30));
            page.items().forEach(r -> ids.add(r.id()));
        }
        return ids;
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void filtersOnEveryCriterionMatchWhatTheRowsSay(Vendor vendor) {
        SyncStateService service = open(vendor);
        List<Row> rows = StateRows.insert(workspace.database(), 400, 21);
        Instant from = Instant.now().minus(Duration.ofHours(24));
        assertThat(service.count(SyncStateFilter.all().withDirections(SyncDirection.LOCAL_TO_REMOTE)))
                .isEqualTo(rows.stream().filter(r -> r.direction().equals("local_to_remote")).count());
        assertThat(service.count(SyncStateFilter.all().withBatch("batch-3")))
                .isEqualTo(rows.stream().filter(r -> r.batch().equals("batch-3")).count());
        assertThat(service.count(SyncStateFilter.all().withMinErrorCount(2)))
                .isEqualTo(rows.stream().filter(r -> r.errors() >= 2).count());
        assertThat(service.count(SyncStateFilter.all().withAttemptBetween(from, null)))
                .isEqualTo(rows.stream().filter(r -> r.attempt() != null && !r.attempt().isBefore(from)).count());
        assertThat(service.count(SyncStateFilter.all().withText("token EXPIRED")))
                .isEqualTo(rows.stream().filter(r -> r.lastError() != null && r.lastError().contains("token expired")).count());
        assertThat(service.count(SyncStateFilter.all().withText("J-1010")))
                .isEqualTo(rows.stream().filter(r -> r.jiraId() != null && r.jiraId().contains("J-1010")).count());

        long withConflict = rows.get(0).id();
        StateRows.execute(workspace.database(), "INSERT INTO conflict_resolutions (sync_metadata_id, conflict_type, field_name) VALUES ("
                + withConflict + ", 'field_conflict', 'summary')");
        assertThat(service.page(SyncStateFilter.all().withOpenConflicts(true), SyncStateSort.DEFAULT, PageRequest.first(10)).items())
                .extracting(SyncStateRow::id, SyncStateRow::openConflicts).containsExactly(Tuple.tuple(withConflict, 1));
        assertThat(service.count(SyncStateFilter.all().withOpenConflicts(false))).isEqualTo(rows.size() - 1);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void sqlMetacharactersAndWildcardsInTheSearchTextMatchLiterally(Vendor vendor) {
        SyncStateService service = open(vendor);
        for (String entityId : List.of("50%_off", "500 off", "50Xoff", "a'b", "x\\y", "plain")) {
            service.createSyncState(EntityType.ISSUE, entityId, null);
        }
        assertThat(ids(service, "50%")).containsExactly("50%_off");
        assertThat(ids(service, "0_o")).isEmpty();
        assertThat(ids(service, "%_")).containsExactly("50%_off");
        assertThat(ids(service, "a'b")).containsExactly("a'b");
        assertThat(ids(service, "x\\y")).containsExactly("x\\y");
        assertThat(ids(service, "'; DROP TABLE sync_metadata; --")).isEmpty();
        assertThat(service.count(SyncStateFilter.all())).isEqualTo(6);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void theSearchTextFindsAStateByItsEntitysKeyOrNameOnSyncStatesAndConflicts(Vendor vendor) {
        SyncStateService service = open(vendor);
        workspace.demoData().generate(300, 42, DemoDataGenerator.Progress.NONE);
        SyncStateRow issue = service.page(SyncStateFilter.all().withTypes(EntityType.ISSUE), SyncStateSort.DEFAULT, PageRequest.first(1))
                .items().getFirst();
        String key = issue.label();
        assertThat(key).matches("[A-Z]+-\\d+");

        // An issue by its exact key, in any case (issue 15.5: "MOB-15" found nothing).
        List<SyncStateRow> found = service.page(SyncStateFilter.all().withText(key.toLowerCase()), SyncStateSort.DEFAULT, PageRequest.first(50)).items();
        assertThat(found).extracting(SyncStateRow::id).contains(issue.id());
        assertThat(found).allSatisfy(row -> assertThat(List.of(row.label(), row.entityId(), String.valueOf(row.jiraId()),
                String.valueOf(row.lastError())).stream().anyMatch(v -> v.toLowerCase().contains(key.toLowerCase()))).isTrue());
        // A sprint or board by part of its name.
        SyncStateRow sprint = service.page(SyncStateFilter.all().withTypes(EntityType.SPRINT), SyncStateSort.DEFAULT, PageRequest.first(1))
                .items().getFirst();
        String part = sprint.label().substring(sprint.label().length() - 4);
        assertThat(service.page(SyncStateFilter.all().withText(part), SyncStateSort.DEFAULT, PageRequest.first(200)).items())
                .extracting(SyncStateRow::id).contains(sprint.id());

        ConflictGroup waiting = workspace.conflicts().openConflicts(ConflictFilter.all(), PageRequest.first(1)).items().getFirst();
        assertThat(waiting.label()).isNotNull();
        assertThat(workspace.conflicts().openConflicts(new ConflictFilter(null, waiting.label()), PageRequest.first(50)).items())
                .extracting(ConflictGroup::stateId).contains(waiting.stateId());
    }

    private static List<String> ids(SyncStateService service, String text) {
        return service.page(SyncStateFilter.all().withText(text), SyncStateSort.by(SyncStateColumn.ID, true), PageRequest.first(50))
                .items().stream().map(SyncStateRow::entityId).toList();
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void bulkActionsChangeExactlyTheApplicableRowsAndWriteOneAuditRow(Vendor vendor) {
        SyncStateService service = open(vendor);
        List<Row> rows = StateRows.insert(workspace.database(), 100_000, 3);
        long failedIssues = rows.stream().filter(r -> r.status().equals("failed") && r.type().equals("issue")).count();

        ActionResult retried = service.apply(StateAction.RETRY, Selection.matching(SyncStateFilter.all().withStatuses(SyncStatus.FAILED)
                .withTypes(EntityType.ISSUE)), "ops");

        assertThat(retried.affected()).isEqualTo((int) failedIssues).isGreaterThan(4_000);
        assertThat(service.count(SyncStateFilter.all().withStatuses(SyncStatus.FAILED).withTypes(EntityType.ISSUE))).isZero();
        assertThat(StateRows.scalar(workspace.database(), "SELECT count(*) FROM sync_metadata WHERE row_version = 1")).isEqualTo(failedIssues);
        assertThat(StateRows.scalar(workspace.database(), "SELECT count(*) FROM audit_log")).isEqualTo(1);
        String details = workspace.database().read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT operator, action, details FROM audit_log")) {
                rs.next();
                return rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3);
            }
        });
        assertThat(details).startsWith("ops retry").contains("\"affected\"").contains(String.valueOf(failedIssues))
                .contains("\"status\"").contains("failed").contains("issue");

        long inProgress = rows.stream().filter(r -> r.status().equals("in_progress")).count();
        ActionResult skippedAll = service.apply(StateAction.SKIP, Selection.matching(SyncStateFilter.all()), "ops");
        assertThat(service.count(SyncStateFilter.all().withStatuses(SyncStatus.IN_PROGRESS))).isEqualTo(inProgress);
        // The retried issues are pending now, so every originally pending or failed row is skipped.
        assertThat(skippedAll.affected()).isEqualTo((int) rows.stream()
                .filter(r -> r.status().equals("pending") || r.status().equals("failed")).count());

        ActionResult reset = service.apply(StateAction.RESET_ERRORS, Selection.ids(List.of(1L, 2L, 3L)), "ops");
        assertThat(reset.affected()).isLessThanOrEqualTo(3);
        assertThat(StateRows.scalar(workspace.database(), "SELECT count(*) FROM audit_log")).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void anActionSaysBeforeAndAfterHowManyItChangesAndWhyItLeavesTheOthersAlone(Vendor vendor) throws Exception {
        SyncStateService service = open(vendor);
        SyncState held = service.markInProgress(service.createSyncState(EntityType.ISSUE, "1", "J-1"), "b1");
        SyncState waiting = service.createSyncState(EntityType.ISSUE, "2", "J-2");
        SyncState failed = service.markFailed(service.createSyncState(EntityType.ISSUE, "3", "J-3"), "HTTP 500");
        Selection three = Selection.ids(List.of(held.getId(), waiting.getId(), failed.getId()));

        ActionCounts before = service.preview(StateAction.RETRY, three);
        assertThat(before).isEqualTo(new ActionCounts(3, 1, 1));
        assertThat(before.leftAlone(StateAction.RETRY, false))
                .isEqualTo("1 is held by a sync worker (in progress) and 1 is already waiting for a sync");

        ActionResult retried = service.apply(StateAction.RETRY, three, "ops");
        assertThat(retried.affected()).isEqualTo(1);
        assertThat(retried.describe()).isEqualTo("Queued 1 of 3 for another sync; 1 was held by a sync worker (in progress) "
                + "and 1 was already waiting for a sync and left alone.");

        ActionResult onlyHeld = service.apply(StateAction.RETRY, Selection.one(held.getId()), "ops");
        assertThat(onlyHeld.describe()).isEqualTo("Queued 0 of 1 for another sync; 1 was held by a sync worker (in progress) and left alone.");
        assertThat(service.apply(StateAction.RESET_ERRORS, Selection.ids(List.of(waiting.getId(), failed.getId())), "ops").describe())
                .isEqualTo("Cleared the errors of 1 of 2; 1 had no errors and left alone.");
        assertThat(service.apply(StateAction.SKIP, Selection.one(waiting.getId()), "ops").describe()).isEqualTo("Skipped 1 of 1.");
        String firstDetails = workspace.database().read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT details FROM audit_log ORDER BY id")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(Json.read(firstDetails).get("matching").asLong()).isEqualTo(3);
        assertThat(Json.read(firstDetails).get("affected").asLong()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aWorkerAndAnOperatorRacingOnTheSameRowsLoseNoUpdate(Vendor vendor) throws Exception {
        SyncStateService service = open(vendor);
        for (int i = 0; i < 60; i++) {
            service.markFailed(service.createSyncState(EntityType.ISSUE, "R-" + i, null), "boom");
        }
        long initialVersions = StateRows.scalar(workspace.database(), "SELECT sum(row_version) FROM sync_metadata");
        int[] workerWrites = {0};
        int[] staleReported = {0};
        Thread worker = Thread.ofPlatform().start(() -> {
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 60; i++) {
                    SyncState copy = service.find(EntityType.ISSUE, "R-" + i).orElseThrow();
                    Thread.onSpinWait();
                    try {
                        service.markSucceeded(copy, 5, 1, null, null);
                        workerWrites[0]++;
                    } catch (DatabaseException e) {
                        assertThat(e.reason()).isEqualTo(DatabaseException.Reason.STALE_DATA);
                        staleReported[0]++;
                    }
                }
            }
        });
        int operatorWrites = 0;
        for (int i = 0; i < 40; i++) {
            operatorWrites += service.apply(StateAction.RETRY, Selection.matching(SyncStateFilter.all()), "ops").affected();
        }
        worker.join();
        long finalVersions = StateRows.scalar(workspace.database(), "SELECT sum(row_version) FROM sync_metadata");
        // Every committed write bumped the version exactly once: none overwrote another unseen.
        assertThat(finalVersions - initialVersions).isEqualTo(workerWrites[0] + operatorWrites);
        assertThat(workerWrites[0] + staleReported[0]).isEqualTo(180);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void statisticsEqualFiguresComputedFromTheInsertedRows(Vendor vendor) {
        SyncStateService service = open(vendor);
        List<Row> rows = StateRows.insert(workspace.database(), 3_000, 17);
        StateRows.execute(workspace.database(), "INSERT INTO conflict_resolutions (sync_metadata_id, conflict_type, field_name) "
                + "SELECT id, 'field_conflict', 'summary' FROM sync_metadata WHERE id <= 40");

        SyncStatistics stats = service.statistics(null, 24);

        assertThat(stats.total()).isEqualTo(3_000);
        assertThat(stats.byStatus()).isEqualTo(rows.stream().collect(Collectors.groupingBy(Row::status, Collectors.counting())));
        assertThat(stats.byType()).isEqualTo(rows.stream().collect(Collectors.groupingBy(Row::type, Collectors.counting())));
        long completed = rows.stream().filter(r -> r.status().equals("completed")).count();
        long failed = rows.stream().filter(r -> r.status().equals("failed")).count();
        assertThat(stats.successRate()).isCloseTo((double) completed / (completed + failed), Offset.offset(1e-9));
        List<Integer> durations = rows.stream().map(Row::durationMs).filter(d -> d != null).sorted().toList();
        assertThat(stats.averageDurationMs()).isCloseTo(durations.stream().mapToInt(Integer::intValue).average().orElseThrow(),
                Offset.offset(1e-6));
        assertThat(stats.p95DurationMs()).isEqualTo(durations.get((int) Math.ceil(0.95 * durations.size()) - 1));
        assertThat(stats.totalApiCalls()).isEqualTo(rows.stream().mapToLong(Row::apiCalls).sum());
        assertThat(stats.openConflicts()).isEqualTo(40);
        assertThat(stats.statesWithOpenConflicts()).isEqualTo(40);
        Instant windowStart = Instant.now().minus(Duration.ofHours(24));
        assertThat(stats.failuresInWindow()).isEqualTo(rows.stream()
                .filter(r -> r.status().equals("failed") && r.attempt() != null && r.attempt().isAfter(windowStart)).count());
        Map<String, Long> errors = rows.stream().filter(r -> r.status().equals("failed") && r.lastError() != null)
                .collect(Collectors.groupingBy(Row::lastError, Collectors.counting()));
        assertThat(stats.topErrors()).extracting(SyncStatistics.ErrorCount::message, SyncStatistics.ErrorCount::count)
                .containsExactlyInAnyOrderElementsOf(errors.entrySet().stream()
                        .map(e -> Tuple.tuple(e.getKey(), e.getValue())).toList());
        assertThat(stats.errorsByKind()).extracting(SyncStatistics.ErrorCount::message)
                .containsExactlyInAnyOrder("rate limit", "authentication", "network");

        SyncStatistics issuesOnly = service.statistics(EntityType.ISSUE, 24);
        assertThat(issuesOnly.total()).isEqualTo(rows.stream().filter(r -> r.type().equals("issue")).count());

        PerformanceStats performance = service.performanceStats(EntityType.SPRINT, 48);
        Instant since = Instant.now().minus(Duration.ofHours(48));
        List<Row> window = rows.stream().filter(r -> r.type().equals("sprint") && r.attempt() != null && r.attempt().isAfter(since)).toList();
        assertThat(performance.totalSyncs()).isEqualTo(window.size());
        assertThat(performance.successfulSyncs()).isEqualTo(window.stream().filter(r -> r.status().equals("completed")).count());
        assertThat(performance.failedSyncs()).isEqualTo(window.stream().filter(r -> r.status().equals("failed")).count());
        assertThat(performance.totalApiCalls()).isEqualTo(window.stream().mapToLong(Row::apiCalls).sum());
        assertThat(performance.successRate()).isCloseTo(100.0 * performance.successfulSyncs() / window.size(),
                Offset.offset(1e-9));
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void rowsWrittenByOtherClientsArePagedCountedAndShownAsStored(Vendor vendor) {
        SyncStateService service = open(vendor);
        if (vendor == Vendor.SQLITE) {
            StateRows.execute(workspace.database(), "PRAGMA ignore_check_constraints = ON");
        } else {
            StateRows.execute(workspace.database(), "ALTER TABLE sync_metadata DROP CONSTRAINT valid_sync_status");
        }
        StateRows.execute(workspace.database(), "INSERT INTO sync_metadata (entity_type, entity_id, sync_status, conflicts) "
                + "VALUES ('issue', 'odd-1', 'retrying', " + (vendor == Vendor.SQLITE ? "'{not json'" : "'\"just a string\"'") + ")");
        if (vendor == Vendor.SQLITE) {
            StateRows.execute(workspace.database(), "PRAGMA ignore_check_constraints = OFF");
            StateRows.execute(workspace.database(), "INSERT INTO sync_metadata (entity_type, entity_id, last_sync_attempt) VALUES ('issue', 'odd-2', 'yesterday-ish')");
            StateRows.execute(workspace.database(), "INSERT INTO sync_metadata (entity_type, entity_id, last_sync_attempt) VALUES ('issue', 'odd-3', 1772360130000)");
        }
        List<SyncStateRow> rows = service.page(SyncStateFilter.all(), SyncStateSort.by(SyncStateColumn.ID, true), PageRequest.first(10)).items();
        assertThat(rows.getFirst().status().wire()).isEqualTo("retrying");
        assertThat(rows.getFirst().status().isKnown()).isFalse();
        assertThat(rows.getFirst().conflicts().problem()).isPresent();
        assertThat(service.statistics(null, 24).byStatus()).containsEntry("retrying", 1L);
        if (vendor == Vendor.SQLITE) {
            assertThat(rows.get(1).lastSyncAttempt().isReadable()).isFalse();
            assertThat(rows.get(1).lastSyncAttempt().toString()).isEqualTo("yesterday-ish");
            assertThat(rows.get(2).lastSyncAttempt().instant()).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
        }
    }

    private static TemporalUnitOffset within() {
        return Assertions.within(1, ChronoUnit.MINUTES);
    }
}
