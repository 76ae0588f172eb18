package com.syncdesk.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.app.Workspace;
import com.syncdesk.persistence.Page;
import com.syncdesk.persistence.PageRequest;
import com.syncdesk.persistence.SqlValues;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.syncstate.SyncStatus;
import com.syncdesk.testing.TestWorkspaces;

class SyncHistoryServiceTest {

    @TempDir
    Path tempDir;

    private Workspace workspace;

    @AfterEach
    void close() {
        workspace.close();
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void runsPerDayCountsEveryUtcDayAndPagesComeNewestFirst(Vendor vendor) {
        workspace = TestWorkspaces.open(vendor, tempDir);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Instant> times = new ArrayList<>();
        workspace.database().inTransaction(connection -> {
            try (var insert = connection.prepareStatement("INSERT INTO sync_history (operation_type, status, created_at) VALUES (?, ?, ?)")) {
                for (int day = 0; day < 35; day++) {
                    for (int run = 0; run <= day % 4; run++) {
                        Instant at = today.minusDays(day).atTime(1 + run * 5, 30).toInstant(ZoneOffset.UTC);
                        times.add(at);
                        insert.setString(1, "incremental_sync");
                        insert.setString(2, run == 0 && day % 3 == 0 ? "failed" : "completed");
                        SqlValues.bindInstant(insert, 3, at, vendor);
                        insert.executeUpdate();
                    }
                }
            }
            return null;
        });

        List<DailyRuns> days = workspace.history().runsPerDay(30);
        assertThat(days).hasSize(30);
        assertThat(days.getLast().day()).isEqualTo(today);
        for (DailyRuns day : days) {
            int ago = (int) (today.toEpochDay() - day.day().toEpochDay());
            assertThat(day.runs()).as(day.day().toString()).isEqualTo(ago % 4 + 1);
            assertThat(day.failed()).as(day.day().toString()).isEqualTo(ago % 3 == 0 ? 1 : 0);
        }

        Page<SyncHistoryRow> first = workspace.history().page(SyncHistoryFilter.all(), PageRequest.first(10));
        assertThat(first.total()).isEqualTo(times.size());
        assertThat(first.items()).extracting(r -> r.startedAt().instant())
                .containsExactlyElementsOf(times.stream().sorted(Comparator.reverseOrder()).limit(10).toList());
        Page<SyncHistoryRow> failed = workspace.history().page(SyncHistoryFilter.all().withStatuses(Set.of(SyncStatus.FAILED)), PageRequest.first(100));
        assertThat(failed.total()).isEqualTo(12);
        Page<SyncHistoryRow> next = workspace.history().page(SyncHistoryFilter.all(), PageRequest.after(first.last(), 10));
        assertThat(next.items().getFirst().startedAt().instant()).isBefore(first.items().getLast().startedAt().instant());
    }
}
