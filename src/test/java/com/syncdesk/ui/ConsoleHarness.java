package com.syncdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import com.syncdesk.persistence.AppDirectories;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.GuardedDataSource;
import com.syncdesk.ui.shell.SyncDeskApp;

/**
 * The real main window in a test stage, with the guard that fails any database call on the JavaFX
 * thread, and a record of everything that went wrong on that thread: an uncaught exception or an error
 * dialog fails {@link #assertNothingWentWrong()}.
 */
final class ConsoleHarness {

    final AppContext context;
    final ScriptedDialogs dialogs;
    final SyncDeskApp.MainWindow window;
    final Scene scene;
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

    private ConsoleHarness(AppContext context, ScriptedDialogs dialogs, SyncDeskApp.MainWindow window, Scene scene) {
        this.context = context;
        this.dialogs = dialogs;
        this.window = window;
        this.scene = scene;
    }

    /** Call from the test's {@code @Start} method (on the JavaFX thread). */
    static ConsoleHarness start(Stage stage, Path home, double width, double height) {
        System.setProperty(AppDirectories.HOME_PROPERTY, home.toString());
        GuardedDataSource.forbid(thread -> Platform.isFxApplicationThread());
        Stage owner = stage;
        ScriptedDialogs dialogs = new ScriptedDialogs(new FxDialogs(() -> owner));
        AppContext context = new AppContext(new Settings(), new FxTaskRunner(), dialogs);
        SyncDeskApp.MainWindow window = SyncDeskApp.MainWindow.create(context);
        Scene scene = new Scene(window.root(), width, height);
        Theme.LIGHT.apply();
        Theme.LIGHT.style(scene);
        stage.setScene(scene);
        context.windowProperty().set(stage);
        ConsoleHarness harness = new ConsoleHarness(context, dialogs, window, scene);
        Thread.currentThread().setUncaughtExceptionHandler((thread, failure) -> harness.uncaught.add(failure));
        stage.show();
        return harness;
    }

    void open(FxRobot robot, ConnectionTarget target) throws TimeoutException {
        robot.interact(() -> window.controller().open(target));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> context.workspace() != null);
        settle();
    }

    /** Waits until no background work runs and the JavaFX thread has handled what it returned. */
    /** The page the main window shows for {@code id}, as the shell created it. */
    <P extends Page> P page(PageId id) {
        @SuppressWarnings("unchecked")
        P page = (P) window.controller().page(id);
        return page;
    }

    void settle() throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> context.tasks().runningProperty().get() == 0);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> context.tasks().runningProperty().get() == 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void assertNothingWentWrong() {
        assertThat(uncaught).as(() -> "exceptions on the JavaFX thread: " + uncaught.stream().map(failure -> {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            return trace.toString();
        }).toList()).isEmpty();
        List<Window> errorDialogs = Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().lookup("#error-dialog") != null).toList();
        assertThat(errorDialogs).as("error dialogs shown").isEmpty();
    }

    void close(FxRobot robot) {
        robot.interact(() -> {
            Window.getWindows().stream().filter(w -> w != context.windowProperty().get()).toList().forEach(Window::hide);
            context.close();
        });
        System.clearProperty(AppDirectories.HOME_PROPERTY);
    }
}
