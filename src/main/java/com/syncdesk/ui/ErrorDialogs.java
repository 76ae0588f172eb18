package com.syncdesk.ui;

import java.io.PrintWriter;
import java.io.StringWriter;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

import com.syncdesk.persistence.DatabaseException;

/** Failures in an operator's words, with the technical details folded away. */
public final class ErrorDialogs {

    private ErrorDialogs() {
    }

    /** The message an operator reads: SyncDesk's own explanation, else the deepest cause's message. */
    public static String operatorMessage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DatabaseException || t instanceof IllegalArgumentException) {
                return t.getMessage();
            }
        }
        Throwable deepest = failure;
        while (deepest.getCause() != null) {
            deepest = deepest.getCause();
        }
        return deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
    }

    public static Alert create(Window owner, String title, Throwable failure) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle("SyncDesk");
        alert.setHeaderText(title);
        alert.setContentText(operatorMessage(failure));
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
        alert.getDialogPane().setId("error-dialog");
        return alert;
    }

    public static void show(Window owner, String title, Throwable failure) {
        create(owner, title, failure).show();
    }
}
