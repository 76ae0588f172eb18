package com.syncdesk.ui.syncstates;


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
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
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
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

import org.controlsfx.control.CheckComboBox;

import com.syncdesk.app.Texts;
import com.syncdesk.persistence.EnumValue;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.StateAction;
import com.syncdesk.syncstate.SyncDirection;
import com.syncdesk.syncstate.SyncStateColumn;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.syncstate.SyncStateRow;
import com.syncdesk.syncstate.SyncStateSort;
import com.syncdesk.syncstate.SyncStatus;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.Cells;
import com.syncdesk.ui.Fxml;
import com.syncdesk.ui.Page;
import com.syncdesk.ui.StatusBadge;
import com.syncdesk.ui.TaskRunner;

/** The Sync States page: filter bar, a table paged and sorted in the database, a detail pane and the operator actions. */
public final class SyncStatesController implements Page {

    /** Typing pauses this long before the search runs, so each keystroke does not query the database. */
    private static final Duration TYPING_PAUSE = Duration.millis(350);

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
    private Hyperlink jiraLink;
    @FXML
    private GridPane detailFields;
    @FXML
    private Label storyNote;
    @FXML
    private ListView<SyncStatesViewModel.StoryLine> storyList;
    @FXML
    private TextArea conflictsText;
    @FXML
    private ChoiceBox<SyncStatesViewModel.Scope> scopeChoice;
    @FXML
    private Button retryButton;
    @FXML
    private Button syncEntitiesButton;
    @FXML
    private Button skipButton;
    @FXML
    private Button resetButton;
    @FXML
    private Button resolveButton;
    @FXML
    private Label actionsNote;
    @FXML
    private Button exportButton;
    @FXML
    private HBox exportBox;
    @FXML
    private Label messageLabel;
    @FXML
    private ProgressBar exportProgress;
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

    private SyncStatesViewModel model;
    private Texts texts;
    private final Map<SyncStateColumn, TableColumn<SyncStateRow, ?>> columns = new EnumMap<>(SyncStateColumn.class);
    private final PauseTransition typing = new PauseTransition(TYPING_PAUSE);
    private boolean searchQueued;
    private TaskRunner.Running exporting;

    public static SyncStatesController create(AppContext context) {
        SyncStatesController controller = Fxml.load("/com/syncdesk/ui/syncstates/sync-states.fxml");
        controller.init(context, new SyncStatesViewModel(context));
        return controller;
    }

    private void init(AppContext context, SyncStatesViewModel model) {
        this.model = model;
        this.texts = context.texts();
        model.setOnFailure(failure -> context.dialogs().failure("The sync states could not be loaded or changed", failure));
        buildFilterBar();
        buildTable();
        buildActions();
        totalLabel.textProperty().bind(Bindings.createStringBinding(() -> model.connectedProperty().get()
                ? String.format(Locale.ROOT, "%,d matching", model.totalProperty().get()) : model.availabilityProperty().get(),
                model.totalProperty(), model.connectedProperty(), model.availabilityProperty()));
        placeholder.textProperty().bind(Bindings.when(model.connectedProperty()).then("No sync states match the filter.")
                .otherwise(model.availabilityProperty()));
        pageLabel.textProperty().bind(model.pageTextProperty());
        firstButton.disableProperty().bind(model.hasPreviousProperty().not());
        previousButton.disableProperty().bind(model.hasPreviousProperty().not());
        nextButton.disableProperty().bind(model.hasNextProperty().not());
        lastButton.disableProperty().bind(model.hasNextProperty().not());
        messageLabel.textProperty().bind(model.messageProperty());
        messageLabel.tooltipProperty().bind(Bindings.createObjectBinding(() -> model.messageProperty().get().isEmpty() ? null
                : new Tooltip(model.messageProperty().get()), model.messageProperty()));
        model.messageKindProperty().addListener((obs, old, kind) -> {
            messageLabel.getStyleClass().remove("warning");
            if (kind == SyncStatesViewModel.MessageKind.WARNING) {
                messageLabel.getStyleClass().add("warning");
            }
        });
        storyNote.textProperty().bind(model.storyNoteProperty());
        storyList.setItems(model.story());
        storyList.setCellFactory(list -> new StoryCell());
        showDetail(null);
    }

    public SyncStatesViewModel model() {
        return model;
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

    // ---- filter bar ----

    private void buildFilterBar() {
        searchField.textProperty().bindBidirectional(model.textProperty());
        batchField.textProperty().bindBidirectional(model.batchProperty());
        conflictsOnly.selectedProperty().bindBidirectional(model.onlyOpenConflictsProperty());

        statusFilter.getItems().setAll(SyncStatus.values());
        statusFilter.setConverter(converter(SyncStatus::words, "Any status"));
        // The closed box shows what is chosen, never just the word "Status".
        statusFilter.titleProperty().bind(Bindings.createStringBinding(model::statusTitle, model.statuses()));
        statusFilter.setTooltip(new Tooltip());
        statusFilter.getTooltip().textProperty().bind(statusFilter.titleProperty());
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
        typeFilter.setConverter(converter(EntityType::words, "Any type"));
        typeFilter.setButtonCell(nullableCell("Any type", EntityType::words));
        typeFilter.setCellFactory(list -> nullableCell("Any type", EntityType::words));
        typeFilter.valueProperty().bindBidirectional(model.typeProperty());

        directionFilter.getItems().setAll(SyncDirection.values());
        directionFilter.getItems().addFirst(null);
        directionFilter.setConverter(converter(SyncDirection::words, "Any direction"));
        directionFilter.setButtonCell(nullableCell("Any direction", SyncDirection::words));
        directionFilter.setCellFactory(list -> nullableCell("Any direction", SyncDirection::words));
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
        model.clearFilter();
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
        column("Type", SyncStateColumn.ENTITY_TYPE, 75, SyncStateRow::entityType, EnumValue::words);
        TableColumn<SyncStateRow, String> label = Cells.text("Key or name", 130, SyncStateRow::label);
        label.setId("column-label");
        // Labels live in the entity tables; the database sorts only by the state's own columns.
        label.setSortable(false);
        table.getColumns().add(label);
        column("Entity", SyncStateColumn.ENTITY_ID, 80, SyncStateRow::entityId, s -> s);
        column("JIRA id", SyncStateColumn.JIRA_ID, 90, SyncStateRow::jiraId, s -> s);
        TableColumn<SyncStateRow, SyncStateRow> status = new TableColumn<>("Status");
        status.setPrefWidth(220);
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
                    StatusBadge.update(badge, row, texts);
                    setGraphic(badge);
                }
            }
        });
        register(SyncStateColumn.STATUS, status);
        column("Errors", SyncStateColumn.ERROR_COUNT, 75, SyncStateRow::errorCount, Object::toString);
        column("Last error", SyncStateColumn.LAST_ERROR, 240, SyncStateRow::lastError, s -> s);
        column("Last attempt", SyncStateColumn.LAST_ATTEMPT, 175, SyncStateRow::lastSyncAttempt, texts::timestamp);
        Cells.timestamps(table.getColumns().getLast(), texts);
        column("Direction", SyncStateColumn.DIRECTION, 120, SyncStateRow::direction, EnumValue::words);
        column("Batch", SyncStateColumn.BATCH, 110, SyncStateRow::batchId, s -> s);
        column("Duration", SyncStateColumn.DURATION, 90, SyncStateRow::durationMs, ms -> Texts.count(ms) + " ms");
        column("API calls", SyncStateColumn.API_CALLS, 90, SyncStateRow::apiCalls, Object::toString);
        TableColumn<SyncStateRow, Integer> conflicts = new TableColumn<>("Conflicts");
        conflicts.setPrefWidth(90);
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
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            showDetail(row);
            model.showStory(row);
        });
    }

    private <T> void column(String title, SyncStateColumn sortColumn, double width, Function<SyncStateRow, T> value,
                            Function<T, String> text) {
        TableColumn<SyncStateRow, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            private final Tooltip whole = new Tooltip();

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                String shown = empty || item == null ? null : text.apply(item);
                setText(shown);
                whole.setText(shown == null ? "" : shown);
                setTooltip(shown == null || shown.isEmpty() ? null : whole);
            }
        });
        register(sortColumn, column);
    }

    private void register(SyncStateColumn sortColumn, TableColumn<SyncStateRow, ?> column) {
        column.setId("column-" + sortColumn.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        columns.put(sortColumn, column);
        table.getColumns().add(column);
    }

    // ---- detail pane ----

    private void showDetail(SyncStateRow row) {
        detailFields.getChildren().clear();
        jiraLink.setVisible(false);
        jiraLink.setManaged(false);
        if (row == null) {
            detailTitle.setText("Select a sync state to see every field and its story.");
            conflictsText.clear();
            return;
        }
        SyncStatesViewModel.Detail detail = model.detail(row);
        detailTitle.setText(detail.title());
        boolean linked = model.jiraLink(row).isPresent();
        jiraLink.setVisible(linked);
        jiraLink.setManaged(linked);
        int line = 0;
        for (SyncStatesViewModel.DetailLine field : detail.lines()) {
            Label value = valueLabel(field.value());
            if (field.caption().equals("Status")) {
                StatusBadge.update(value, row, texts);
            }
            detailFields.addRow(line++, caption(field.caption()), value);
        }
        conflictsText.setText(detail.conflicts());
    }

    private static Label valueLabel(String value) {
        Label text = new Label(value == null || value.isEmpty() ? "—" : value);
        text.setWrapText(true);
        // Wraps within the column instead of running past the pane's edge; a hash without spaces breaks anywhere.
        text.setMinWidth(0);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.getStyleClass().add("detail-value");
        if (value != null && !value.isEmpty()) {
            text.setTooltip(new Tooltip(value));
        }
        return text;
    }

    private static Label caption(String name) {
        Label label = new Label(name);
        label.getStyleClass().add("figure-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    // ---- actions ----

    private void buildActions() {
        scopeChoice.getItems().setAll(SyncStatesViewModel.Scope.values());
        scopeChoice.valueProperty().bindBidirectional(model.scopeProperty());
        model.selectedCountProperty().bind(Bindings.size(table.getSelectionModel().getSelectedItems()));
        // The wording counts rows: a fresh converter makes the closed box show the new counts.
        Runnable wordScope = () -> scopeChoice.setConverter(converter(model::scopeText, ""));
        wordScope.run();
        model.selectedCountProperty().addListener((obs, old, now) -> wordScope.run());
        model.totalProperty().addListener((obs, old, now) -> wordScope.run());
        scopeChoice.setTooltip(new Tooltip("What Retry, Skip and Reset errors apply to"));
        var noTarget = Bindings.createBooleanBinding(() -> !model.canAct(model.scopeProperty().get(), model.selectedCountProperty().get()),
                model.scopeProperty(), model.selectedCountProperty(), model.totalProperty(), model.connectedProperty(),
                model.actionsRefusalProperty());
        retryButton.disableProperty().bind(noTarget);
        skipButton.disableProperty().bind(noTarget);
        resetButton.disableProperty().bind(noTarget);
        syncEntitiesButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.maySyncNow(model.selectedCountProperty().get()),
                model.selectedCountProperty(), model.syncRefusalProperty(), model.connectedProperty()));
        syncEntitiesButton.setTooltip(new Tooltip("Read the selected entities from JIRA and sync them now, on the Sync page"));
        resolveButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            SyncStateRow row = table.getSelectionModel().getSelectedItem();
            return row == null || row.openConflicts() == 0 || !model.mayResolve();
        }, table.getSelectionModel().selectedItemProperty(), model.resolveRefusalProperty()));
        // A disabled button shows no tooltip: the reason stands beside the actions.
        actionsNote.textProperty().bind(Bindings.when(model.actionsRefusalProperty().isEmpty()).then(model.resolveRefusalProperty())
                .otherwise(model.actionsRefusalProperty()));
        actionsNote.visibleProperty().bind(actionsNote.textProperty().isNotEmpty());
        actionsNote.managedProperty().bind(actionsNote.visibleProperty());
        exportButton.disableProperty().bind(model.connectedProperty().not().or(model.totalProperty().isEqualTo(0)));
        exportButton.setTooltip(new Tooltip("Export every sync state matching the filter to a CSV file"));
    }

    @FXML
    private void retry() {
        act(StateAction.RETRY);
    }

    @FXML
    private void skip() {
        act(StateAction.SKIP);
    }

    @FXML
    private void resetErrors() {
        act(StateAction.RESET_ERRORS);
    }

    private void act(StateAction action) {
        model.act(action, model.scopeProperty().get() == SyncStatesViewModel.Scope.SELECTED
                ? table.getSelectionModel().getSelectedItems().stream().map(SyncStateRow::id).toList() : null);
    }

    @FXML
    private void syncNow() {
        model.syncNow(table.getSelectionModel().getSelectedItems().stream().map(SyncStateRow::id).toList());
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
        model.export().ifPresent(running -> {
            exporting = running;
            exportProgress.progressProperty().bind(running.progressProperty());
            exportBox.visibleProperty().bind(running.runningProperty());
            exportBox.managedProperty().bind(running.runningProperty());
            exportButton.disableProperty().bind(running.runningProperty().or(model.connectedProperty().not())
                    .or(model.totalProperty().isEqualTo(0)));
        });
    }

    @FXML
    private void openInJira() {
        SyncStateRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            model.openInJira(row);
        }
    }

    @FXML
    private void cancelExport() {
        if (exporting != null) {
            exporting.cancel();
        }
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

    /** One event of the story: when and what on the first line, who and the details below, wrapped to the pane. */
    private static final class StoryCell extends ListCell<SyncStatesViewModel.StoryLine> {
        private final Label when = new Label();
        private final Label what = new Label();
        private final Label rest = new Label();
        private final VBox box = new VBox(2, when, what, rest);

        StoryCell() {
            when.getStyleClass().add("figure-label");
            what.getStyleClass().add("story-what");
            rest.getStyleClass().add("story-detail");
            for (Label label : List.of(when, what, rest)) {
                label.setWrapText(true);
                label.setMinWidth(0);
                label.setMinHeight(Region.USE_PREF_SIZE);
            }
            setPrefWidth(0);
            // A label wraps only when it knows its width: the list's, less the cell's padding and the scroll bar.
            listViewProperty().addListener((obs, old, list) -> {
                if (list != null) {
                    List.of(when, what, rest).forEach(label -> label.prefWidthProperty().bind(list.widthProperty().subtract(40)));
                }
            });
        }

        @Override
        protected void updateItem(SyncStatesViewModel.StoryLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeIf(style -> style.startsWith("story-"));
            if (empty || line == null) {
                setGraphic(null);
                return;
            }
            when.setText(line.when());
            what.setText(line.what());
            String details = (line.who() == null ? "" : "by " + line.who()) + (line.who() != null && line.detail() != null ? " · " : "")
                    + (line.detail() == null ? "" : line.detail());
            rest.setText(details);
            rest.setVisible(!details.isEmpty());
            rest.setManaged(!details.isEmpty());
            getStyleClass().add("story-" + line.kind().name().toLowerCase(Locale.ROOT));
            setGraphic(box);
        }
    }
}
