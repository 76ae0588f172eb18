package com.syncdesk.ui.syncstates;

import java.io.File;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

import org.controlsfx.control.CheckComboBox;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.Json;
import com.syncdesk.persistence.StoredInstant;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.StoredConflicts;
import com.syncdesk.syncstate.SyncDirection;
import com.syncdesk.syncstate.SyncStateColumn;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.syncstate.SyncStateRow;
import com.syncdesk.syncstate.SyncStateSort;
import com.syncdesk.syncstate.SyncStatus;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.ErrorDialogs;
import com.syncdesk.ui.Fxml;
import com.syncdesk.ui.StatusBadge;
import com.syncdesk.ui.shell.Page;

/** The Sync States page: filter bar, a table paged and sorted in the database, a detail pane and the operator actions. */
public final class SyncStatesController implements Page {

    /** Typing pauses this long before the search runs, so each keystroke does not query the database. */
    private static final Duration TYPING_PAUSE = Duration.ofMillis(350);

    /** What the actions apply to. */
    public enum Scope { SELECTED, MATCHING }

    @FXML
    private BorderPane root;
    @FXML
    private Label totalLabel;
    @FXML
    private TextField searchField;
    @FXML
    private CheckComboBox<SyncStatus> statusFilter;
    @FXML
    private ComboBox<EntityType> typeFilter;
    @FXML
    private ComboBox<SyncDirection> directionFilter;
    @FXML
    private TextField batchField;
    @FXML
    private CheckBox conflictsOnly;
    @FXML
    private TableView<SyncStateRow> table;
    @FXML
    private Label placeholder;
    @FXML
    private Label detailTitle;
    @FXML
    private GridPane detailFields;
    @FXML
    private Label conflictsTitle;
    @FXML
    private TextArea conflictsText;
    @FXML
    private ChoiceBox<Scope> scopeChoice;
    @FXML
    private Button retryButton;
    @FXML
    private Button skipButton;
    @FXML
    private Button resetButton;
    @FXML
    private Button resolveButton;
    @FXML
    private Button exportButton;
    @FXML
    private javafx.scene.layout.HBox exportBox;
    @FXML
    private javafx.scene.control.ProgressBar exportProgress;
    @FXML
    private Button firstButton;
    @FXML
    private Button previousButton;
    @FXML
    private Label pageLabel;
    @FXML
    private Button nextButton;
    @FXML
    private Button lastButton;

    private AppContext context;
    private SyncStatesViewModel model;
    private final Map<SyncStateColumn, TableColumn<SyncStateRow, ?>> columns = new EnumMap<>(SyncStateColumn.class);
    private final PauseTransition typing = new PauseTransition(javafx.util.Duration.millis(TYPING_PAUSE.toMillis()));
    private boolean searchQueued;
    private javafx.concurrent.Task<Long> exporting;
    private Function<Window, File> exportFileChooser = SyncStatesController::chooseExportFile;

    public static SyncStatesController create(AppContext context) {
        SyncStatesController controller = Fxml.load("/com/syncdesk/ui/syncstates/sync-states.fxml");
        controller.init(context, new SyncStatesViewModel(context));
        return controller;
    }

    private void init(AppContext context, SyncStatesViewModel model) {
        this.context = context;
        this.model = model;
        // Lets tests reach the page's controller from its view.
        root.setUserData(this);
        model.setOnFailure(failure -> ErrorDialogs.show(window(), "The sync states could not be loaded or changed", failure));
        buildFilterBar();
        buildTable();
        buildActions();
        totalLabel.textProperty().bind(Bindings.createStringBinding(() -> model.connectedProperty().get()
                ? String.format(Locale.ROOT, "%,d matching", model.totalProperty().get()) : "not connected", model.totalProperty(),
                model.connectedProperty()));
        placeholder.textProperty().bind(Bindings.when(model.connectedProperty()).then("No sync states match the filter.")
                .otherwise("No database at the latest schema is open."));
        pageLabel.textProperty().bind(model.pageTextProperty());
        firstButton.disableProperty().bind(model.hasPreviousProperty().not());
        previousButton.disableProperty().bind(model.hasPreviousProperty().not());
        nextButton.disableProperty().bind(model.hasNextProperty().not());
        lastButton.disableProperty().bind(model.hasNextProperty().not());
        showDetail(null);
    }

    public SyncStatesViewModel model() {
        return model;
    }

    /** Tests replace the file chooser, which a headless run cannot show. */
    public void setExportFileChooser(Function<Window, File> chooser) {
        this.exportFileChooser = chooser;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void show(Object argument) {
        if (argument instanceof SyncStateFilter filter) {
            model.setFilter(filter);
            typing.stop();
            model.search();
        } else {
            refresh();
        }
    }

    @Override
    public void refresh() {
        model.refresh();
    }

    @Override
    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    private Window window() {
        return root.getScene() == null ? context.windowProperty().get() : root.getScene().getWindow();
    }

    // ---- filter bar ----

    private void buildFilterBar() {
        searchField.textProperty().bindBidirectional(model.textProperty());
        batchField.textProperty().bindBidirectional(model.batchProperty());
        conflictsOnly.selectedProperty().bindBidirectional(model.onlyOpenConflictsProperty());

        statusFilter.getItems().setAll(SyncStatus.values());
        statusFilter.setConverter(converter(s -> s.wire().replace('_', ' '), "Any status"));
        statusFilter.getCheckModel().getCheckedItems().addListener((ListChangeListener<SyncStatus>) change -> {
            List<SyncStatus> checked = List.copyOf(statusFilter.getCheckModel().getCheckedItems());
            if (!checked.equals(model.statuses())) {
                model.statuses().setAll(checked);
            }
        });
        model.statuses().addListener((ListChangeListener<SyncStatus>) change -> {
            for (SyncStatus status : SyncStatus.values()) {
                boolean wanted = model.statuses().contains(status);
                if (wanted != statusFilter.getCheckModel().isChecked(status)) {
                    if (wanted) {
                        statusFilter.getCheckModel().check(status);
                    } else {
                        statusFilter.getCheckModel().clearCheck(status);
                    }
                }
            }
            queueSearch();
        });

        typeFilter.getItems().setAll(EntityType.values());
        typeFilter.getItems().addFirst(null);
        typeFilter.setConverter(converter(EntityType::wire, "Any type"));
        typeFilter.setButtonCell(nullableCell("Any type", EntityType::wire));
        typeFilter.setCellFactory(list -> nullableCell("Any type", EntityType::wire));
        typeFilter.valueProperty().bindBidirectional(model.typeProperty());

        directionFilter.getItems().setAll(SyncDirection.values());
        directionFilter.getItems().addFirst(null);
        Function<SyncDirection, String> directionText = d -> d.wire().replace('_', ' ');
        directionFilter.setConverter(converter(directionText, "Any direction"));
        directionFilter.setButtonCell(nullableCell("Any direction", directionText));
        directionFilter.setCellFactory(list -> nullableCell("Any direction", directionText));
        directionFilter.valueProperty().bindBidirectional(model.directionProperty());

        model.typeProperty().addListener((obs, old, now) -> queueSearch());
        model.directionProperty().addListener((obs, old, now) -> queueSearch());
        model.onlyOpenConflictsProperty().addListener((obs, old, now) -> queueSearch());
        typing.setOnFinished(e -> model.search());
        model.textProperty().addListener((obs, old, now) -> typing.playFromStart());
        model.batchProperty().addListener((obs, old, now) -> typing.playFromStart());
        searchField.setOnAction(e -> {
            typing.stop();
            model.search();
        });
        batchField.setOnAction(searchField.getOnAction());
    }

    /** Several filter values may change at once (a drill-down, "Clear"): one search for all of them. */
    private void queueSearch() {
        if (!searchQueued) {
            searchQueued = true;
            Platform.runLater(() -> {
                searchQueued = false;
                model.search();
            });
        }
    }

    @FXML
    private void clearFilter() {
        model.setFilter(SyncStateFilter.all());
        typing.stop();
        queueSearch();
    }

    private static <T> StringConverter<T> converter(Function<T, String> text, String none) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? none : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }

    private static <T> ListCell<T> nullableCell(String none, Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? none : text.apply(item));
            }
        };
    }

    // ---- table ----

    private void buildTable() {
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setItems(model.rows());
        column("ID", SyncStateColumn.ID, 70, r -> r.id(), Object::toString);
        column("Type", SyncStateColumn.ENTITY_TYPE, 80, SyncStateRow::entityType, EnumValue::wire);
        column("Entity", SyncStateColumn.ENTITY_ID, 120, SyncStateRow::entityId, s -> s);
        column("JIRA id", SyncStateColumn.JIRA_ID, 100, SyncStateRow::jiraId, s -> s);
        TableColumn<SyncStateRow, SyncStateRow> status = new TableColumn<>("Status");
        status.setPrefWidth(170);
        status.setMinWidth(130);
        status.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        status.setCellFactory(c -> new TableCell<>() {
            private final Label badge = new Label();

            @Override
            protected void updateItem(SyncStateRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                } else {
                    StatusBadge.update(badge, row.status(), row.errorCount());
                    setGraphic(badge);
                }
            }
        });
        register(SyncStateColumn.STATUS, status);
        column("Errors", SyncStateColumn.ERROR_COUNT, 65, SyncStateRow::errorCount, Object::toString);
        column("Last error", SyncStateColumn.LAST_ERROR, 240, SyncStateRow::lastError, s -> s);
        column("Last attempt", SyncStateColumn.LAST_ATTEMPT, 175, SyncStateRow::lastSyncAttempt, SyncStatesController::time);
        column("Direction", SyncStateColumn.DIRECTION, 120, SyncStateRow::direction, d -> d.wire().replace('_', ' '));
        column("Batch", SyncStateColumn.BATCH, 110, SyncStateRow::batchId, s -> s);
        column("Duration", SyncStateColumn.DURATION, 80, SyncStateRow::durationMs, ms -> String.format(Locale.ROOT, "%,d ms", ms));
        column("API calls", SyncStateColumn.API_CALLS, 70, SyncStateRow::apiCalls, Object::toString);
        TableColumn<SyncStateRow, Integer> conflicts = new TableColumn<>("Conflicts");
        conflicts.setPrefWidth(70);
        conflicts.setSortable(false);
        conflicts.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().openConflicts()));
        table.getColumns().add(conflicts);

        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(SyncStateRow row, boolean empty) {
                super.updateItem(row, empty);
                setTooltip(empty || row == null || row.lastError() == null ? null : new Tooltip("Last error: " + row.lastError()));
            }
        });
        // Sorting happens in the database: the table only says which column and direction it wants.
        table.setSortPolicy(t -> {
            if (t.getSortOrder().isEmpty()) {
                model.sortBy(SyncStateSort.DEFAULT);
            } else {
                TableColumn<SyncStateRow, ?> by = t.getSortOrder().getFirst();
                columns.entrySet().stream().filter(e -> e.getValue() == by).findFirst().ifPresent(e ->
                        model.sortBy(SyncStateSort.by(e.getKey(), by.getSortType() == TableColumn.SortType.ASCENDING)));
            }
            return true;
        });
        TableColumn<SyncStateRow, ?> defaultColumn = columns.get(SyncStateSort.DEFAULT.column());
        defaultColumn.setSortType(SyncStateSort.DEFAULT.ascending() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
        table.getSortOrder().setAll(List.of(defaultColumn));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> showDetail(row));
    }

    private <T> void column(String title, SyncStateColumn sortColumn, double width, Function<SyncStateRow, T> value,
                            Function<T, String> text) {
        TableColumn<SyncStateRow, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        register(sortColumn, column);
    }

    private void register(SyncStateColumn sortColumn, TableColumn<SyncStateRow, ?> column) {
        column.setId("column-" + sortColumn.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        columns.put(sortColumn, column);
        table.getColumns().add(column);
    }

    /** A timestamp in UTC to the second, or the stored text when it could not be read. */
    static String time(StoredInstant stored) {
        if (stored == null) {
            return null;
        }
        return stored.isReadable() ? stored.instant().truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ').replace("Z", " UTC")
                : stored.raw() + " (as stored; unreadable)";
    }

    // ---- detail pane ----

    private void showDetail(SyncStateRow row) {
        detailFields.getChildren().clear();
        boolean shown = row != null;
        conflictsTitle.setVisible(shown);
        conflictsText.setVisible(shown);
        if (!shown) {
            detailTitle.setText("Select a sync state to see every field.");
            conflictsText.clear();
            return;
        }
        detailTitle.setText(row.entityType().wire() + " " + row.entityId());
        int line = 0;
        line = field(line, "Id", String.valueOf(row.id()));
        line = field(line, "Entity type", enumText(row.entityType()));
        line = field(line, "Entity id", row.entityId());
        line = field(line, "JIRA id", row.jiraId());
        Label badge = StatusBadge.of(row.status(), row.errorCount());
        detailFields.addRow(line++, caption("Status"), badge);
        line = field(line, "Error count", String.valueOf(row.errorCount()));
        line = field(line, "Last error", row.lastError());
        line = field(line, "Last attempt", time(row.lastSyncAttempt()));
        line = field(line, "Last success", time(row.lastSuccessfulSync()));
        line = field(line, "Direction", enumText(row.direction()));
        line = field(line, "Batch", row.batchId());
        line = field(line, "Content hash", row.contentHash());
        line = field(line, "Local change", time(row.localModified()));
        line = field(line, "JIRA change", time(row.remoteModified()));
        line = field(line, "Resolution", row.resolutionStrategy() == null ? null : enumText(row.resolutionStrategy()));
        line = field(line, "Duration", row.durationMs() == null ? null : String.format(Locale.ROOT, "%,d ms", row.durationMs()));
        line = field(line, "API calls", String.valueOf(row.apiCalls()));
        line = field(line, "Open conflicts", String.valueOf(row.openConflicts()));
        line = field(line, "Row version", String.valueOf(row.rowVersion()));
        line = field(line, "Created", time(row.createdAt()));
        field(line, "Updated", time(row.updatedAt()));
        conflictsText.setText(prettyConflicts(row.conflictsJson()));
    }

    private int field(int line, String name, String value) {
        Label text = new Label(value == null ? "—" : value);
        text.setWrapText(true);
        text.getStyleClass().add("detail-value");
        detailFields.addRow(line, caption(name), text);
        return line + 1;
    }

    private static Label caption(String name) {
        Label label = new Label(name);
        label.getStyleClass().add("figure-label");
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private static String enumText(EnumValue<?> value) {
        return value.isKnown() ? value.wire() : value.wire() + " (not a value this SyncDesk knows; shown as stored)";
    }

    /** Pretty-printed when it is JSON; otherwise the stored text as it is, with what is wrong with it. */
    static String prettyConflicts(String raw) {
        if (raw == null || raw.isBlank()) {
            return "No conflicts recorded.";
        }
        StoredConflicts parsed = StoredConflicts.parse(raw);
        try {
            JsonNode tree = Json.read(raw);
            String pretty = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
            return parsed.problem().map(p -> "Note: " + p + "\n\n" + pretty).orElse(pretty);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "Stored text is " + parsed.problem().orElse("not valid JSON") + ":\n\n" + raw;
        }
    }

    // ---- actions ----

    private void buildActions() {
        scopeChoice.getItems().setAll(Scope.values());
        scopeChoice.setValue(Scope.SELECTED);
        scopeChoice.setConverter(converter(scope -> scope == Scope.SELECTED ? "Selected rows" : "All matching the filter", ""));
        scopeChoice.setTooltip(new Tooltip("What Retry, Skip and Reset errors apply to"));
        var nothingSelected = Bindings.isEmpty(table.getSelectionModel().getSelectedItems());
        var noTarget = Bindings.createBooleanBinding(() -> !model.connectedProperty().get()
                        || (scopeChoice.getValue() == Scope.SELECTED ? table.getSelectionModel().getSelectedItems().isEmpty()
                        : model.totalProperty().get() == 0),
                scopeChoice.valueProperty(), table.getSelectionModel().getSelectedItems(), model.totalProperty(), model.connectedProperty());
        retryButton.disableProperty().bind(noTarget);
        skipButton.disableProperty().bind(noTarget);
        resetButton.disableProperty().bind(noTarget);
        resolveButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            SyncStateRow row = table.getSelectionModel().getSelectedItem();
            return row == null || row.openConflicts() == 0;
        }, table.getSelectionModel().selectedItemProperty()).or(nothingSelected));
        exportButton.disableProperty().bind(model.connectedProperty().not().or(model.totalProperty().isEqualTo(0)));
        exportButton.setTooltip(new Tooltip("Export every sync state matching the filter to a CSV file"));
    }

    @FXML
    private void retry() {
        act(SyncStatesViewModel.Action.RETRY);
    }

    @FXML
    private void skip() {
        act(SyncStatesViewModel.Action.SKIP);
    }

    @FXML
    private void resetErrors() {
        act(SyncStatesViewModel.Action.RESET_ERRORS);
    }

    private void act(SyncStatesViewModel.Action action) {
        if (scopeChoice.getValue() == Scope.SELECTED) {
            List<Long> ids = table.getSelectionModel().getSelectedItems().stream().map(SyncStateRow::id).toList();
            confirm(action, ids.size(), "the " + (ids.size() == 1 ? "selected sync state" : ids.size() + " selected sync states"), ids);
        } else {
            // Counted afresh: the table's total may be older than the database.
            model.countMatching(n -> confirm(action, n, "every sync state matching the filter (" + String.format(Locale.ROOT, "%,d", n) + ")", null));
        }
    }

    private void confirm(SyncStatesViewModel.Action action, long count, String what, List<Long> ids) {
        if (count == 0) {
            return;
        }
        ButtonType go = new ButtonType(action.label() + " " + String.format(Locale.ROOT, "%,d", count), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", go, ButtonType.CANCEL);
        alert.initOwner(window());
        alert.setTitle("SyncDesk");
        alert.setHeaderText(action.label() + " " + what + "?");
        alert.setContentText("They will be " + action.effect() + ". The action is recorded in the audit log under your name ("
                + context.operator() + ").");
        alert.getDialogPane().setId("confirm-action");
        alert.resultProperty().addListener((obs, old, answer) -> {
            if (answer == go) {
                model.act(action, ids, result -> { });
            }
        });
        alert.show();
    }

    @FXML
    private void resolveConflict() {
        SyncStateRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            model.resolveConflict(row);
        }
    }

    @FXML
    private void export() {
        File file = exportFileChooser.apply(window());
        if (file == null) {
            return;
        }
        exporting = model.export(file.toPath(), rows -> { });
        exportProgress.progressProperty().bind(exporting.progressProperty());
        exportBox.visibleProperty().bind(exporting.runningProperty());
        exportBox.managedProperty().bind(exporting.runningProperty());
        exportButton.disableProperty().unbind();
        exportButton.disableProperty().bind(exporting.runningProperty().or(model.connectedProperty().not())
                .or(model.totalProperty().isEqualTo(0)));
    }

    @FXML
    private void cancelExport() {
        if (exporting != null) {
            exporting.cancel();
        }
    }

    private static File chooseExportFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the sync states matching the filter");
        chooser.setInitialFileName("sync-states.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        return chooser.showSaveDialog(owner);
    }

    @FXML
    private void firstPage() {
        model.firstPage();
    }

    @FXML
    private void previousPage() {
        model.previousPage();
    }

    @FXML
    private void nextPage() {
        model.nextPage();
    }

    @FXML
    private void lastPage() {
        model.lastPage();
    }
}
