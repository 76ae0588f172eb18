package com.syncdesk.ui.shell;

import java.util.Optional;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import com.syncdesk.app.DatabaseSession;
import com.syncdesk.persistence.GuardedDataSource;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.Fxml;
import com.syncdesk.ui.Settings;
import com.syncdesk.ui.Theme;
import com.syncdesk.ui.connection.ConnectionDialog;

/** The desktop console. Opens the default database (created and migrated on first start) off the JavaFX thread. */
public final class SyncDeskApp extends Application {

    private AppContext context;

    /**
     * Starts the console, or throws {@link DesktopRequirements.Unavailable} saying what the machine lacks when no
     * window can open (no display, GTK missing); any other failure is left as it is.
     */
    public static void launchConsole(String[] args) {
        String os = System.getProperty("os.name", "");
        Optional<String> missing = DesktopRequirements.preflight(os, System.getenv());
        if (missing.isPresent()) {
            throw new DesktopRequirements.Unavailable(missing.get(), null);
        }
        try {
            launch(args);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            Optional<String> explained = DesktopRequirements.explain(e, os);
            if (explained.isEmpty()) {
                throw e;
            }
            throw new DesktopRequirements.Unavailable(explained.get(), e);
        }
    }

    @Override
    public void start(Stage stage) {
        // The JavaFX thread never waits on a database: a slip fails at once instead of freezing the window.
        GuardedDataSource.forbid(thread -> Platform.isFxApplicationThread());
        Settings settings = Settings.load();
        Theme theme = Theme.of(settings.theme);
        theme.apply();
        context = new AppContext(settings);
        MainWindow window = MainWindow.create(context);
        Scene scene = new Scene(window.root(), settings.windowWidth, settings.windowHeight);
        theme.style(scene);
        stage.setScene(scene);
        stage.setTitle("SyncDesk");
        restoreBounds(stage, settings);
        context.windowProperty().set(stage);
        context.onBrowse(uri -> getHostServices().showDocument(uri.toString()));
        stage.setOnCloseRequest(event -> {
            if (!context.canClose()) {
                event.consume();
            }
        });
        stage.show();
        window.controller().open(DatabaseSession.defaultTarget());
    }

    /** Puts the window where it was, unless that place is no longer on any screen. */
    private static void restoreBounds(Stage stage, Settings settings) {
        if (settings.windowX != null && settings.windowY != null
                && !Screen.getScreensForRectangle(new Rectangle2D(settings.windowX, settings.windowY, 100, 100)).isEmpty()) {
            stage.setX(settings.windowX);
            stage.setY(settings.windowY);
        }
        stage.setMaximized(settings.maximized);
    }

    @Override
    public void stop() {
        if (context != null) {
            Stage stage = (Stage) context.windowProperty().get();
            Settings settings = context.settings();
            if (stage != null) {
                settings.maximized = stage.isMaximized();
                if (!stage.isMaximized()) {
                    settings.windowX = stage.getX();
                    settings.windowY = stage.getY();
                    settings.windowWidth = stage.getWidth();
                    settings.windowHeight = stage.getHeight();
                }
            }
            settings.save();
            context.close();
        }
    }

    /** The main window's root and controller, loaded from FXML. */
    public record MainWindow(Parent root, MainController controller) {
        public static MainWindow create(AppContext context) {
            MainController controller = Fxml.load("/com/syncdesk/ui/shell/main.fxml");
            controller.init(context);
            controller.setConnectionDialog(recent -> ConnectionDialog.show(context, context.windowProperty().get(), recent, controller::open));
            return new MainWindow(controller.root(), controller);
        }
    }
}
