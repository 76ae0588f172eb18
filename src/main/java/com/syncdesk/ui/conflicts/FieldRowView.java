package com.syncdesk.ui.conflicts;

import java.util.Arrays;
import java.util.List;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import com.syncdesk.conflict.ConflictField;
import com.syncdesk.conflict.EntityFields.Kind;
import com.syncdesk.conflict.FieldChoice.Side;

/**
 * One field of the conflict dialog: base, SyncDesk and JIRA side by side with the changed words marked,
 * the choice, and the editor for a typed value. The row itself takes the keyboard focus, so the
 * dialog's keys (L, J, E) act on the focused field.
 */
final class FieldRowView extends VBox {

    /** Column widths shared with the headings so they line up. */
    static final double[] COLUMN_PERCENTS = {16, 24, 30, 30};

    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final FieldRowViewModel model;
    private final ToggleGroup group = new ToggleGroup();
    private final RadioButton localButton = new RadioButton();
    private final RadioButton remoteButton = new RadioButton();
    private final RadioButton editButton = new RadioButton("Edit a value  (E)");
    private final VBox baseCell = new VBox(4);
    private final VBox localCell = new VBox(4);
    private final VBox remoteCell = new VBox(4);
    private final TextInputControl editor;
    private final Label nameLabel = new Label();
    private final Label hintLabel = new Label();
    private boolean swallowNextTyped;

    FieldRowView(FieldRowViewModel model) {
        this.model = model;
        getStyleClass().add("conflict-row");
        setFocusTraversable(true);
        setId("conflict-row-" + model.name());

        for (RadioButton button : List.of(localButton, remoteButton, editButton)) {
            button.setToggleGroup(group);
            // The row holds the focus; the radio buttons only show and take mouse clicks.
            button.setFocusTraversable(false);
        }
        localButton.setUserData(Side.LOCAL);
        remoteButton.setUserData(Side.REMOTE);
        editButton.setUserData(Side.CUSTOM);
        localButton.getStyleClass().add("choice-local");
        remoteButton.getStyleClass().add("choice-remote");
        editButton.getStyleClass().add("choice-edit");

        nameLabel.getStyleClass().add("conflict-field-name");
        nameLabel.setWrapText(true);
        hintLabel.getStyleClass().add("conflict-field-hint");
        hintLabel.setWrapText(true);
        VBox nameCell = new VBox(2, nameLabel, hintLabel);

        for (VBox cell : List.of(baseCell, localCell, remoteCell)) {
            cell.getStyleClass().add("value-cell");
            cell.setMinWidth(0);
        }
        localCell.getStyleClass().add("choice-cell");
        remoteCell.getStyleClass().add("choice-cell");
        localCell.setOnMouseClicked(e -> pick(Side.LOCAL));
        remoteCell.setOnMouseClicked(e -> pick(Side.REMOTE));

        GridPane grid = new GridPane();
        grid.getStyleClass().add("conflict-row-grid");
        grid.setHgap(8);
        grid.getColumnConstraints().setAll(columns());
        grid.add(nameCell, 0, 0);
        grid.add(baseCell, 1, 0);
        grid.add(localCell, 2, 0);
        grid.add(remoteCell, 3, 0);
        getChildren().add(grid);

        if (model.isLongText()) {
            TextArea area = new TextArea();
            area.setWrapText(true);
            area.setPrefRowCount(3);
            editor = area;
        } else {
            editor = new TextField();
        }
        editor.getStyleClass().add("custom-editor");
        editor.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (swallowNextTyped) {
                swallowNextTyped = false;
                e.consume();
            }
        });
        editor.addEventFilter(KeyEvent.KEY_PRESSED, e -> swallowNextTyped = false);
        editor.textProperty().bindBidirectional(model.customTextProperty());
        // The editor appears once "edit" is chosen, so rows stay compact while the operator compares.
        editor.visibleProperty().bind(model.choiceProperty().isEqualTo(Side.CUSTOM));
        editor.managedProperty().bind(editor.visibleProperty());
        HBox.setHgrow(editor, Priority.ALWAYS);
        HBox editLine = new HBox(10, editButton, editor);
        editLine.setAlignment(Pos.CENTER_LEFT);
        editLine.getStyleClass().add("custom-line");
        editButton.setMinWidth(USE_PREF_SIZE);
        if (model.canEdit()) {
            getChildren().add(editLine);
        }

        Label problem = new Label();
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        getChildren().add(problem);
        model.problemProperty().addListener((obs, old, now) -> pseudoClassStateChanged(INVALID, now != null && !now.isEmpty()));

        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null && model.choiceProperty().get() != now.getUserData()) {
                pick((Side) now.getUserData());
            }
        });
        model.choiceProperty().addListener((obs, old, now) -> showChoice());
        model.fieldProperty().addListener((obs, old, now) -> showValues());
        showValues();
        showChoice();
    }

    static List<ColumnConstraints> columns() {
        return Arrays.stream(COLUMN_PERCENTS).mapToObj(p -> {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(p);
            column.setFillWidth(true);
            return column;
        }).toList();
    }

    FieldRowViewModel model() {
        return model;
    }

    /** Chooses a side from the keyboard or mouse; "edit" puts the caret into the editor. */
    void pick(Side side) {
        model.choose(side);
        if (side == Side.CUSTOM && model.canEdit()) {
            editor.requestFocus();
            editor.end();
        }
    }

    /** Like {@link #pick} for the E key: the letter typed by the same keystroke must not land in the editor. */
    void pickByKey(Side side) {
        swallowNextTyped = side == Side.CUSTOM;
        pick(side);
    }

    private void showChoice() {
        Side side = model.choiceProperty().get();
        group.selectToggle(side == Side.LOCAL ? localButton : side == Side.REMOTE ? remoteButton : side == Side.CUSTOM ? editButton : null);
        localCell.pseudoClassStateChanged(CHOSEN, side == Side.LOCAL);
        remoteCell.pseudoClassStateChanged(CHOSEN, side == Side.REMOTE);
    }

    private void showValues() {
        ConflictField field = model.field();
        FieldRowViewModel.Wording wording = model.wording();
        nameLabel.setText(wording.title());
        hintLabel.setText(wording.summary() != null ? wording.summary() : hint(model) + (model.differs() ? "" : " · same on both sides"));
        localButton.setText(wording.localChoice() + "  (L)");
        remoteButton.setText(wording.remoteChoice() + "  (J)");

        String base = model.format(field.base());
        String local = model.format(field.local());
        String remote = model.format(field.remote());
        boolean baseKnown = field.base() != null;
        // Three-way: each side is compared with the last synced value when known, so the marks show who changed what.
        String localReference = baseKnown ? base : remote;
        String remoteReference = baseKnown ? base : local;

        Label baseHeading = new Label("At last sync");
        baseHeading.getStyleClass().add("cell-heading");
        baseCell.getChildren().setAll(baseHeading, baseKnown ? plain(base) : muted("not known"));
        localCell.getChildren().setAll(localButton, diffed(localReference, local));
        remoteCell.getChildren().setAll(remoteButton, diffed(remoteReference, remote));
    }

    private static String hint(FieldRowViewModel model) {
        return switch (model.kind()) {
            case TEXT -> "text";
            case REQUIRED_TEXT -> "text, required";
            case DECIMAL -> "number";
            case TIMESTAMP -> "date and time";
            case CHOICE -> "one of a list";
            case JIRA_SPRINT -> "a JIRA sprint id";
        };
    }

    private Node plain(String text) {
        if (text == null) {
            return muted(model.field().isWholeEntity() ? "not there" : "empty");
        }
        return flow(List.of(new WordDiff.Segment(WordDiff.Kind.SAME, text)));
    }

    private Node diffed(String reference, String shown) {
        if (shown == null) {
            Label absent = muted(model.field().isWholeEntity() ? "not there" : "empty");
            if (reference != null) {
                absent.getStyleClass().add("diff-removed");
            }
            return absent;
        }
        if (reference == null || reference.equals(shown)) {
            return flow(List.of(new WordDiff.Segment(reference == null ? WordDiff.Kind.ADDED : WordDiff.Kind.SAME, shown)));
        }
        if (model.kind() != Kind.TEXT && model.kind() != Kind.REQUIRED_TEXT || model.field().isWholeEntity()) {
            return flow(List.of(new WordDiff.Segment(WordDiff.Kind.ADDED, shown)));
        }
        return flow(WordDiff.diff(reference, shown));
    }

    /** Unchanged words as text that wraps; changed words as small highlighted labels, one per word so lines still break. */
    private static TextFlow flow(List<WordDiff.Segment> segments) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("value-flow");
        flow.setMinWidth(0);
        flow.setPrefWidth(0);
        for (WordDiff.Segment segment : segments) {
            if (segment.kind() == WordDiff.Kind.SAME) {
                Text text = new Text(segment.text());
                text.getStyleClass().add("value-text");
                flow.getChildren().add(text);
                continue;
            }
            for (String word : segment.text().split("(?<=\\s)(?=\\S)")) {
                Label mark = new Label(word);
                mark.getStyleClass().add(segment.kind() == WordDiff.Kind.ADDED ? "diff-added" : "diff-removed");
                flow.getChildren().add(mark);
            }
            if (segment.kind() == WordDiff.Kind.REMOVED) {
                flow.getChildren().add(new Text(" "));
            }
        }
        return flow;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("value-missing");
        return label;
    }
}
