package com.syncdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.collections.ListChangeListener;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.syncstate.SyncStateColumn;
import com.syncdesk.syncstate.SyncStateSort;
import com.syncdesk.syncstate.SyncStatus;
import com.syncdesk.ui.syncstates.SyncStatesController;
import com.syncdesk.ui.syncstates.SyncStatesViewModel;

/**
 * Not part of the normal run: times the Sync States page on a big database, from the request in the
 * view-model to the rows in the table's list. Run with
 * {@code -Dtest=SyncStatesPagingTimingTest -Dsyncdesk.bigdb=/path/to/big.db}; results go to target/paging-timings.txt.
 */
@EnabledIfSystemProperty(named = "syncdesk.bigdb", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class SyncStatesPagingTimingTest {

    @TempDir
    Path dir;

    private ConsoleHarness console;
    private final List<String> lines = new ArrayList<>();
    private volatile long shownAt;

    @Start
    void start(Stage stage) {
        console = ConsoleHarness.start(stage, dir, 1400, 900);
    }

    @AfterEach
    void close(FxRobot robot) {
        console.close(robot);
    }

    @Test
    void timesPagesOnABigDatabase(FxRobot robot) throws Exception {
        console.open(robot, ConnectionTarget.sqlite(Path.of(System.getProperty("syncdesk.bigdb"))));
        robot.clickOn("#nav-sync-states");
        console.settle();
        SyncStatesViewModel model = console.<SyncStatesController>page(PageId.SYNC_STATES).model();
        assertThat(model.totalProperty().get()).isGreaterThan(100_000);
        lines.add(String.format("sync states in the database: %,d", model.totalProperty().get()));
        // Timed up to the moment the rows reach the table, not to the end of the test's own waiting.
        model.rows().addListener((ListChangeListener<Object>) change -> shownAt = System.nanoTime());

        time(robot, "first page, newest attempt first", m -> m.firstPage(), model);
        time(robot, "next page (2)", SyncStatesViewModel::nextPage, model);
        for (int page = 3; page <= 50; page++) {
            robot.interact(model::nextPage);
            console.settle();
        }
        time(robot, "next page (51)", SyncStatesViewModel::nextPage, model);
        time(robot, "previous page (50)", SyncStatesViewModel::previousPage, model);
        time(robot, "last page", SyncStatesViewModel::lastPage, model);
        time(robot, "first page sorted by entity id", m -> m.sortBy(SyncStateSort.by(SyncStateColumn.ENTITY_ID, true)), model);
        time(robot, "next page sorted by entity id", SyncStatesViewModel::nextPage, model);
        time(robot, "first page of failed states", m -> {
            m.statuses().setAll(SyncStatus.FAILED);
            m.search();
        }, model);
        time(robot, "next page of failed states", SyncStatesViewModel::nextPage, model);
        time(robot, "first page, text search \"429\"", m -> {
            m.textProperty().set("429");
            m.search();
        }, model);
        Files.write(Path.of("target", "paging-timings.txt"), lines);
        console.assertNothingWentWrong();
    }

    private void time(FxRobot robot, String what, Consumer<SyncStatesViewModel> action, SyncStatesViewModel model) throws Exception {
        long best = Long.MAX_VALUE;
        long first = 0;
        // The first run reads from disk; the later ones show the warm figure.
        for (int run = 0; run < 3; run++) {
            // Only these reload on a repeat; next/previous move on and a repeated sort is no change.
            if (run > 0 && !what.startsWith("first page,") && !what.equals("last page")) {
                break;
            }
            long[] started = new long[1];
            robot.interact(() -> {
                started[0] = System.nanoTime();
                action.accept(model);
            });
            console.settle();
            long ms = (shownAt - started[0]) / 1_000_000;
            if (run == 0) {
                first = ms;
            }
            best = Math.min(best, ms);
        }
        lines.add(String.format("%-40s first %5d ms, best %5d ms (%s)", what, first, best, model.pageTextProperty().get()));
    }
}
