package com.syncdesk.ui.conflicts;

import java.util.List;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
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
import com.syncdesk.conflict.EntityFields;
import com.syncdesk.conflict.ResolvedConflict;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.ResolutionStrategy;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.Cells;
import com.syncdesk.ui.Fxml;
import com.syncdesk.ui.Page;

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
                return type == null ? "Any type" : type.words();
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
                Cells.text("Type", 80, g -> g.entityType().words()),
                Cells.text("Key or name", 150, ConflictGroup::label),
                Cells.text("Entity", 80, ConflictGroup::entityId),
                Cells.text("JIRA id", 90, ConflictGroup::jiraId),
                Cells.text("Fields", 70, g -> String.valueOf(g.openFields())),
                Cells.text("Which", 240, g -> ConflictsViewModel.fieldWords(g.fieldNames())),
                Cells.text("Waiting since", 215, g -> context.texts().timestamp(g.waitingSince()))));
        Cells.timestamps(groupsTable.getColumns().getLast(), context.texts());
        // The columns give way in a narrow window down to where their headings still read whole.
        double[] least = {70, 110, 70, 80, 70, 90};
        for (int i = 0; i < least.length; i++) {
            groupsTable.getColumns().get(i).setMinWidth(least[i]);
        }
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
                Cells.text("Who", 90, ResolvedConflict::resolvedBy),
                Cells.text("Entity", 150, r -> r.entityType().words() + " " + (r.label() != null ? r.label() : r.entityId())),
                Cells.text("Field", 120, r -> EntityFields.label(r.field())),
                Cells.text("How", 110, r -> ConflictsViewModel.strategyText(r.strategy())),
                Cells.text("Value", 200, model::resolvedValue),
                Cells.text("Notes", 220, ResolvedConflict::notes)));
        double[] leastResolved = {70, 90, 70, 70, 80, 80};
        for (int i = 0; i < leastResolved.length; i++) {
            resolvedTable.getColumns().get(i + 1).setMinWidth(leastResolved[i]);
        }
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

    /** Opens the dialog for one sync state; the shell keeps it to one at a time. */
    void open(long stateId) {
        if (model.isConnected() && model.resolveRefusalProperty().get().isEmpty()) {
            context.openConflict(stateId, model::resolvedOne);
        }
    }

    @FXML
    private void resolveAllJira() {
        model.resolveAll(ResolutionStrategy.JIRA_WINS);
    }

    @FXML
    private void resolveAllLocal() {
        model.resolveAll(ResolutionStrategy.LOCAL_WINS);
    }

    /** Wide enough for a full medium date and time, which the flexible columns must not squeeze. */
    private TableColumn<ResolvedConflict, String> whenColumn() {
        return Cells.timestamps(Cells.text("When", 215, r -> context.texts().timestamp(r.resolvedAt())), context.texts());
    }

}
