package com.syncdesk.ui.connection;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import com.syncdesk.persistence.AppDirectories;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.DialogSizing;
import com.syncdesk.ui.Fxml;
import com.syncdesk.ui.Settings;

/** File › Connect…: choose a SQLite file or a PostgreSQL server, test it, connect. */
public final class ConnectionDialog {

    public static final ButtonType CONNECT = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);

    @FXML
    private VBox root;
    @FXML
    private ToggleGroup kindGroup;
    @FXML
    private RadioButton sqliteChoice;
    @FXML
    private RadioButton postgresChoice;
    @FXML
    private GridPane sqlitePane;
    @FXML
    private TextField sqlitePath;
    @FXML
    private GridPane postgresPane;
    @FXML
    private TextField host;
    @FXML
    private TextField port;
    @FXML
    private TextField database;
    @FXML
    private TextField user;
    @FXML
    private PasswordField password;
    @FXML
    private ComboBox<String> sslMode;
    @FXML
    private Label urlPreview;
    @FXML
    private Button testButton;
    @FXML
    private ProgressIndicator testing;
    @FXML
    private Label testResult;

    private ConnectionViewModel model;
    private Dialog<ButtonType> dialog;

    /**
     * Shows the dialog (not modal-blocking), prefilled from a recent connection when one is given.
     * Connect hands the target to {@code open}.
     */
    public static ConnectionDialog show(AppContext context, Window owner, Settings.RecentConnection prefill, Consumer<ConnectionTarget> open) {
        ConnectionDialog controller = Fxml.load("/com/syncdesk/ui/connection/connection.fxml");
        ConnectionViewModel model = new ConnectionViewModel(context);
        model.prefill(prefill);
        controller.init(model, owner, open);
        controller.dialog.show();
        if (model.kindProperty().get() == ConnectionViewModel.Kind.POSTGRESQL && prefill != null) {
            controller.password.requestFocus();
        }
        return controller;
    }

    private void init(ConnectionViewModel model, Window owner, Consumer<ConnectionTarget> open) {
        this.model = model;
        sqliteChoice.setUserData(ConnectionViewModel.Kind.SQLITE);
        postgresChoice.setUserData(ConnectionViewModel.Kind.POSTGRESQL);
        kindGroup.selectToggle(model.kindProperty().get() == ConnectionViewModel.Kind.SQLITE ? sqliteChoice : postgresChoice);
        kindGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.kindProperty().set((ConnectionViewModel.Kind) now.getUserData());
                // The two forms differ in height: fit the window to the one shown.
                Platform.runLater(() -> dialog.getDialogPane().getScene().getWindow().sizeToScene());
            }
        });
        sqlitePane.visibleProperty().bind(model.kindProperty().isEqualTo(ConnectionViewModel.Kind.SQLITE));
        sqlitePane.managedProperty().bind(sqlitePane.visibleProperty());
        postgresPane.visibleProperty().bind(model.kindProperty().isEqualTo(ConnectionViewModel.Kind.POSTGRESQL));
        postgresPane.managedProperty().bind(postgresPane.visibleProperty());

        sqlitePath.textProperty().bindBidirectional(model.sqlitePathProperty());
        host.textProperty().bindBidirectional(model.hostProperty());
        port.textProperty().bindBidirectional(model.portProperty());
        database.textProperty().bindBidirectional(model.databaseProperty());
        user.textProperty().bindBidirectional(model.userProperty());
        password.textProperty().bindBidirectional(model.passwordProperty());
        sslMode.getItems().setAll(ConnectionViewModel.SSL_MODES);
        sslMode.valueProperty().bindBidirectional(model.sslModeProperty());
        urlPreview.textProperty().bind(Bindings.createStringBinding(() -> {
            try {
                return model.jdbcUrl();
            } catch (IllegalArgumentException incomplete) {
                return incomplete.getMessage();
            }
        }, model.hostProperty(), model.portProperty(), model.databaseProperty(), model.sslModeProperty()));

        testing.visibleProperty().bind(model.busyProperty());
        testButton.disableProperty().bind(model.busyProperty());
        testResult.textProperty().bind(model.messageProperty());
        testResult.setTooltip(new Tooltip());
        testResult.getTooltip().textProperty().bind(testResult.textProperty());
        // A long refusal ("PostgreSQL at … as … refused the user name or password.") grows the dialog instead of being cut.
        testResult.textProperty().addListener((obs, old, now) -> Platform.runLater(() -> {
            if (dialog.getDialogPane().getScene() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        }));
        model.outcomeProperty().addListener((obs, old, outcome) -> {
            testResult.getStyleClass().removeAll("success", "failure");
            if (outcome == ConnectionViewModel.TestOutcome.SUCCEEDED) {
                testResult.getStyleClass().add("success");
            } else if (outcome == ConnectionViewModel.TestOutcome.FAILED) {
                testResult.getStyleClass().add("failure");
            }
        });

        dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Connect to a database");
        dialog.setResizable(true);
        dialog.setHeaderText("Which SyncDesk database should the console open?");
        dialog.getDialogPane().setContent(root);
        dialog.getDialogPane().getButtonTypes().setAll(CONNECT, ButtonType.CANCEL);
        dialog.getDialogPane().setId("connection-dialog");
        DialogSizing.fitToScreen(dialog);
        Button connect = (Button) dialog.getDialogPane().lookupButton(CONNECT);
        connect.setId("connect-button");
        connect.disableProperty().bind(model.busyProperty());
        connect.addEventFilter(ActionEvent.ACTION, event -> {
            try {
                model.connect(open);
            } catch (IllegalArgumentException incomplete) {
                event.consume();
                testResult.textProperty().unbind();
                testResult.setText(incomplete.getMessage());
                testResult.textProperty().bind(model.messageProperty());
            }
        });
    }

    public ConnectionViewModel model() {
        return model;
    }

    public Dialog<ButtonType> dialog() {
        return dialog;
    }

    @FXML
    private void testConnection() {
        model.testConnection();
    }

    @FXML
    private void useDefault() {
        model.sqlitePathProperty().set(AppDirectories.defaultDatabase().toString());
    }

    @FXML
    private void chooseFile() {
        File chosen = fileChooser("Open a SyncDesk database").showOpenDialog(root.getScene().getWindow());
        if (chosen != null) {
            model.sqlitePathProperty().set(chosen.getAbsolutePath());
        }
    }

    /** Names a file that does not exist yet; Connect creates the database there. */
    @FXML
    private void newFile() {
        FileChooser chooser = fileChooser("Create a new SyncDesk database");
        chooser.setInitialFileName("syncdesk-new.db");
        File chosen = chooser.showSaveDialog(root.getScene().getWindow());
        if (chosen != null) {
            model.sqlitePathProperty().set(chosen.getAbsolutePath());
        }
    }

    private FileChooser fileChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("SQLite databases", "*.db", "*.sqlite", "*.sqlite3"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        String path = model.sqlitePathProperty().get();
        File folder = (path.isBlank() ? AppDirectories.defaultDatabase() : Path.of(path).toAbsolutePath()).getParent().toFile();
        if (folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        return chooser;
    }
}
