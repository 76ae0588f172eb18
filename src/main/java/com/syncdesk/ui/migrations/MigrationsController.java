package com.syncdesk.ui.migrations;

import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;

import com.syncdesk.migration.Backup;
import com.syncdesk.migration.MigrationEntry;
import com.syncdesk.migration.MigrationState;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.ErrorDialogs;

/** The migration panel: binds the view to {@link MigrationsViewModel} and asks the operator before anything changes. */
public final class MigrationsController {

    @FXML
    private ScrollPane root;
    @FXML
    private Label databaseLabel;
    @FXML
    private Label versionLabel;
    @FXML
    private Label versionDetail;
    @FXML
    private Label notice;
    @FXML
    private Button upgradeButton;
    @FXML
    private Button downgradeButton;
    @FXML
    private Button validateButton;
    @FXML
    private Button refreshButton;
    @FXML
    private Label validationLabel;
    @FXML
    private VBox progressCard;
    @FXML
    private Label stepLabel;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private ListView<String> logList;
    @FXML
    private TableView<MigrationEntry> migrationTable;
    @FXML
    private TableColumn<MigrationEntry, MigrationEntry> stateColumn;
    @FXML
    private TableColumn<MigrationEntry, Integer> versionColumn;
    @FXML
    private TableColumn<MigrationEntry, String> descriptionColumn;
    @FXML
    private TableColumn<MigrationEntry, String> installedOnColumn;
    @FXML
    private TableColumn<MigrationEntry, String> installedByColumn;
    @FXML
    private TableColumn<MigrationEntry, String> durationColumn;
    @FXML
    private TableColumn<MigrationEntry, String> checksumColumn;
    @FXML
    private TableColumn<MigrationEntry, MigrationEntry> actionColumn;
    @FXML
    private Label detailLabel;
    @FXML
    private Label backupFolderLabel;
    @FXML
    private Button restoreButton;
    @FXML
    private Button openFolderButton;
    @FXML
    private Button backupButton;
    @FXML
    private TableView<Backup> backupTable;
    @FXML
    private TableColumn<Backup, String> takenColumn;
    @FXML
    private TableColumn<Backup, Integer> backupVersionColumn;
    @FXML
    private TableColumn<Backup, String> sizeColumn;
    @FXML
    private TableColumn<Backup, String> locationColumn;

    private AppContext context;
    private MigrationsViewModel model;

    void init(AppContext context, MigrationsViewModel model) {
        this.context = context;
        this.model = model;
        databaseLabel.textProperty().bind(context.connectionLabelProperty());
        versionLabel.textProperty().bind(model.versionTextProperty());
        versionDetail.textProperty().bind(model.versionDetailProperty());
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        validationLabel.textProperty().bind(model.validationProperty());
        progressCard.visibleProperty().bind(model.progressShownProperty());
        progressCard.managedProperty().bind(model.progressShownProperty());
        stepLabel.textProperty().bind(model.stepTextProperty());
        progressBar.progressProperty().bind(model.progressProperty());
        logList.setItems(model.log());
        logList.setFixedCellSize(24);
        model.log().addListener((ListChangeListener<String>) change -> logList.scrollTo(model.log().size() - 1));
        backupFolderLabel.textProperty().bind(Bindings.when(model.backupFolderProperty().isEmpty()).then("")
                .otherwise(Bindings.concat("in ", model.backupFolderProperty())));

        setUpMigrationTable();
        setUpBackupTable();

        var connected = context.databaseProperty().isNotNull();
        var idle = model.runningProperty().not();
        upgradeButton.disableProperty().bind(Bindings.createBooleanBinding(() -> model.isRunning() || !model.canUpgrade(),
                model.runningProperty(), model.statusProperty()));
        downgradeButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.isRunning() || !model.isDowngradeTarget(migrationTable.getSelectionModel().getSelectedItem()),
                model.runningProperty(), model.statusProperty(), migrationTable.getSelectionModel().selectedItemProperty()));
        validateButton.disableProperty().bind(connected.not());
        // A read during a run would only wait for the running step's lock; the run reads the schema when it ends.
        refreshButton.disableProperty().bind(idle.not().or(connected.not()));
        restoreButton.disableProperty().bind(idle.not().or(backupTable.getSelectionModel().selectedItemProperty().isNull()));
        openFolderButton.disableProperty().bind(model.backupFolderProperty().isEmpty());
        backupButton.disableProperty().bind(idle.not().or(connected.not()));

        context.addCloseGuard(this::mayClose);
    }

    private void setUpMigrationTable() {
        migrationTable.setItems(model.migrations());
        // Every migration stays in view: the list is short, and the page scrolls instead when the window is small.
        migrationTable.setFixedCellSize(30);
        migrationTable.prefHeightProperty().bind(Bindings.size(migrationTable.getItems()).multiply(30).add(46));
        migrationTable.minHeightProperty().bind(migrationTable.prefHeightProperty());
        migrationTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        stateColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        stateColumn.setCellFactory(column -> new StateCell());
        versionColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().version()));
        descriptionColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().description()));
        installedOnColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(MigrationTexts.time(cell.getValue().installedOn())));
        installedByColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().installedBy()));
        durationColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(MigrationTexts.millis(cell.getValue().executionTimeMs())));
        checksumColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
                cell.getValue().checksum() == null ? "" : cell.getValue().checksum().toString()));
        actionColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        actionColumn.setCellFactory(column -> new DowngradeCell());
        // Which rows offer a downgrade depends on the current version and on whether a run is going on.
        model.statusProperty().addListener((obs, old, now) -> migrationTable.refresh());
        model.runningProperty().addListener((obs, old, now) -> migrationTable.refresh());

        detailLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            MigrationEntry selected = migrationTable.getSelectionModel().getSelectedItem();
            if (selected != null) {
                return "Version " + selected.version() + " · " + selected.description() + " — " + selected.state().label() + ": "
                        + selected.state().hint();
            }
            return model.legacyNoteProperty().get().isEmpty() ? "Select a version to see what its state means."
                    : model.legacyNoteProperty().get();
        }, migrationTable.getSelectionModel().selectedItemProperty(), model.legacyNoteProperty()));
    }

    private void setUpBackupTable() {
        backupTable.setItems(model.backups());
        backupTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        takenColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(MigrationTexts.time(cell.getValue().takenAt())));
        backupVersionColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().version()));
        sizeColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(MigrationTexts.size(cell.getValue().sizeBytes())));
        locationColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().location().toString()));
    }

    /** A state as Flyway names it, with an icon and colour; the hint says what it means and what to do. */
    private static final class StateCell extends TableCell<MigrationEntry, MigrationEntry> {
        @Override
        protected void updateItem(MigrationEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            getStyleClass().removeIf(style -> style.startsWith("state-"));
            if (empty || entry == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            MigrationState state = entry.state();
            setText(state.label());
            FontIcon icon = new FontIcon(iconOf(state));
            icon.getStyleClass().add("state-icon");
            setGraphic(icon);
            getStyleClass().addAll("migration-state", "state-" + state.name().toLowerCase().replace('_', '-'));
            Tooltip hint = new Tooltip(state.hint());
            hint.setWrapText(true);
            hint.setMaxWidth(420);
            setTooltip(hint);
        }

        private static String iconOf(MigrationState state) {
            return switch (state) {
                case APPLIED -> "fth-check-circle";
                case PENDING -> "fth-clock";
                case UNDONE -> "fth-rotate-ccw";
                case MISSING_TOLERATED -> "fth-archive";
                case BASELINE -> "fth-flag";
                case BELOW_BASELINE -> "fth-layers";
                case FUTURE -> "fth-fast-forward";
                case FAILED -> "fth-x-circle";
            };
        }
    }

    /** "Downgrade to this version" on every row that is a possible target. */
    private final class DowngradeCell extends TableCell<MigrationEntry, MigrationEntry> {
        private final Button button = new Button("Downgrade to this version", new FontIcon("fth-arrow-down-circle"));

        DowngradeCell() {
            button.getStyleClass().addAll("small", "flat");
            button.setOnAction(event -> downgradeTo(getItem().version()));
        }

        @Override
        protected void updateItem(MigrationEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null || !model.isDowngradeTarget(entry)) {
                setGraphic(null);
                return;
            }
            button.setId("downgrade-to-" + entry.version());
            button.setDisable(model.isRunning());
            setGraphic(button);
        }
    }

    @FXML
    private void upgrade() {
        model.plan(null, plan -> ConfirmMigrationController.show(window(),
                        new ConfirmMigrationViewModel(plan, model.vendor(), Path.of(model.backupFolderProperty().get())),
                        () -> model.upgrade(runFailure("The upgrade"))),
                failure -> showFailure("Cannot prepare the upgrade", failure));
    }

    @FXML
    private void downgradeToSelected() {
        downgradeTo(migrationTable.getSelectionModel().getSelectedItem().version());
    }

    private void downgradeTo(int version) {
        model.plan(version, plan -> {
            ConfirmMigrationViewModel confirmation = new ConfirmMigrationViewModel(plan, model.vendor(), Path.of(model.backupFolderProperty().get()));
            ConfirmMigrationController.show(window(), confirmation,
                    () -> model.downgrade(version, confirmation.backupChoice(), runFailure("The downgrade")));
        }, failure -> showFailure("Cannot prepare the downgrade", failure));
    }

    @FXML
    private void validate() {
        model.validate(failure -> showFailure("Cannot validate the schema history", failure));
    }

    @FXML
    private void refresh() {
        model.reload();
    }

    @FXML
    private void restore() {
        Backup backup = backupTable.getSelectionModel().getSelectedItem();
        String how = model.vendor() == Vendor.SQLITE
                ? "SyncDesk first keeps the current database file as another backup, then puts this backup in its place and reconnects."
                : "SyncDesk upgrades the schema to version " + backup.version() + " if needed, then writes the saved values back by row id.";
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.OK_DONE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, how + " Changes made since " + MigrationTexts.time(backup.takenAt())
                + " are replaced.\n\n" + backup.location(), restore, ButtonType.CANCEL);
        ask.initOwner(window());
        ask.setTitle("SyncDesk");
        ask.setHeaderText("Restore the backup of " + MigrationTexts.time(backup.takenAt()) + " (schema version " + backup.version() + ")?");
        ask.getDialogPane().setId("restore-confirm");
        ((Button) ask.getDialogPane().lookupButton(restore)).setId("confirm-restore");
        ask.setOnHidden(event -> {
            if (ask.getResult() == restore) {
                model.restore(backup, runFailure("The restore"));
            }
        });
        ask.show();
    }

    @FXML
    private void openFolder() {
        String folder = model.backupFolderProperty().get();
        ClipboardContent content = new ClipboardContent();
        content.putString(folder);
        Clipboard.getSystemClipboard().setContent(content);
        Alert told = new Alert(Alert.AlertType.INFORMATION, "The path of the backup folder is on the clipboard; paste it into your file manager:\n\n"
                + folder);
        told.initOwner(window());
        told.setTitle("SyncDesk");
        told.setHeaderText("Backup folder copied");
        told.show();
    }

    @FXML
    private void backupNow() {
        model.backupNow(failure -> showFailure("The backup did not complete", failure));
    }

    /** The failure of a run names the step it stopped at; the message says why and at which version the database is. */
    private Consumer<Throwable> runFailure(String run) {
        return failure -> showFailure(model.lastStartedStep() == null ? run + " did not complete"
                : run + " stopped at \u201c" + model.lastStartedStep() + "\u201d", failure);
    }

    /** Refusals say what SyncDesk would not do and why; real failures also carry the technical details, folded away. */
    private void showFailure(String title, Throwable failure) {
        if (isRefusal(failure)) {
            Alert alert = new Alert(Alert.AlertType.WARNING, ErrorDialogs.operatorMessage(failure));
            alert.initOwner(window());
            alert.setTitle("SyncDesk");
            alert.setHeaderText(title + ": nothing was changed");
            alert.getDialogPane().setId("refusal-dialog");
            alert.getDialogPane().setPrefWidth(560);
            alert.show();
            return;
        }
        ErrorDialogs.show(window(), title, failure);
    }

    private static boolean isRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DatabaseException refused && refused.reason().isRefusal() || t instanceof IllegalArgumentException) {
                return true;
            }
        }
        return false;
    }

    /** Closing during a run asks first; the run then stops after its current step, which is never cut in half. */
    private boolean mayClose() {
        if (!model.isRunning()) {
            return true;
        }
        ButtonType stop = new ButtonType("Stop after this step and close", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep running", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "A schema change is running (" + model.stepTextProperty().get() + "). "
                + "SyncDesk lets the current step finish, starts no further step, and then closes. The database stays at the version of the "
                + "last finished step.", stop, keep);
        ask.initOwner(window());
        ask.setTitle("SyncDesk");
        ask.setHeaderText("Close while the schema is changing?");
        ask.getDialogPane().setId("close-during-migration");
        if (ask.showAndWait().orElse(keep) == stop) {
            model.stopAfterCurrentStep(Platform::exit);
        }
        return false;
    }

    private Window window() {
        return root.getScene() == null ? context.windowProperty().get() : root.getScene().getWindow();
    }

    ScrollPane root() {
        return root;
    }
}
