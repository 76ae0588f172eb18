package com.syncdesk.ui;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import com.syncdesk.app.Failure;

/** The console's dialogs as JavaFX alerts, owned by the main window. */
public final class FxDialogs implements Dialogs {

    private final Supplier<Window> owner;

    private static final int LONG_TEXT_LINES = 15;

    public FxDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void confirm(Question question, Consumer<String> onYes) {
        Prepared prepared = prepare(question);
        prepared.alert().setOnHidden(event -> {
            if (prepared.alert().getResult() == prepared.yes()) {
                onYes.accept(prepared.notes() == null ? "" : prepared.notes().getText());
            }
        });
        prepared.alert().show();
    }

    @Override
    public boolean ask(Question question) {
        Prepared prepared = prepare(question);
        return prepared.alert().showAndWait().orElse(ButtonType.CANCEL) == prepared.yes();
    }

    private record Prepared(Alert alert, ButtonType yes, TextField notes) {
    }

    private Prepared prepare(Question question) {
        ButtonType yes = new ButtonType(question.yes(), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = question.no().equals(ButtonType.CANCEL.getText()) ? ButtonType.CANCEL
                : new ButtonType(question.no(), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, question.id(), question.header());
        alert.getButtonTypes().setAll(yes, no);
        ((Button) alert.getDialogPane().lookupButton(yes)).setId(question.yesId());
        if (question.details() != null) {
            TextArea details = new TextArea(question.details());
            details.setId(question.id() + "-details");
            details.setEditable(false);
            details.getStyleClass().add("sql-preview");
            details.setPrefRowCount(18);
            alert.getDialogPane().setExpandableContent(details);
        }
        if (question.notesId() == null && question.text().lines().count() > LONG_TEXT_LINES) {
            // A long report scrolls inside the dialog, so the dialog stays within the screen and its buttons in reach.
            Label text = new Label(question.text());
            text.setWrapText(true);
            ScrollPane scroll = new ScrollPane(text);
            scroll.setFitToWidth(true);
            scroll.setPrefViewportHeight(360);
            scroll.setPrefViewportWidth(640);
            alert.getDialogPane().setContent(scroll);
            return new Prepared(alert, yes, null);
        }
        if (question.notesId() == null) {
            text(alert, question.text());
            return new Prepared(alert, yes, null);
        }
        Label text = new Label(question.text());
        text.setWrapText(true);
        TextField notes = new TextField();
        notes.setId(question.notesId());
        notes.setPromptText(question.notesPrompt());
        VBox content = new VBox(8, text, notes);
        content.setPrefWidth(480);
        alert.getDialogPane().setContent(content);
        DialogSizing.fitToScreen(alert);
        return new Prepared(alert, yes, notes);
    }

    @Override
    public void failure(String title, Throwable failure) {
        Failure explained = Failure.of(failure);
        if (explained.changedNothing()) {
            Alert alert = alert(Alert.AlertType.WARNING, "refusal-dialog", title + ": nothing was changed");
            text(alert, explained.message());
            alert.show();
            return;
        }
        Alert alert = alert(Alert.AlertType.ERROR, "error-dialog", title);
        text(alert, explained.message());
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setEditable(false);
        details.setWrapText(false);
        details.setPrefRowCount(14);
        GridPane.setVgrow(details, Priority.ALWAYS);
        GridPane.setHgrow(details, Priority.ALWAYS);
        GridPane expandable = new GridPane();
        expandable.add(new Label("Technical details (for a support request):"), 0, 0);
        expandable.add(details, 0, 1);
        alert.getDialogPane().setExpandableContent(expandable);
        alert.show();
    }

    @Override
    public void info(String title, String text) {
        Alert alert = alert(Alert.AlertType.INFORMATION, "info-dialog", title);
        text(alert, text);
        alert.show();
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String initialName, String fileKind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(initialName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(fileKind, pattern));
        File file = chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }

    /**
     * The message as wrapping text in a pane that scrolls when it is longer than the screen; the content text is kept
     * too, for whoever reads the dialog's text.
     */
    private static void text(Alert alert, String text) {
        alert.setContentText(text);
        Label label = new Label(text);
        label.setWrapText(true);
        label.setPrefWidth(520);
        label.setMinHeight(Label.USE_PREF_SIZE);
        label.getStyleClass().add("dialog-text");
        alert.getDialogPane().setContent(label);
        DialogSizing.fitToScreen(alert);
    }

    private Alert alert(Alert.AlertType type, String id, String header) {
        Alert alert = new Alert(type);
        alert.initOwner(owner.get());
        alert.setTitle("SyncDesk");
        alert.setHeaderText(header);
        alert.getDialogPane().setId(id);
        return alert;
    }
}
