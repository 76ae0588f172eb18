package com.syncdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.syncdesk.syncstate.Selection;
import com.syncdesk.syncstate.StateAction;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.syncstate.SyncStateRow;
import com.syncdesk.syncstate.SyncStatus;
import com.syncdesk.testing.Screenshots;
import com.syncdesk.ui.connection.ConnectionDialog;

/** Renders the main screens on a demo database to PNG (docs/screenshots with -Dsyncdesk.screenshots=docs). */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {

    @TempDir
    Path dir;

    private ConsoleHarness console;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = ConsoleHarness.start(stage, dir, 1400, 900);
    }

    @AfterEach
    void close(FxRobot robot) {
        console.close(robot);
    }

    @Test
    void rendersTheMainScreensOnADemoDatabase(FxRobot robot) throws Exception {
        console.open(robot, TestConsoles.withDemoData(dir, 3_000));

        robot.interact(() -> Screenshots.save(console.scene, "dashboard"));
        robot.interact(() -> robot.lookup(".dashboard").queryAs(ScrollPane.class).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(console.scene, "dashboard-errors"));

        robot.clickOn("#nav-sync-states");
        console.settle();
        @SuppressWarnings("unchecked")
        TableView<SyncStateRow> table = robot.lookup("#table").queryAs(TableView.class);
        int withConflict = table.getItems().stream().filter(r -> r.openConflicts() > 0).map(table.getItems()::indexOf).findFirst().orElse(0);
        robot.interact(() -> {
            table.getSelectionModel().select(withConflict);
            table.scrollTo(Math.max(0, withConflict - 3));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(console.scene, "sync-states"));
        TabPane detail = robot.lookup("#detailTabs").queryAs(TabPane.class);
        robot.interact(() -> detail.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(console.scene, "sync-states-conflicts"));
        robot.clickOn("Story");
        console.settle();
        robot.interact(() -> Screenshots.save(console.scene, "sync-states-story"));

        robot.clickOn("#nav-history");
        console.settle();
        robot.interact(() -> Screenshots.save(console.scene, "sync-history"));

        // A day's actions for the audit log: a retry of three selected states, a skip of everything matching a filter.
        var states = console.context.workspace().syncStates();
        states.apply(StateAction.RETRY, Selection.ids(List.of(table.getItems().get(0).id(), table.getItems().get(1).id(),
                table.getItems().get(2).id())), "alice");
        states.apply(StateAction.SKIP, Selection.matching(SyncStateFilter.all().withStatuses(SyncStatus.FAILED).withText("429")), "bob");
        robot.clickOn("#nav-audit");
        console.settle();
        robot.interact(() -> Screenshots.save(console.scene, "audit-log"));

        robot.interact(() -> ConnectionDialog.show(console.context, stage, null, target -> { }));
        robot.clickOn("PostgreSQL server");
        WaitForAsyncUtils.waitForFxEvents();
        Window dialog = Window.getWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
        robot.interact(() -> Screenshots.save(dialog.getScene(), "connection-dialog"));
        assertThat(Screenshots.folder().resolve("connection-dialog.png")).isRegularFile();
        console.assertNothingWentWrong();
    }
}
