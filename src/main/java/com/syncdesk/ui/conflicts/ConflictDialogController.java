package com.syncdesk.ui.conflicts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import com.syncdesk.conflict.FieldChoice.Side;
import com.syncdesk.conflict.ResolutionResult;
import com.syncdesk.ui.conflicts.ConflictDialogViewModel.MessageKind;

/** Binds the conflict dialog's FXML to its view-model and handles the dialog's keys. */
public final class ConflictDialogController {

    @FXML
    private BorderPane root;
    @FXML
    private Label titleLabel;
    @FXML
    private Label subtitleLabel;
    @FXML
    private CheckBox onlyDifferingBox;
    @FXML
    private GridPane headings;
    @FXML
    private ScrollPane scroll;
    @FXML
    private VBox rowsBox;
    @FXML
    private Label notesLabel;
    @FXML
    private TextArea notesArea;
    @FXML
    private Label messageLabel;
    @FXML
    private ProgressIndicator busyIndicator;
    @FXML
    private Button takeAllRemoteButton;
    @FXML
    private Button keepAllLocalButton;
    @FXML
    private Button applyButton;
    @FXML
    private Hyperlink jiraLink;

    private ConflictDialogViewModel model;
    private Consumer<ResolutionResult> onResolved = result -> { };
    private Runnable onCancel = () -> { };
    private final List<FieldRowView> rowViews = new ArrayList<>();
    /** The field the keys act on: the one focused last, so L, J and E keep working after a click on a button or a label. */
    private FieldRowView current;

    BorderPane root() {
        return root;
    }

    void init(ConflictDialogViewModel model, Consumer<ResolutionResult> onResolved, Runnable onCancel) {
        this.model = model;
        this.onResolved = onResolved;
        this.onCancel = onCancel;
        titleLabel.textProperty().bind(model.titleProperty());
        subtitleLabel.textProperty().bind(model.subtitleProperty());
        notesArea.textProperty().bindBidirectional(model.notesProperty());
        notesLabel.setLabelFor(notesArea);
        onlyDifferingBox.selectedProperty().bindBidirectional(model.onlyDifferingProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        model.messageKindProperty().addListener((obs, old, kind) -> styleMessage(kind));
        busyIndicator.visibleProperty().bind(model.busyProperty());
        applyButton.disableProperty().bind(model.canApplyProperty().not());
        takeAllRemoteButton.disableProperty().bind(model.busyProperty());
        keepAllLocalButton.disableProperty().bind(model.busyProperty());
        headings.getColumnConstraints().setAll(FieldRowView.columns());
        headings.setHgap(8);
        String[] titles = {"Field", "Base (at last sync)", "SyncDesk (local)", "JIRA (remote)"};
        for (int i = 0; i < titles.length; i++) {
            Label heading = new Label(titles[i]);
            heading.getStyleClass().add("column-heading");
            headings.add(heading, i, 0);
        }

        model.rows().addListener((ListChangeListener<FieldRowViewModel>) change -> {
            while (change.next()) {
                if (change.wasAdded() || change.wasRemoved() || change.wasReplaced()) {
                    rebuildRows();
                    return;
                }
            }
        });
        model.onlyDifferingProperty().addListener((obs, old, only) -> filterRows());
        model.attentionProperty().addListener((obs, old, row) -> rowViews.stream().filter(v -> v.model() == row).findFirst()
                .ifPresent(Node::requestFocus));
        jiraLink.visibleProperty().bind(model.jiraLinkProperty().isNotNull());
        jiraLink.managedProperty().bind(jiraLink.visibleProperty());
        jiraLink.setOnAction(e -> model.openInJira());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::dialogKeys);
    }

    /** Rebuilds the row views when the set of fields changes; the row view-models (and what they hold) are reused. */
    private void rebuildRows() {
        if (rowViews.stream().map(FieldRowView::model).toList().equals(model.rows())) {
            // A reload with the same fields: each row view follows its view-model's fresh values itself.
            return;
        }
        Node focused = root.getScene() == null ? null : root.getScene().getFocusOwner();
        String focusedField = rowViews.stream().filter(v -> v == focused || isInside(focused, v)).map(v -> v.model().name())
                .findFirst().orElse(null);
        List<FieldRowView> views = model.rows().stream().map(FieldRowView::new).toList();
        rowViews.clear();
        rowViews.addAll(views);
        current = null;
        views.forEach(v -> {
            // Whatever brings a field into focus (arrows, Tab, a click) also brings it into view and makes it the keys' field.
            v.focusWithinProperty().addListener((obs, was, now) -> {
                if (now) {
                    current = v;
                    scrollTo(v);
                }
            });
            // A click on a field's name or values (not its editor) focuses the field itself.
            v.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
                if (!(e.getTarget() instanceof Node target && isInside(target, TextInputControl.class, v))) {
                    v.requestFocus();
                }
            });
        });
        rowsBox.getChildren().setAll(views);
        filterRows();
        FieldRowView target = rowViews.stream().filter(v -> v.model().name().equals(focusedField)).findFirst()
                .orElse(rowViews.stream().filter(Node::isVisible).findFirst().orElse(null));
        if (target != null) {
            target.requestFocus();
        }
    }

    private void filterRows() {
        for (FieldRowView view : rowViews) {
            boolean shown = !model.onlyDifferingProperty().get() || view.model().differs();
            view.setVisible(shown);
            view.setManaged(shown);
        }
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /**
     * The dialog's keys, wherever the focus is: Ctrl+Enter applies, Esc cancels, Ctrl+↑/↓ move between fields (out of
     * an editor too), and outside a text editor ↑/↓ move and L, J, E choose for the current field. In an editor letters
     * are typed, and ↑/↓ leave a one-line editor.
     */
    private void dialogKeys(KeyEvent event) {
        if (event.getCode() == KeyCode.ENTER && event.isShortcutDown()) {
            event.consume();
            apply();
            return;
        }
        if (event.getCode() == KeyCode.ESCAPE) {
            event.consume();
            cancel();
            return;
        }
        if (event.isAltDown() || event.isMetaDown() && !event.isShortcutDown()) {
            return;
        }
        Node focused = root.getScene() == null ? null : root.getScene().getFocusOwner();
        boolean typing = focused instanceof TextInputControl;
        boolean vertical = event.getCode() == KeyCode.UP || event.getCode() == KeyCode.DOWN;
        int step = event.getCode() == KeyCode.UP ? -1 : 1;
        if (vertical && event.isShortcutDown()) {
            event.consume();
            move(step);
        } else if (vertical && !event.isShortcutDown() && !(focused instanceof TextArea)) {
            event.consume();
            move(step);
        } else if (!typing && !event.isShortcutDown() && (event.getCode() == KeyCode.L || event.getCode() == KeyCode.J || event.getCode() == KeyCode.E)) {
            FieldRowView row = currentOrFirst();
            if (row != null) {
                event.consume();
                row.pickByKey(event.getCode() == KeyCode.L ? Side.LOCAL : event.getCode() == KeyCode.J ? Side.REMOTE : Side.CUSTOM);
            }
        }
    }

    private FieldRowView currentOrFirst() {
        if (current != null && current.isVisible()) {
            return current;
        }
        return rowViews.stream().filter(Node::isVisible).findFirst().orElse(null);
    }

    private void move(int step) {
        FieldRowView from = currentOrFirst();
        if (from == null) {
            return;
        }
        if (from != current) {
            // Before any field had the focus, the first key brings the first field into focus.
            from.requestFocus();
            return;
        }
        move(from, step);
    }

    private static boolean isInside(Node node, Class<?> type, Node within) {
        for (Node n = node; n != null && n != within; n = n.getParent()) {
            if (type.isInstance(n)) {
                return true;
            }
        }
        return false;
    }

    private void move(FieldRowView from, int step) {
        List<FieldRowView> shown = rowViews.stream().filter(Node::isVisible).toList();
        int index = shown.indexOf(from) + step;
        if (index >= 0 && index < shown.size()) {
            FieldRowView target = shown.get(index);
            target.requestFocus();
        }
    }

    /** Scrolls as little as needed to show the whole row. */
    private void scrollTo(Node row) {
        double content = rowsBox.getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (content <= viewport) {
            return;
        }
        double top = (content - viewport) * scroll.getVvalue();
        Bounds bounds = row.getBoundsInParent();
        if (bounds.getMinY() < top || bounds.getHeight() > viewport) {
            top = bounds.getMinY();
        } else if (bounds.getMaxY() > top + viewport) {
            top = bounds.getMaxY() - viewport;
        }
        scroll.setVvalue(Math.clamp(top / (content - viewport), 0, 1));
    }

    private void styleMessage(MessageKind kind) {
        messageLabel.getStyleClass().removeAll("info", "error");
        messageLabel.getStyleClass().add(kind == MessageKind.ERROR ? "error" : "info");
    }

    @FXML
    private void takeAllRemote() {
        model.takeAllRemote();
    }

    @FXML
    private void keepAllLocal() {
        model.keepAllLocal();
    }

    @FXML
    private void apply() {
        model.apply(onResolved);
    }

    @FXML
    private void cancel() {
        onCancel.run();
    }
}
