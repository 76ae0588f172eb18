package com.syncdesk.ui.migrations;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
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

import com.syncdesk.app.Texts;
import com.syncdesk.migration.Backup;
import com.syncdesk.migration.MigrationEntry;
import com.syncdesk.migration.MigrationState;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.Cells;
import com.syncdesk.ui.Fxml;
import com.syncdesk.ui.Page;

/** The migration panel: binds the view to {@link MigrationsViewModel}, which asks the operator before anything changes. */
public final class MigrationsController implements Page {

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
    private Button adoptButton;
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
    private TableColumn<Backup, String> reasonColumn;
    @FXML
    private TableColumn<Backup, Integer> backupVersionColumn;
    @FXML
    private TableColumn<Backup, String> sizeColumn;
    @FXML
    private TableColumn<Backup, String> locationColumn;

    private AppContext context;
    private MigrationsViewModel model;

    public static MigrationsController create(AppContext context) {
        MigrationsController controller = Fxml.load("/com/syncdesk/ui/migrations/migrations.fxml");
        controller.init(context, new MigrationsViewModel(context));
        return controller;
    }

    private void init(AppContext context, MigrationsViewModel model) {
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
        logList.setCellFactory(list -> new LogCell());
        // The log follows its end: once the new line is laid out, and whenever the list is resized (it opens with the first step).
        model.log().addListener((ListChangeListener<String>) change -> Platform.runLater(this::followLog));
        logList.heightProperty().addListener((obs, old, now) -> followLog());
        logList.widthProperty().addListener((obs, old, now) -> followLog());
        backupFolderLabel.textProperty().bind(Bindings.when(model.backupFolderProperty().isEmpty()).then("")
                .otherwise(Bindings.concat("in ", model.backupFolderProperty())));
        backupFolderLabel.setTooltip(new Tooltip());
        backupFolderLabel.getTooltip().textProperty().bind(backupFolderLabel.textProperty());

        setUpMigrationTable();
        setUpBackupTable();

        var connected = context.databaseProperty().isNotNull();
        var idle = model.runningProperty().not();
        upgradeButton.disableProperty().bind(Bindings.createBooleanBinding(() -> model.isRunning() || !model.canUpgrade(),
                model.runningProperty(), model.statusProperty(), model.changeRefusalProperty(), model.adoptableProperty()));
        adoptButton.visibleProperty().bind(model.adoptableProperty().isNotEmpty());
        adoptButton.managedProperty().bind(adoptButton.visibleProperty());
        adoptButton.disableProperty().bind(Bindings.createBooleanBinding(() -> model.isRunning() || !model.canAdopt(),
                model.runningProperty(), model.adoptableProperty(), model.changeRefusalProperty()));
        downgradeButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.isRunning() || !model.isDowngradeTarget(migrationTable.getSelectionModel().getSelectedItem()),
                model.runningProperty(), model.statusProperty(), migrationTable.getSelectionModel().selectedItemProperty(),
                model.changeRefusalProperty()));
        validateButton.disableProperty().bind(connected.not());
        // A read during a run would only wait for the running step's lock; the run reads the schema when it ends.
        refreshButton.disableProperty().bind(idle.not().or(connected.not()));
        restoreButton.disableProperty().bind(idle.not().or(backupTable.getSelectionModel().selectedItemProperty().isNull())
                .or(model.restoreRefusalProperty().isNotEmpty()));
        openFolderButton.disableProperty().bind(model.backupFolderProperty().isEmpty());
        backupButton.disableProperty().bind(idle.not().or(connected.not()).or(model.backupRefusalProperty().isNotEmpty()));

        context.addCloseGuard(() -> model.mayClose(Platform::exit));
    }

    private void setUpMigrationTable() {
        migrationTable.setItems(model.migrations());
        // Every migration stays in view: the list is short, and the page scrolls instead when the window is small.
        migrationTable.setFixedCellSize(30);
        migrationTable.prefHeightProperty().bind(Bindings.size(migrationTable.getItems()).multiply(30).add(46));
        migrationTable.minHeightProperty().bind(migrationTable.prefHeightProperty());
        // Columns keep their widths and the table scrolls sideways in a narrow window, rather than cutting every value.
        migrationTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        stateColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        stateColumn.setCellFactory(column -> new StateCell());
        versionColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().version()));
        descriptionColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().description()));
        installedOnColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(context.texts().timestamp(cell.getValue().installedOn())));
        installedByColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().installedBy()));
        durationColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(Texts.millis(cell.getValue().executionTimeMs())));
        checksumColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
                cell.getValue().checksum() == null ? "" : cell.getValue().checksum().toString()));
        List.of(descriptionColumn, installedOnColumn, installedByColumn, durationColumn, checksumColumn).forEach(Cells::withTooltips);
        Cells.timestamps(installedOnColumn, context.texts());
        actionColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        actionColumn.setCellFactory(column -> new DowngradeCell());
        // Which rows offer a downgrade depends on the current version, on whether a run is going on and on the role's privileges.
        model.statusProperty().addListener((obs, old, now) -> migrationTable.refresh());
        model.runningProperty().addListener((obs, old, now) -> migrationTable.refresh());
        model.changeRefusalProperty().addListener((obs, old, now) -> migrationTable.refresh());

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
        takenColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(context.texts().timestamp(cell.getValue().takenAt())));
        backupVersionColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().version()));
        sizeColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(Texts.size(cell.getValue().sizeBytes())));
        locationColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().location().toString()));
        reasonColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().reason().isEmpty() ? "—" : cell.getValue().reason()));
        List.of(takenColumn, sizeColumn, reasonColumn, locationColumn).forEach(Cells::withTooltips);
        Cells.timestamps(takenColumn, context.texts());
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

    private void followLog() {
        if (!logList.getItems().isEmpty()) {
            logList.layout();
            logList.scrollTo(logList.getItems().size() - 1);
        }
    }

    /** A log line wrapped to the list's width: a long path or message is read whole, not cut. */
    private static final class LogCell extends ListCell<String> {
        LogCell() {
            setWrapText(true);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            setText(empty ? null : line);
        }
    }

    /** "Downgrade to N" on every row that is a possible target. */
    private final class DowngradeCell extends TableCell<MigrationEntry, MigrationEntry> {
        private final Button button = new Button("", new FontIcon("fth-arrow-down-circle"));

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
            button.setText("Downgrade to " + entry.version());
            button.setDisable(model.isRunning());
            setGraphic(button);
        }
    }

    @FXML
    private void upgrade() {
        model.plan(null, plan -> ConfirmMigrationController.show(window(), context.dialogs(),
                        new ConfirmMigrationViewModel(plan, model.vendor(), Path.of(model.backupFolderProperty().get()), context.texts()),
                        () -> model.upgrade(runFailure("The upgrade"))),
                failure -> showFailure("Cannot prepare the upgrade", failure));
    }

    @FXML
    private void adopt() {
        model.adopt(runFailure("Adopting"));
    }

    @FXML
    private void downgradeToSelected() {
        downgradeTo(migrationTable.getSelectionModel().getSelectedItem().version());
    }

    private void downgradeTo(int version) {
        model.plan(version, plan -> {
            ConfirmMigrationViewModel confirmation = new ConfirmMigrationViewModel(plan, model.vendor(), Path.of(model.backupFolderProperty().get()), context.texts());
            ConfirmMigrationController.show(window(), context.dialogs(), confirmation,
                    () -> model.downgrade(version, confirmation.backupChoice(), runFailure("The downgrade")));
        }, failure -> showFailure("Cannot prepare the downgrade", failure));
    }

    @FXML
    private void validate() {
        model.validate(failure -> showFailure("Cannot validate the schema history", failure));
    }

    @FXML
    private void restore() {
        model.restore(backupTable.getSelectionModel().getSelectedItem(), runFailure("The restore"));
    }

    @FXML
    private void openFolder() {
        model.copyBackupFolder(folder -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(folder);
            Clipboard.getSystemClipboard().setContent(content);
        });
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

    private void showFailure(String title, Throwable failure) {
        context.dialogs().failure(title, failure);
    }

    private Window window() {
        return root.getScene() == null ? context.windowProperty().get() : root.getScene().getWindow();
    }

    public MigrationsViewModel model() {
        return model;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    @FXML
    public void refresh() {
        model.reload();
    }
}
