package com.syncdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;

import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import com.syncdesk.history.SyncHistoryFilter;
import com.syncdesk.history.SyncHistoryRow;
import com.syncdesk.persistence.Page;
import com.syncdesk.persistence.PageRequest;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.syncstate.SyncStateRow;
import com.syncdesk.syncstate.SyncStatus;

@ExtendWith(ApplicationExtension.class)
class HistoryPageTest {

    @TempDir
    Path dir;

    private ConsoleHarness console;

    @Start
    void start(Stage stage) {
        console = ConsoleHarness.start(stage, dir, 1280, 800);
    }

    @AfterEach
    void close(FxRobot robot) {
        console.close(robot);
    }

    @Test
    void showsRunsNewestFirstPagedAndFilteredByStatus(FxRobot robot) throws Exception {
        console.open(robot, TestConsoles.withDemoData(dir, 1_500));
        robot.clickOn("#nav-history");
        console.settle();
        @SuppressWarnings("unchecked")
        TableView<SyncHistoryRow> table = robot.lookup(".history #table").queryAs(TableView.class);
        Page<SyncHistoryRow> first = console.context.workspace().history().page(SyncHistoryFilter.all(), PageRequest.first(100));
        assertThat(table.getItems()).extracting(SyncHistoryRow::id).containsExactlyElementsOf(first.items().stream().map(SyncHistoryRow::id).toList());

        robot.clickOn(".history #nextButton");
        console.settle();
        assertThat(table.getItems()).extracting(SyncHistoryRow::id).containsExactlyElementsOf(console.context.workspace().history()
                .page(SyncHistoryFilter.all(), PageRequest.after(first.last(), 100)).items().stream().map(SyncHistoryRow::id).toList());

        @SuppressWarnings("unchecked")
        CheckComboBox<SyncStatus> statuses = robot.lookup(".history #statusFilter").queryAs(CheckComboBox.class);
        robot.interact(() -> statuses.getCheckModel().check(SyncStatus.FAILED));
        console.settle();
        Page<SyncHistoryRow> failed = console.context.workspace().history()
                .page(SyncHistoryFilter.all().withStatuses(EnumSet.of(SyncStatus.FAILED)), PageRequest.first(100));
        assertThat(table.getItems()).isNotEmpty().extracting(SyncHistoryRow::id)
                .containsExactlyElementsOf(failed.items().stream().map(SyncHistoryRow::id).toList());
        assertThat(robot.lookup(".history #pageLabel").queryLabeled().getText()).endsWith(String.format("of %,d", failed.total()));
        console.assertNothingWentWrong();
    }

    @Test
    void aRunDrillsDownToTheSyncStatesOfItsBatchAndTheFilterShowsTheChosenStatuses(FxRobot robot) throws Exception {
        console.open(robot, TestConsoles.withDemoData(dir, 1_500));
        robot.clickOn("#nav-history");
        console.settle();
        @SuppressWarnings("unchecked")
        CheckComboBox<SyncStatus> statuses = robot.lookup(".history #statusFilter").queryAs(CheckComboBox.class);
        assertThat(statuses.getTitle()).isEqualTo("Any status");
        robot.interact(() -> statuses.getCheckModel().check(SyncStatus.COMPLETED));
        console.settle();
        assertThat(statuses.getTitle()).isEqualTo("completed");

        @SuppressWarnings("unchecked")
        TableView<SyncHistoryRow> table = robot.lookup(".history #table").queryAs(TableView.class);
        SyncHistoryRow run = table.getItems().stream().filter(r -> r.batchId() != null).findFirst().orElseThrow();
        Button states = robot.lookup(".history #statesButton").queryButton();
        assertThat(states.isDisabled()).as("nothing selected").isTrue();
        robot.interact(() -> table.getSelectionModel().select(run));
        robot.clickOn(states);
        console.settle();

        assertThat(console.window.controller().currentPage()).isEqualTo(PageId.SYNC_STATES);
        assertThat(robot.lookup(".sync-states #batchField").queryTextInputControl().getText()).isEqualTo(run.batchId());
        @SuppressWarnings("unchecked")
        TableView<SyncStateRow> stateTable = robot.lookup(".sync-states #table").queryAs(TableView.class);
        long inBatch = console.context.workspace().syncStates().count(SyncStateFilter.all().withBatch(run.batchId()));
        assertThat(inBatch).isPositive();
        assertThat(stateTable.getItems()).hasSize((int) Math.min(inBatch, 100)).allSatisfy(row -> assertThat(row.batchId()).isEqualTo(run.batchId()));
        console.assertNothingWentWrong();
    }
}
