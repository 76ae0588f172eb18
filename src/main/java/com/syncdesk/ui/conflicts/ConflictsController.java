package com.syncdesk.ui.conflicts;

import java.util.function.Function;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.syncdesk.conflict.ConflictGroup;
import com.syncdesk.persistence.Json;
import com.syncdesk.conflict.ResolvedConflict;
import com.syncdesk.persistence.StoredInstant;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.ResolutionStrategy;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.ErrorDialogs;
import com.syncdesk.ui.Settings;
import com.syncdesk.ui.Theme;

/** Binds the Conflicts page to its view-model: the filter, both tables, opening the dialog and bulk resolution. */
public final class ConflictsController {

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
    private final ValueText values = ValueText.system();
    private ConflictDialog openDialog;

    void init(AppContext context, ConflictsViewModel model) {
        this.context = context;
        this.model = model;
        summaryLabel.textProperty().bind(model.summaryProperty());
        statusLabel.textProperty().bind(model.statusProperty());

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

        groupsTable.getColumns().setAll(java.util.List.of(
                column("Type", 90, g -> FieldRowViewModel.title(g.entityType().wire())),
                column("Entity", 110, ConflictGroup::entityId),
                column("JIRA id", 110, ConflictGroup::jiraId),
                column("Fields", 70, g -> String.valueOf(g.openFields())),
                column("Which", 280, ConflictGroup::fieldNames),
                column("Waiting since", 190, g -> time(g.waitingSince()))));
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
        openButton.disableProperty().bind(groupsTable.getSelectionModel().selectedItemProperty().isNull());
        jiraWinsButton.disableProperty().bind(model.openCountProperty().isEqualTo(0));
        localWinsButton.disableProperty().bind(model.openCountProperty().isEqualTo(0));

        resolvedTable.getColumns().setAll(java.util.List.of(
                whenColumn(),
                resolvedColumn("Who", 90, ResolvedConflict::resolvedBy),
                resolvedColumn("Entity", 130, r -> FieldRowViewModel.title(r.entityType().wire()) + " " + r.entityId()),
                resolvedColumn("Field", 120, ResolvedConflict::field),
                resolvedColumn("How", 110, r -> ConflictsViewModel.strategyText(r.strategy())),
                resolvedColumn("Value", 200, r -> plainValue(r.resolvedValue())),
                resolvedColumn("Notes", 220, ResolvedConflict::notes)));
        resolvedTable.setItems(model.resolved());
    }

    void focusSearch() {
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
        if (!model.isConnected()) {
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
        confirmBulk(ResolutionStrategy.JIRA_WINS);
    }

    @FXML
    private void resolveAllLocal() {
        confirmBulk(ResolutionStrategy.LOCAL_WINS);
    }

    private void confirmBulk(ResolutionStrategy strategy) {
        model.countForBulk(count -> {
            if (count.conflicts() == 0) {
                return;
            }
            boolean jira = strategy == ResolutionStrategy.JIRA_WINS;
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
            confirm.initOwner(context.windowProperty().get());
            confirm.setTitle("SyncDesk");
            confirm.setHeaderText("Resolve " + ConflictsViewModel.plural(count.conflicts(), "conflict") + " in "
                    + ConflictsViewModel.plural(count.entities(), "entity") + ": " + (jira ? "JIRA wins" : "local wins") + "?");
            TextField notes = new TextField();
            notes.setId("bulk-notes");
            notes.setPromptText("Notes (optional), kept with every resolution");
            Label explanation = new Label(jira
                    ? "JIRA's value replaces SyncDesk's in every field of every matching entity. An entity deleted in JIRA is deleted here."
                    : "SyncDesk keeps its values, and the next sync pushes them to JIRA.");
            explanation.setWrapText(true);
            VBox content = new VBox(8, explanation, notes);
            content.setPrefWidth(460);
            confirm.getDialogPane().setContent(content);
            confirm.getDialogPane().setId("bulk-confirmation");
            ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setText(jira ? "Resolve: JIRA wins" : "Resolve: local wins");
            confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> model.resolveAll(strategy, notes.getText(),
                    failure -> ErrorDialogs.show(context.windowProperty().get(), "Bulk resolution failed; nothing was changed", failure)));
        }, failure -> ErrorDialogs.show(context.windowProperty().get(), "Conflicts could not be counted", failure));
    }

    /** A stored JSON value as the operator reads it: text without quotes, anything else as written. */
    private static String plainValue(String json) {
        if (json == null) {
            return "";
        }
        try {
            JsonNode value = Json.read(json);
            return value.isNull() ? "(empty)" : value.isValueNode() ? value.asText() : value.toString();
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    private String time(StoredInstant instant) {
        if (instant == null) {
            return "";
        }
        return instant.isReadable() ? values.format(instant.instant()) : instant.raw();
    }

    private static TableColumn<ConflictGroup, String> column(String title, double width, Function<ConflictGroup, String> value) {
        TableColumn<ConflictGroup, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    /** Wide enough for a full medium date and time, which the flexible columns must not squeeze. */
    private TableColumn<ResolvedConflict, String> whenColumn() {
        TableColumn<ResolvedConflict, String> column = resolvedColumn("When", 215, r -> time(r.resolvedAt()));
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
