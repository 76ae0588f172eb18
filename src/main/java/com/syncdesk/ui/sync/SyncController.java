package com.syncdesk.ui.sync;

import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import atlantafx.base.controls.ToggleSwitch;

import com.syncdesk.app.Texts;
import com.syncdesk.sync.SyncAttention;
import com.syncdesk.sync.SyncSummary;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.Fxml;
import com.syncdesk.ui.Page;

/** The Sync page: binds to {@link SyncViewModel}. */
public final class SyncController implements Page {

    @FXML
    private BorderPane root;
    @FXML
    private HBox authBanner;
    @FXML
    private Label authText;
    @FXML
    private Label connectionText;
    @FXML
    private Button connectButton;
    @FXML
    private HBox scheduleRow;
    @FXML
    private ToggleSwitch scheduleSwitch;
    @FXML
    private Label scheduleText;
    @FXML
    private VBox runCard;
    @FXML
    private Button syncNowButton;
    @FXML
    private Button fullResyncButton;
    @FXML
    private Button cancelButton;
    @FXML
    private Label phase;
    @FXML
    private ProgressBar progress;
    @FXML
    private Label waitText;
    @FXML
    private Label lockText;
    @FXML
    private Label pulled;
    @FXML
    private Label pushed;
    @FXML
    private Label inConflict;
    @FXML
    private Label failed;
    @FXML
    private Label apiCalls;
    @FXML
    private ListView<String> boardLines;
    @FXML
    private VBox summaryCard;
    @FXML
    private Label summaryText;
    @FXML
    private Hyperlink failedLink;
    @FXML
    private Hyperlink runStatesLink;
    @FXML
    private Hyperlink conflictsLink;
    @FXML
    private Hyperlink historyLink;
    @FXML
    private Label attentionText;
    @FXML
    private HBox attentionLists;
    @FXML
    private Node attentionIcon;
    @FXML
    private ListView<SyncAttention.Count> attention;
    @FXML
    private Label drillDownTitle;
    @FXML
    private TableView<SyncAttention.State> drillDown;
    @FXML
    private Label drillDownMessage;

    private SyncViewModel model;

    public static SyncController create(AppContext context) {
        SyncController controller = Fxml.load("/com/syncdesk/ui/sync/sync.fxml");
        controller.init(context, new SyncViewModel(context));
        return controller;
    }

    private void init(AppContext context, SyncViewModel model) {
        this.model = model;
        context.workspaceProperty().addListener((obs, old, now) -> model.refresh());
        authText.textProperty().bind(model.authProblemProperty());
        authBanner.visibleProperty().bind(model.authProblemProperty().isNotEmpty());
        authBanner.managedProperty().bind(authBanner.visibleProperty());
        connectionText.textProperty().bind(model.connectionTextProperty());
        connectButton.visibleProperty().bind(model.connectedProperty().not().and(context.workspaceProperty().isNotNull()));
        connectButton.managedProperty().bind(connectButton.visibleProperty());
        scheduleRow.visibleProperty().bind(model.connectedProperty());
        scheduleRow.managedProperty().bind(scheduleRow.visibleProperty());
        scheduleSwitch.selectedProperty().bindBidirectional(model.scheduledProperty());
        scheduleText.textProperty().bind(model.scheduleTextProperty());
        runCard.disableProperty().bind(model.connectedProperty().not());
        syncNowButton.disableProperty().bind(model.runningProperty());
        fullResyncButton.disableProperty().bind(model.runningProperty());
        cancelButton.disableProperty().bind(model.runningProperty().not().or(model.cancellingProperty()));
        phase.textProperty().bind(model.phaseProperty());
        progress.progressProperty().bind(model.progressProperty());
        shownWhenSet(waitText, model.waitTextProperty());
        shownWhenSet(lockText, model.lockTextProperty());
        pulled.textProperty().bind(model.pulledProperty());
        pushed.textProperty().bind(model.pushedProperty());
        inConflict.textProperty().bind(model.inConflictProperty());
        failed.textProperty().bind(model.failedProperty());
        apiCalls.textProperty().bind(model.apiCallsProperty());
        boardLines.setItems(model.boardLines());
        summaryCard.visibleProperty().bind(model.summaryProperty().isNotNull());
        summaryCard.managedProperty().bind(summaryCard.visibleProperty());
        summaryText.textProperty().bind(model.summaryTextProperty());
        failedLink.textProperty().bind(linkText(model, s -> "The " + Texts.count(s.counts().failed(), "state") + " it failed"));
        failedLink.disableProperty().bind(Bindings.createBooleanBinding(() -> summaryOf(model) == null || summaryOf(model).counts().failed() == 0,
                model.summaryProperty()));
        runStatesLink.textProperty().bind(linkText(model, s -> "Every state it touched"));
        conflictsLink.textProperty().bind(linkText(model, s -> s.counts().conflictsOpened() == 0 ? "The conflicts waiting"
                : "The " + Texts.count(s.counts().conflictsOpened(), "conflict") + " it opened"));
        historyLink.disableProperty().bind(Bindings.createBooleanBinding(() -> summaryOf(model) == null || summaryOf(model).dryRun(),
                model.summaryProperty()));
        attentionText.textProperty().bind(model.attentionTextProperty());
        attention.setItems(model.attention());
        // Nothing waiting: the line above says so, and the empty lists would only take room.
        attentionLists.visibleProperty().bind(model.attentionTotalProperty().greaterThan(0));
        attentionLists.managedProperty().bind(attentionLists.visibleProperty());
        attentionIcon.visibleProperty().bind(attentionLists.visibleProperty());
        attentionIcon.managedProperty().bind(attentionLists.visibleProperty());
        attention.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SyncAttention.Count count, boolean empty) {
                super.updateItem(count, empty);
                setText(empty || count == null ? null : Texts.count(count.states()) + "  " + count.label());
            }
        });
        attention.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.drillDown(now));
        drillDownTitle.textProperty().bind(model.drillDownTitleProperty());
        drillDown.setItems(model.drillDown());
        column("Entity", 125, s -> s.entityType() + " " + (s.label() == null ? s.entityId() : s.label()));
        column("Standing", 255, SyncViewModel::retryWords);
        column("When", 215, model::whenWords);
        column("Last error", 220, s -> s.lastError());
        // The selected state's whole message under the table; the first is selected as a group opens.
        drillDownMessage.textProperty().bind(drillDown.getSelectionModel().selectedItemProperty().map(s -> s.lastError()));
        model.drillDown().addListener((ListChangeListener<SyncAttention.State>) change -> {
            if (!model.drillDown().isEmpty()) {
                drillDown.getSelectionModel().select(0);
            }
        });
        drillDown.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(SyncAttention.State state, boolean empty) {
                super.updateItem(state, empty);
                setTooltip(empty || state == null || state.lastError() == null ? null : new Tooltip(state.lastError()));
            }
        });
    }

    private static SyncSummary summaryOf(SyncViewModel model) {
        return model.summaryProperty().get();
    }

    private static ObservableValue<String> linkText(SyncViewModel model, Function<SyncSummary, String> text) {
        return model.summaryProperty().map(text);
    }

    private static void shownWhenSet(Label label, ObservableValue<String> text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private void column(String title, double width, Function<SyncAttention.State, String> value) {
        TableColumn<SyncAttention.State, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        drillDown.getColumns().add(column);
    }

    public SyncViewModel model() {
        return model;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public ObservableValue<Number> badge() {
        return model.attentionTotalProperty();
    }

    @Override
    @FXML
    public void refresh() {
        model.refresh();
    }

    @Override
    public void show(Object argument) {
        refresh();
        if (argument instanceof SyncEntities chosen) {
            model.syncEntities(chosen);
        }
    }

    @FXML
    private void openConnection() {
        model.openConnection();
    }

    @FXML
    private void syncNow() {
        model.syncNow();
    }

    @FXML
    private void fullResync() {
        model.fullResync();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void showFailedStates() {
        model.showFailedStates();
    }

    @FXML
    private void showRunStates() {
        model.showRunStates();
    }

    @FXML
    private void showConflicts() {
        model.showConflicts();
    }

    @FXML
    private void showHistory() {
        model.showHistory();
    }

    @FXML
    private void showFailedInSyncStates() {
        model.showFailedInSyncStates();
    }
}
