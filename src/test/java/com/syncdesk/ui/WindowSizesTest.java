package com.syncdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every page at the default size (1280×800) shows all of its controls inside the window with no text cut, and at
 * 1024×768 it scrolls instead of cutting: the page keeps its minimum size inside the window's scroll pane.
 */
@ExtendWith(ApplicationExtension.class)
class WindowSizesTest {

    @TempDir
    Path dir;

    private ConsoleHarness console;
    private Stage stage;

    @AfterEach
    void close(FxRobot robot) {
        if (console != null) {
            console.close(robot);
            robot.interact(stage::hide);
        }
    }

    @ParameterizedTest
    @CsvSource({"1280, 800", "1024, 768"})
    void everyPageShowsItsControlsWholeAtTheDefaultSizeAndScrollsRatherThanCutsWhenSmaller(int width, int height, FxRobot robot)
            throws Exception {
        robot.interact(() -> {
            stage = new Stage();
            console = ConsoleHarness.start(stage, dir, width, height);
        });
        console.open(robot, TestConsoles.withDemoData(dir, 1_500));
        boolean defaultSize = width == 1280;
        String zone = DateTimeFormatter.ofPattern("zzz", Locale.getDefault()).format(ZonedDateTime.now());
        for (PageId id : PageId.values()) {
            robot.interact(() -> console.window.controller().show(id, null));
            console.settle();
            if (id == PageId.SYNC_STATES) {
                robot.interact(() -> robot.lookup("#table").queryAs(TableView.class).getSelectionModel().select(3));
                console.settle();
            }
            Region page = (Region) console.page(id).view();
            ScrollPane window = robot.lookup(".content-scroll").queryAs(ScrollPane.class);
            Region content = (Region) window.getContent();
            assertThat(Shown.cutTexts(page)).as(id + " at " + width + "×" + height + ": texts cut").isEmpty();
            assertThat(content.getWidth()).as(id + ": the page keeps its minimum width").isGreaterThanOrEqualTo(content.minWidth(-1) - 0.5);
            assertThat(content.getHeight()).as(id + ": the page keeps its minimum height").isGreaterThanOrEqualTo(content.minHeight(-1) - 0.5);
            if (defaultSize) {
                List<Node> outside = Shown.all(page).stream().filter(b -> b instanceof Button && Shown.visible(b))
                        .filter(b -> !Shown.insideTheWindow(b)).toList();
                assertThat(outside).as(id + " at the default size: buttons outside the window").isEmpty();
                // Timestamps, in the one style with their zone, are read whole wherever a table shows them (issue 15.12).
                assertThat(Shown.cutCells(page, text -> text.endsWith(" " + zone))).as(id + ": timestamps cut").isEmpty();
                assertThat(content.getWidth()).as(id + ": no sideways scrolling at the default size")
                        .isLessThanOrEqualTo(window.getViewportBounds().getWidth() + 0.5);
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
        console.assertNothingWentWrong();
    }
}
