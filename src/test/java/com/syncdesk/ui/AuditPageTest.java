package com.syncdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import com.syncdesk.syncstate.Selection;
import com.syncdesk.syncstate.StateAction;
import com.syncdesk.ui.audit.AuditViewModel;

/** The audit log has a page of its own in the console's navigation, read and filtered through its controls. */
@ExtendWith(ApplicationExtension.class)
class AuditPageTest {

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
    void theAuditLogPageListsEveryActionAndFiltersByOperator(FxRobot robot) throws Exception {
        console.open(robot, TestConsoles.withStateRows(dir, 200, 3));
        var states = console.context.workspace().syncStates();
        states.apply(StateAction.RETRY, Selection.ids(List.of(4L, 5L)), "alice");
        states.apply(StateAction.SKIP, Selection.one(6), "bob");

        robot.clickOn("#nav-audit");
        console.settle();

        @SuppressWarnings("unchecked")
        TableView<AuditViewModel.Line> table = robot.lookup(".audit #table").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(AuditViewModel.Line::who, AuditViewModel.Line::what, AuditViewModel.Line::target)
                .containsExactly(tuple("bob", "Skip", "sync state 6"), tuple("alice", "Retry", "sync states 4, 5"));
        assertThat(robot.lookup(".audit #summaryLabel").queryAs(Label.class).getText()).isEqualTo("2 entries in the log");

        @SuppressWarnings("unchecked")
        ComboBox<String> operators = robot.lookup(".audit #operatorBox").queryAs(ComboBox.class);
        robot.clickOn(operators);
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match((ListCell<?> cell) -> "alice".equals(cell.getText()))
                .queryAs(ListCell.class));
        console.settle();
        assertThat(table.getItems()).extracting(AuditViewModel.Line::who).containsExactly("alice");
        assertThat(operators.getButtonCell().getText()).isEqualTo("alice");

        robot.clickOn("Clear filter");
        console.settle();
        assertThat(table.getItems()).hasSize(2);
        assertThat(operators.getButtonCell().getText()).isEqualTo("Anyone");
        console.assertNothingWentWrong();
    }
}
