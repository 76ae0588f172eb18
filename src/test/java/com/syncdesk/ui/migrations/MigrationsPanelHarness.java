package com.syncdesk.ui.migrations;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import com.syncdesk.migration.MigrationEntry;
import com.syncdesk.persistence.AppDirectories;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.GuardedDataSource;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.FxDialogs;
import com.syncdesk.ui.PausingTaskRunner;
import com.syncdesk.ui.Settings;
import com.syncdesk.ui.Theme;

/** The migration panel alone in a window, over a real database, with the JavaFX thread barred from the database. */
@ExtendWith(ApplicationExtension.class)
abstract class MigrationsPanelHarness {

    @TempDir
    static Path home;

    AppContext context;
    PausingTaskRunner tasks;
    MigrationsController page;
    Stage stage;

    /** TestFX finds only the test class's own {@code @Start}: each subclass calls this from it. */
    void open(Stage stage) {
        this.stage = stage;
        System.setProperty(AppDirectories.HOME_PROPERTY, home.toString());
        GuardedDataSource.forbid(thread -> Platform.isFxApplicationThread());
        tasks = new PausingTaskRunner();
        context = new AppContext(new Settings(), tasks, new FxDialogs(() -> stage));
        page = MigrationsController.create(context);
        StackPane content = new StackPane(page.view());
        content.getStyleClass().add("content");
        BorderPane window = new BorderPane(content);
        window.getStyleClass().add("main-window");
        // The headless screen is 1000 by 1000: windows, dialogs included, must stay within it.
        Scene scene = new Scene(window, 1280, 900);
        Theme.LIGHT.apply();
        Theme.LIGHT.style(scene);
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        context.windowProperty().set(stage);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(context::close);
        System.clearProperty(AppDirectories.HOME_PROPERTY);
    }

    /** Connects as the console does and waits until the panel shows the database at {@code version}. */
    void connect(FxRobot robot, ConnectionTarget target, int version) {
        robot.interact(() -> context.connect(target, () -> { }, failure -> { throw new AssertionError(failure); }));
        waitUntil(() -> model().statusProperty().get() != null && model().statusProperty().get().currentVersion() == version);
        WaitForAsyncUtils.waitForFxEvents();
    }

    MigrationsViewModel model() {
        return page.model();
    }

    /**
     * Holds the next run right after the panel has shown step {@code index} starting, as a slow step would;
     * {@code reached} counts down then, and the run goes on when {@code release} does.
     */
    void holdAtTheStartOfStep(int index, CountDownLatch reached, CountDownLatch release) {
        tasks.pauseWhen(() -> model().log().stream().anyMatch(line -> line.startsWith("Step " + index + " of ") && line.contains(" started: ")),
                reached, release);
    }

    /** Waits until the running schema change has ended and the panel has read the schema again. */
    void waitUntilIdleAt(int version) {
        waitUntil(() -> !model().isRunning() && model().statusProperty().get().currentVersion() == version
                && context.schemaProperty().get() != null && context.schemaProperty().get().currentVersion() == version);
        // At the latest version the console reopens its services in the background; let that finish before closing.
        if (context.schemaProperty().get().isLatest()) {
            waitUntil(() -> context.workspace() != null);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks a row's button once the table has laid out the row (cells follow a new status on a later pulse). */
    static void clickWhenShown(FxRobot robot, String query) {
        waitUntil(() -> robot.lookup(query).tryQuery().isPresent());
        robot.clickOn(query);
    }

    static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for the panel", e);
        }
    }

    /** "version: state label" for every row of the migration list, as the state cells show them. */
    List<String> shownStates(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".migration-state").<TableCell<MigrationEntry, MigrationEntry>>queryAll().stream()
                .filter(cell -> cell.getItem() != null && cell.isVisible())
                .sorted(Comparator.comparingInt(cell -> cell.getItem().version()))
                .map(cell -> cell.getItem().version() + ": " + cell.getText())
                .distinct()
                .toList();
    }

    /** The dialog once shown with its content: that scrolls inside a pane whose skin, made on the first pulse, holds it. */
    DialogPane dialog(FxRobot robot, String id) {
        waitUntil(() -> robot.lookup("#" + id).tryQuery().map(pane -> !(((DialogPane) pane).getContent() instanceof ScrollPane scroll)
                || scroll.getSkin() != null).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#" + id).queryAs(DialogPane.class);
    }

    /** Every text a dialog shows in its content, labels first. */
    static List<String> texts(Node root) {
        return root.lookupAll(".label").stream().filter(Labeled.class::isInstance).map(node -> ((Labeled) node).getText())
                .filter(text -> text != null && !text.isBlank()).toList();
    }
}
