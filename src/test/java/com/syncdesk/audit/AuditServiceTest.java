package com.syncdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.app.Workspace;
import com.syncdesk.persistence.Page;
import com.syncdesk.persistence.PageRequest;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.Selection;
import com.syncdesk.syncstate.StateAction;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.syncstate.SyncStatus;
import com.syncdesk.testing.StateRows;
import com.syncdesk.testing.TestWorkspaces;

class AuditServiceTest {

    @TempDir
    Path tempDir;

    private Workspace workspace;

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void theLogPagesNewestFirstAndFiltersByTimeOperatorAndActionInTheDatabase(Vendor vendor) {
        workspace = TestWorkspaces.open(vendor, tempDir);
        var states = workspace.syncStates();
        for (int i = 1; i <= 5; i++) {
            states.markFailed(states.createSyncState(EntityType.ISSUE, String.valueOf(i), null), "HTTP 500");
        }
        states.apply(StateAction.RETRY, Selection.ids(List.of(1L, 2L)), "alice");
        Instant between = Instant.now();
        states.apply(StateAction.SKIP, Selection.matching(SyncStateFilter.all().withStatuses(SyncStatus.FAILED).withText("500")), "bob");
        for (int i = 0; i < 4; i++) {
            states.apply(StateAction.RESET_ERRORS, Selection.one(3), "alice");
        }
        AuditService audit = workspace.audit();

        Page<AuditRow> first = audit.page(AuditFilter.all(), PageRequest.first(4));
        assertThat(first.total()).isEqualTo(6);
        assertThat(first.items()).extracting(AuditRow::action).containsExactly("reset_errors", "reset_errors", "reset_errors", "reset_errors");
        Page<AuditRow> second = audit.page(AuditFilter.all(), PageRequest.after(first.last(), 4));
        assertThat(second.items()).extracting(AuditRow::action).containsExactly("skip", "retry");

        AuditRow retry = second.items().get(1);
        assertThat(retry.actionWords()).isEqualTo("Retry");
        assertThat(retry.operator()).isEqualTo("alice");
        assertThat(retry.target()).isEqualTo("sync states 1, 2");
        assertThat(retry.count()).isEqualTo(2);
        assertThat(retry.matching()).isEqualTo(2);
        AuditRow skip = second.items().getFirst();
        assertThat(skip.target()).isEqualTo("filter status = failed, text = 500");
        assertThat(skip.count()).isEqualTo(3);
        assertThat(first.items().getFirst().target()).isEqualTo("sync state 3");

        assertThat(audit.page(new AuditFilter(null, "bob", null), PageRequest.first(10)).items()).extracting(AuditRow::action)
                .containsExactly("skip");
        assertThat(audit.page(new AuditFilter(between, null, Set.of("retry", "skip")), PageRequest.first(10)).items())
                .extracting(AuditRow::action).containsExactly("skip");
        assertThat(audit.page(new AuditFilter(null, "alice", Set.of("retry")), PageRequest.first(10)).total()).isEqualTo(1);
        assertThat(audit.choices()).isEqualTo(new AuditService.Choices(List.of("alice", "bob"), List.of("reset_errors", "retry", "skip")));
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void anEntryAnotherClientWroteIsShownAsStored(Vendor vendor) {
        workspace = TestWorkspaces.open(vendor, tempDir);
        String details = vendor == Vendor.SQLITE ? "'not json {'" : "'\"just a string\"'";
        StateRows.execute(workspace.database(), "INSERT INTO audit_log (at, operator, action, entity_type, entity_id, details) VALUES ("
                + (vendor == Vendor.SQLITE ? "'2026-11-30 10:00:00.000000'" : "now()") + ", 'worker', 'bulk_import', 'board', '7', " + details + ")");

        AuditRow row = workspace.audit().page(AuditFilter.all(), PageRequest.first(10)).items().getFirst();

        assertThat(row.actionWords()).isEqualTo("Bulk import");
        assertThat(row.count()).isNull();
        assertThat(row.target()).isEqualTo(vendor == Vendor.SQLITE ? "not json {" : "\"just a string\"");
    }
}
