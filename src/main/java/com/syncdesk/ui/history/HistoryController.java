package com.syncdesk.ui.history;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;

import org.controlsfx.control.CheckComboBox;
import org.kordamp.ikonli.javafx.FontIcon;

import com.syncdesk.app.Texts;
import com.syncdesk.history.SyncHistoryRow;
import com.syncdesk.persistence.EnumValue;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.SyncStatus;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.Cells;
import com.syncdesk.ui.Fxml;
import com.syncdesk.ui.Page;
import com.syncdesk.ui.StatusBadge;

/** The Sync History page: every sync run with its counters, newest first. */
public final class HistoryController implements Page {

    @FXML
    private BorderPane root;
    @FXML
    private CheckComboBox<SyncStatus> statusFilter;
    @FXML
    private TableView<SyncHistoryRow> table;
    @FXML
    private Button firstButton;
    @FXML
    private Button previousButton;
    @FXML
    private Label pageLabel;
    @FXML
    private Button nextButton;
    @FXML
    private Button statesButton;

    private HistoryViewModel model;

    public static HistoryController create(AppContext context) {
        HistoryController controller = Fxml.load("/com/syncdesk/ui/history/history.fxml");
        controller.init(context, new HistoryViewModel(context));
        return controller;
    }

    private void init(AppContext context, HistoryViewModel model) {
        this.model = model;
        Texts texts = context.texts();
        model.setOnFailure(failure -> context.dialogs().failure("The sync history could not be loaded", failure));
        statusFilter.getItems().setAll(SyncStatus.values());
        statusFilter.setConverter(new StringConverter<>() {
            @Override
            public String toString(SyncStatus status) {
                return status == null ? "" : status.words();
            }

            @Override
            public SyncStatus fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        statusFilter.getCheckModel().getCheckedItems().addListener((ListChangeListener<SyncStatus>) change -> {
            model.statuses().setAll(List.copyOf(statusFilter.getCheckModel().getCheckedItems()));
            model.firstPage();
        });
        statusFilter.titleProperty().bind(Bindings.createStringBinding(model::statusTitle, model.statuses()));
        table.setItems(model.rows());
        Cells.timestamps(column("Started", 215, r -> texts.timestamp(r.startedAt())), texts);
        column("Operation", 140, r -> r.operation().words());
        column("Type", 75, r -> r.entityType() == null ? null : EnumValue.parse(EntityType.class, r.entityType()).words());
        TableColumn<SyncHistoryRow, SyncHistoryRow> status = new TableColumn<>("Status");
        status.setPrefWidth(120);
        status.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        status.setCellFactory(c -> new TableCell<>() {
            private final Label badge = new Label();

            @Override
            protected void updateItem(SyncHistoryRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                } else {
                    StatusBadge.update(badge, row.status(), 0);
                    setGraphic(badge);
                }
            }
        });
        table.getColumns().add(status);
        column("Error", 220, SyncHistoryRow::errorMessage);
        column("Processed", 100, r -> Texts.count(r.processed()));
        column("Created", 85, r -> Texts.count(r.created()));
        column("Updated", 90, r -> Texts.count(r.updated()));
        column("Deleted", 85, r -> Texts.count(r.deleted()));
        column("Skipped", 85, r -> Texts.count(r.skipped()));
        column("Conflicts", 130, r -> r.conflictsDetected() + " / " + r.conflictsResolved())
                .setGraphic(hint("found / resolved"));
        column("API calls", 90, r -> Texts.count(r.apiCalls()));
        column("Duration", 90, r -> r.durationSeconds() == null ? null : String.format(Locale.ROOT, "%,.1f s", r.durationSeconds()));
        column("Batch", 170, SyncHistoryRow::batchId);
        // Less often needed; the table's menu button shows it.
        column("By", 80, SyncHistoryRow::initiatedBy).setVisible(false);
        // The history is always newest first; the table sorts nothing in memory.
        table.getColumns().forEach(c -> c.setSortable(false));
        table.setRowFactory(t -> {
            TableRow<SyncHistoryRow> row = new TableRow<>() {
                @Override
                protected void updateItem(SyncHistoryRow run, boolean empty) {
                    super.updateItem(run, empty);
                    setTooltip(empty || run == null || run.errorMessage() == null ? null : new Tooltip(run.errorMessage()));
                }
            };
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    model.showStates(row.getItem());
                }
            });
            return row;
        });
        statesButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !HistoryViewModel.canShowStates(table.getSelectionModel().getSelectedItem()), table.getSelectionModel().selectedItemProperty()));
        pageLabel.textProperty().bind(model.pageTextProperty());
        firstButton.disableProperty().bind(model.hasPreviousProperty().not());
        previousButton.disableProperty().bind(model.hasPreviousProperty().not());
        nextButton.disableProperty().bind(model.hasNextProperty().not());
    }

    private TableColumn<SyncHistoryRow, String> column(String title, double width, Function<SyncHistoryRow, String> value) {
        TableColumn<SyncHistoryRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        table.getColumns().add(column);
        return column;
    }

    private static Label hint(String text) {
        Label icon = new Label();
        icon.setGraphic(new FontIcon("fth-info"));
        icon.setTooltip(new Tooltip(text));
        return icon;
    }

    public HistoryViewModel model() {
        return model;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    @FXML
    public void refresh() {
        model.firstPage();
    }

    @FXML
    private void showStates() {
        model.showStates(table.getSelectionModel().getSelectedItem());
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
}
