package com.syncdesk.ui.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Dialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.syncdesk.app.Texts;
import com.syncdesk.migration.DataLoss;
import com.syncdesk.migration.Drop;
import com.syncdesk.migration.MigrationPlan;
import com.syncdesk.migration.PlannedStep;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.ui.RecordingDialogs;
import com.syncdesk.ui.Theme;

/** A confirmation taller than the screen keeps its buttons in reach: its content scrolls, the window fits the screen. */
@ExtendWith(ApplicationExtension.class)
class ConfirmationSizeTest {

    private Stage owner;
    private Dialog<ButtonType> dialog;

    @Start
    void start(Stage stage) {
        owner = stage;
        Theme.LIGHT.apply();
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> dialog.close());
    }

    @Test
    void aDowngradeWithItsSqlShownStaysOnTheScreenWithItsButtonsInReach(FxRobot robot) {
        List<PlannedStep> steps = new ArrayList<>();
        List<DataLoss> losses = new ArrayList<>();
        for (int version = 40; version > 10; version--) {
            steps.add(new PlannedStep(version, "step " + version, List.of("ALTER TABLE t" + version + " DROP COLUMN c", "DROP TABLE x" + version)));
            losses.add(new DataLoss(version, new Drop("t" + version, "c"), version * 10L));
        }
        MigrationPlan plan = new MigrationPlan(MigrationPlan.Direction.DOWNGRADE, 40, 10, steps, losses, List.of(), List.of());
        robot.interact(() -> dialog = ConfirmMigrationController.show(owner, new RecordingDialogs(),
                new ConfirmMigrationViewModel(plan, Vendor.SQLITE, Path.of("/tmp/backups"), Texts.system()), () -> { }));
        // The report is longer than the screen: the operator scrolls down to "Show SQL".
        robot.interact(() -> robot.lookup(".dialog-scroll").queryAs(ScrollPane.class).setVvalue(1));
        robot.clickOn("Show SQL");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".toggle-button").queryAs(ToggleButton.class).isSelected()).isTrue();

        Window window = dialog.getDialogPane().getScene().getWindow();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertThat(window.getHeight()).as("window height").isLessThanOrEqualTo(screen.getHeight());
        assertThat(window.getY()).isGreaterThanOrEqualTo(screen.getMinY());
        for (ButtonType type : dialog.getDialogPane().getButtonTypes()) {
            Node button = dialog.getDialogPane().lookupButton(type);
            Bounds onScreen = button.localToScreen(button.getBoundsInLocal());
            assertThat(onScreen.getMaxY()).as(type.getText() + " within the screen").isLessThanOrEqualTo(screen.getMaxY());
            assertThat(onScreen.getMaxY()).as(type.getText() + " within the window").isLessThanOrEqualTo(window.getY() + window.getHeight());
        }
    }
}
