package com.syncdesk.ui.conflicts;

import java.util.List;
import java.util.function.Function;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

import com.syncdesk.conflict.ConflictGroup;
import com.syncdesk.conflict.ResolvedConflict;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.ResolutionStrategy;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.Fxml;
import com.syncdesk.ui.Page;
import com.syncdesk.ui.Settings;
import com.syncdesk.ui.Theme;

/**
 * The Conflicts page: what waits for a human, grouped by entity, with bulk resolution and the recent
 * resolutions. Shown with a sync-state id (from "Resolve conflict" elsewhere), it opens that entity's dialog.
 */
public final class ConflictsController implements Page {

    @FXML
    private VBox root;
    @FXML
    private Label summaryLabel;
    @FXML
    private ComboBox<EntityType> typeBox;
    @FXML
    private TextField searchField;
    @FXML
    private Button openButton;
    @FXML
    private Button jiraWinsButton;
    @FXML
    private Button localWinsButton;
    @FXML
    private TableView<ConflictGroup> groupsTable;
    @FXML
    private TableView<ResolvedConflict> resolvedTable;
    @FXML
    private Label statusLabel;

    private AppContext context;
    private ConflictsViewModel model;
    private ConflictDialog openDialog;

    public static ConflictsController create(AppContext context) {
        ConflictsController controller = Fxml.load("/com/syncdesk/ui/conflicts/conflicts.fxml");
        controller.init(context, new ConflictsViewModel(context));
        return controller;
    }

    private void init(AppContext context, ConflictsViewModel model) {
        this.context = context;
        this.model = model;
        summaryLabel.textProperty().bind(model.summaryProperty());
        // The buttons a role may not use are disabled, and the status line says why (a disabled button shows no tooltip).
        statusLabel.textProperty().bind(Bindings.when(model.resolveRefusalProperty().isEmpty()).then(model.statusProperty())
                .otherwise(model.resolveRefusalProperty()));

        typeBox.getItems().setAll((EntityType) null);
        typeBox.getItems().addAll(EntityType.values());
        typeBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(EntityType type) {
                return type == null ? "All types" : FieldRowViewModel.title(type.wire()) + "s";
            }

            @Override
            public EntityType fromString(String text) {
                return null;
            }
        });
        typeBox.valueProperty().bindBidirectional(model.typeProperty());
        searchField.textProperty().bindBidirectional(model.textProperty());
        PauseTransition typing = new PauseTransition(Duration.millis(250));
        typing.setOnFinished(e -> model.refresh());
        model.textProperty().addListener((obs, old, now) -> typing.playFromStart());
        model.typeProperty().addListener((obs, old, now) -> model.refresh());

        groupsTable.getColumns().setAll(List.of(
                column("Type", 90, g -> FieldRowViewModel.title(g.entityType().wire())),
                column("Entity", 110, ConflictGroup::entityId),
                column("JIRA id", 110, ConflictGroup::jiraId),
                column("Fields", 70, g -> String.valueOf(g.openFields())),
                column("Which", 280, ConflictGroup::fieldNames),
                column("Waiting since", 190, g -> context.texts().timestamp(g.waitingSince()))));
        groupsTable.setItems(model.groups());
        groupsTable.setRowFactory(table -> {
            TableRow<ConflictGroup> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem().stateId());
                }
            });
            return row;
        });
        groupsTable.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && groupsTable.getSelectionModel().getSelectedItem() != null) {
                e.consume();
                openSelected();
            }
        });
        var refused = model.resolveRefusalProperty().isNotEmpty();
        openButton.disableProperty().bind(groupsTable.getSelectionModel().selectedItemProperty().isNull().or(refused));
        jiraWinsButton.disableProperty().bind(model.openCountProperty().isEqualTo(0).or(refused));
        localWinsButton.disableProperty().bind(model.openCountProperty().isEqualTo(0).or(refused));

        resolvedTable.getColumns().setAll(List.of(
                whenColumn(),
                resolvedColumn("Who", 90, ResolvedConflict::resolvedBy),
                resolvedColumn("Entity", 130, r -> FieldRowViewModel.title(r.entityType().wire()) + " " + r.entityId()),
                resolvedColumn("Field", 120, ResolvedConflict::field),
                resolvedColumn("How", 110, r -> ConflictsViewModel.strategyText(r.strategy())),
                resolvedColumn("Value", 200, r -> ConflictsViewModel.plainValue(r.resolvedValue())),
                resolvedColumn("Notes", 220, ResolvedConflict::notes)));
        resolvedTable.setItems(model.resolved());
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void show(Object argument) {
        refresh();
        if (argument instanceof Long stateId) {
            open(stateId);
        }
    }

    @Override
    public void refresh() {
        model.refresh();
    }

    @Override
    public void focusSearch() {
        searchField.requestFocus();
    }

    @FXML
    private void openSelected() {
        ConflictGroup selected = groupsTable.getSelectionModel().getSelectedItem();
        if (selected != null) {
            open(selected.stateId());
        }
    }

    /** Opens the dialog for one sync state; one dialog at a time, since it is modal to the console. */
    void open(long stateId) {
        if (!model.isConnected() || !model.resolveRefusalProperty().get().isEmpty()) {
            return;
        }
        if (openDialog != null && openDialog.stage().isShowing()) {
            openDialog.stage().toFront();
            return;
        }
        openDialog = ConflictDialog.open(context.windowProperty().get(), theme(), context.tasks(), context.workspace().conflicts(),
                context.operator(), stateId, model::resolvedOne);
    }

    private Theme theme() {
        Settings settings = context.settings();
        return Theme.of(settings == null ? null : settings.theme);
    }

    @FXML
    private void resolveAllJira() {
        model.resolveAll(ResolutionStrategy.JIRA_WINS);
    }

    @FXML
    private void resolveAllLocal() {
        model.resolveAll(ResolutionStrategy.LOCAL_WINS);
    }

    private static TableColumn<ConflictGroup, String> column(String title, double width, Function<ConflictGroup, String> value) {
        TableColumn<ConflictGroup, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    /** Wide enough for a full medium date and time, which the flexible columns must not squeeze. */
    private TableColumn<ResolvedConflict, String> whenColumn() {
        TableColumn<ResolvedConflict, String> column = resolvedColumn("When", 215, r -> context.texts().timestamp(r.resolvedAt()));
        column.setMinWidth(215);
        return column;
    }

    private static TableColumn<ResolvedConflict, String> resolvedColumn(String title, double width, Function<ResolvedConflict, String> value) {
        TableColumn<ResolvedConflict, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }
}
