package com.syncdesk.ui;

import java.nio.file.Files;

import javafx.application.Application;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.migration.SchemaStatus;
import com.syncdesk.persistence.AppDirectories;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;

/** The desktop console: opens the default database off the JavaFX thread, migrated, and shows where it stands. */
public final class SyncDeskApp extends Application {

    private Database database;

    public static void launchConsole(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        Label connection = new Label("Opening the default database…");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        HBox statusBar = new HBox(8, busy, connection);
        statusBar.setPadding(new Insets(4, 8, 4, 8));
        BorderPane root = new BorderPane(new Label("SyncDesk"));
        root.setBottom(statusBar);
        stage.setTitle("SyncDesk");
        stage.setScene(new Scene(root, 1100, 720));
        stage.show();

        Task<SchemaStatus> open = new Task<>() {
            @Override
            protected SchemaStatus call() throws Exception {
                Files.createDirectories(AppDirectories.dataDirectory());
                database = Database.open(ConnectionTarget.sqlite(AppDirectories.defaultDatabase()));
                return new MigrationService(database, System.getProperty("user.name")).upgrade(null, MigrationProgress.NONE);
            }
        };
        open.setOnSucceeded(e -> {
            busy.setVisible(false);
            connection.setText(database.target().describe() + " · schema version " + open.getValue().currentVersion());
        });
        open.setOnFailed(e -> {
            busy.setVisible(false);
            connection.setText("Not connected");
            new Alert(Alert.AlertType.ERROR, open.getException().getMessage()).showAndWait();
        });
        Thread.ofVirtual().start(open);
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
