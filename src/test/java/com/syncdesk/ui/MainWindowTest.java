package com.syncdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.syncdesk.app.DatabaseSession;
import com.syncdesk.persistence.AppDirectories;
import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.GuardedDataSource;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.testing.Versions;
import com.syncdesk.ui.PageId;
import com.syncdesk.ui.shell.SyncDeskApp;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path home;

    private AppContext context;
    private SyncDeskApp.MainWindow window;

    @Start
    void start(Stage stage) {
        System.setProperty(AppDirectories.HOME_PROPERTY, home.toString());
        GuardedDataSource.forbid(thread -> Platform.isFxApplicationThread());
        context = new AppContext(new Settings());
        window = SyncDeskApp.MainWindow.create(context);
        Scene scene = new Scene(window.root(), 1200, 760);
        Theme.LIGHT.apply();
        Theme.LIGHT.style(scene);
        stage.setScene(scene);
        context.windowProperty().set(stage);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(context::close);
        System.clearProperty(AppDirectories.HOME_PROPERTY);
    }

    @Test
    void opensTheDefaultDatabaseMigratedAndShowsItInTheStatusBar(FxRobot robot) throws Exception {
        robot.interact(() -> window.controller().open(DatabaseSession.defaultTarget()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> context.workspace() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(home.resolve("syncdesk.db")).isRegularFile();
        assertThat(robot.lookup(".status-bar .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("SQLite · " + home.resolve("syncdesk.db"), "Schema " + Versions.LATEST + " (latest)");
    }

    @Test
    void navigationButtonsAndShortcutsSwitchPages(FxRobot robot) {
        robot.clickOn("#nav-sync-states");
        assertThat(window.controller().currentPage()).isEqualTo(PageId.SYNC_STATES);
        assertThat(robot.lookup("#nav-sync-states").queryAs(ToggleButton.class).isSelected()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        assertThat(window.controller().currentPage()).isEqualTo(PageId.MIGRATIONS);
        robot.clickOn("#nav-migrations");
        assertThat(robot.lookup("#nav-migrations").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void theJiraSiteOpenInJiraLeadsToIsSetFromTheFileMenuAndRemembered(FxRobot robot) {
        robot.clickOn("File").clickOn("JIRA site…");
        TextField address = robot.lookup("#jira-site-dialog .text-field").queryAs(TextField.class);
        assertThat(address.getText()).isEmpty();
        robot.clickOn(address).write("https://acme.atlassian.net/").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(context.jiraLinks().browse(EnumValue.of(EntityType.ISSUE), "MOB-15", "10015"))
                .contains(URI.create("https://acme.atlassian.net/browse/MOB-15"));
        assertThat(Settings.load().jiraBaseUrl).isEqualTo("https://acme.atlassian.net/");
    }
}
