package com.syncdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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

import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.testing.PasswordPostgres;
import com.syncdesk.testing.TestDatabases;
import com.syncdesk.testing.Versions;
import com.syncdesk.ui.connection.ConnectionDialog;

@ExtendWith(ApplicationExtension.class)
class ConnectionDialogTest {

    @TempDir
    Path dir;

    private ConsoleHarness console;

    @Start
    void start(Stage stage) {
        console = ConsoleHarness.start(stage, dir, 1200, 800);
    }

    @AfterEach
    void close(FxRobot robot) {
        console.close(robot);
    }

    private void openDialog(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#connection-dialog").tryQuery()).isPresent();
    }

    private static void type(FxRobot robot, String field, String text) {
        TextField input = robot.lookup(field).queryAs(TextField.class);
        robot.interact(input::clear);
        robot.clickOn(input).write(text);
    }

    private void fillPostgres(FxRobot robot, String database, String password) {
        robot.clickOn("PostgreSQL server");
        type(robot, "#host", "localhost");
        type(robot, "#port", String.valueOf(PasswordPostgres.server().getPort()));
        type(robot, "#database", database);
        type(robot, "#user", PasswordPostgres.USER);
        type(robot, "#password", password);
    }

    @Test
    void aWrongPostgresPasswordIsRejectedInPlainWordsAndTheRightOneConnects(FxRobot robot) throws Exception {
        String database = PasswordPostgres.freshDatabase();
        openDialog(robot);
        fillPostgres(robot, database, "not the password");

        robot.clickOn("#testButton");
        console.settle();

        Label result = robot.lookup("#testResult").queryAs(Label.class);
        assertThat(result.getText()).isEqualTo("PostgreSQL at localhost:" + PasswordPostgres.server().getPort() + "/" + database + " as "
                + PasswordPostgres.USER + " refused the user name or password.");
        assertThat(result.getStyleClass()).contains("failure");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Shown.isCut(result)).as("the whole refusal is shown (it read \"…as root asks for a ...\")").isFalse();
        assertThat(result.getTooltip().getText()).isEqualTo(result.getText());

        type(robot, "#password", PasswordPostgres.PASSWORD);
        robot.clickOn("#testButton");
        console.settle();
        assertThat(result.getText()).startsWith("Connected. The database is empty");
        assertThat(result.getStyleClass()).contains("success");

        robot.clickOn("#connect-button");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> console.context.databaseProperty().get() != null);
        console.settle();
        // An empty database is behind the latest schema: the banner offers the upgrade, and it works.
        assertThat(robot.lookup("#bannerAction").queryAs(Button.class).getText()).isEqualTo("Upgrade now");
        robot.clickOn("#bannerAction");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> console.context.workspace() != null);
        console.settle();
        assertThat(robot.lookup("#banner").query().isVisible()).isFalse();
        assertThat(console.context.connectionLabelProperty().get()).startsWith("PostgreSQL · localhost:");

        String saved = Files.readString(Settings.file());
        assertThat(saved).contains(PasswordPostgres.USER).contains("sslmode=prefer").doesNotContain(PasswordPostgres.PASSWORD);
        console.assertNothingWentWrong();
    }

    @Test
    void aRecentPostgresConnectionPrefillsEverythingButThePassword(FxRobot robot) {
        Settings.RecentConnection recent = Settings.RecentConnection.postgres("jdbc:postgresql://db.example.org:6543/sync?sslmode=verify-full", "ops");
        robot.interact(() -> ConnectionDialog.show(console.context, console.context.windowProperty().get(), recent, target -> { }));

        assertThat(robot.lookup("#host").queryAs(TextField.class).getText()).isEqualTo("db.example.org");
        assertThat(robot.lookup("#port").queryAs(TextField.class).getText()).isEqualTo("6543");
        assertThat(robot.lookup("#database").queryAs(TextField.class).getText()).isEqualTo("sync");
        assertThat(robot.lookup("#user").queryAs(TextField.class).getText()).isEqualTo("ops");
        assertThat(robot.lookup("#password").queryAs(TextField.class).getText()).isEmpty();
        assertThat(robot.lookup("#sslMode").queryAs(ComboBox.class).getValue()).isEqualTo("verify-full");
        assertThat(robot.lookup("#urlPreview").queryAs(Label.class).getText()).isEqualTo("jdbc:postgresql://db.example.org:6543/sync?sslmode=verify-full");
    }

    @Test
    void aNewSqliteFileIsCreatedAtTheLatestSchema(FxRobot robot) throws Exception {
        Path file = dir.resolve("fresh.db");
        openDialog(robot);
        type(robot, "#sqlitePath", file.toString());
        robot.clickOn("#testButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#testResult").queryAs(Label.class).getText()).contains("Connect creates a new SyncDesk database");

        robot.clickOn("#connect-button");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> console.context.workspace() != null);
        console.settle();
        assertThat(console.context.schemaProperty().get().isLatest()).isTrue();
        assertThat(console.context.connectionLabelProperty().get()).isEqualTo("SQLite · " + file);
        console.assertNothingWentWrong();
    }

    @Test
    void aSchemaNewerThanTheAppIsRefusedWithTheBannerOnly(FxRobot robot) throws Exception {
        ConnectionTarget target = TestDatabases.fresh(Vendor.SQLITE, dir);
        try (Database database = Database.open(target)) {
            new MigrationService(database, "tester").upgrade(null, MigrationProgress.NONE);
            try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                        + "installed_by, execution_time, success) VALUES ((SELECT max(installed_rank) + 1 FROM flyway_schema_history), "
                        + "'" + Versions.NEWER + "', 'from the future', 'SQL', 'V" + Versions.NEWER + "__from_the_future.sql', 42, 'future', 5, true)");
            }
        }
        robot.interact(() -> console.window.controller().open(target));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> console.context.schemaProperty().get() != null);
        console.settle();

        assertThat(console.context.workspace()).isNull();
        assertThat(robot.lookup("#bannerText").queryAs(Label.class).getText()).contains("upgraded by a newer SyncDesk (schema " + Versions.NEWER + "");
        assertThat(robot.lookup("#bannerAction").queryAs(Button.class).getText()).isEqualTo("Connect to another database…");
        assertThat(robot.lookup("#notConnected").query().isVisible()).isTrue();
        console.assertNothingWentWrong();
    }
}
