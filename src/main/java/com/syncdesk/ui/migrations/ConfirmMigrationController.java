package com.syncdesk.ui.migrations;

import java.util.List;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;

import com.syncdesk.ui.DialogSizing;
import com.syncdesk.ui.Dialogs;
import com.syncdesk.ui.Fxml;
import com.syncdesk.ui.Question;

/** The confirmation before an upgrade or downgrade: steps, "Show SQL", the data-loss report and the backup choice. */
public final class ConfirmMigrationController {

    @FXML
    private VBox root;
    @FXML
    private Label stepsIntro;
    @FXML
    private VBox stepList;
    @FXML
    private VBox notRestoredBox;
    @FXML
    private VBox notRestoredLines;
    @FXML
    private VBox lossBox;
    @FXML
    private VBox lossLines;
    @FXML
    private Label lossSummary;
    @FXML
    private VBox backupBox;
    @FXML
    private Label backupText;
    @FXML
    private CheckBox skipBackup;
    @FXML
    private ToggleButton showSql;
    @FXML
    private TextArea sqlArea;

    private ConfirmMigrationViewModel model;

    private Dialogs dialogs;

    /** Shows the confirmation without blocking; {@code onConfirm} runs only when the operator confirms. */
    static Dialog<ButtonType> show(Window owner, Dialogs dialogs, ConfirmMigrationViewModel model, Runnable onConfirm) {
        ConfirmMigrationController controller = Fxml.load("/com/syncdesk/ui/migrations/confirm-migration.fxml");
        controller.dialogs = dialogs;
        controller.bind(model);
        ButtonType confirm = new ButtonType(model.confirmText(), ButtonBar.ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("SyncDesk");
        dialog.setHeaderText(model.heading());
        dialog.setGraphic(new FontIcon(model.isDowngrade() ? "fth-arrow-down-circle" : "fth-arrow-up-circle"));
        dialog.getDialogPane().setContent(controller.root);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, confirm);
        dialog.getDialogPane().setId("migration-confirm");
        dialog.getDialogPane().setMinWidth(820);
        dialog.setResizable(true);
        Button confirmButton = (Button) dialog.getDialogPane().lookupButton(confirm);
        confirmButton.setId("confirm-migration");
        // A downgrade must not start from a stray Enter: there Cancel is the default button.
        confirmButton.setDefaultButton(!model.isDowngrade());
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(model.isDowngrade());
        if (model.isDowngrade() && model.losesData()) {
            confirmButton.getStyleClass().add("danger");
        }
        confirmButton.setDisable(model.isBlocked());
        DialogSizing.fitToScreen(dialog);
        dialog.setOnHidden(event -> {
            if (dialog.getResult() == confirm) {
                onConfirm.run();
            }
        });
        dialog.show();
        return dialog;
    }

    private void bind(ConfirmMigrationViewModel model) {
        this.model = model;
        stepsIntro.setText(model.stepsIntro());
        model.steps().forEach(step -> stepList.getChildren().add(new Label("• " + step)));
        boolean downgrade = model.isDowngrade();
        List<String> notRestored = model.notRestored();
        notRestoredBox.setVisible(!notRestored.isEmpty());
        notRestoredBox.setManaged(!notRestored.isEmpty());
        for (String line : notRestored) {
            Label label = new Label(line, new FontIcon("fth-alert-triangle"));
            label.setWrapText(true);
            label.setMinHeight(Label.USE_PREF_SIZE);
            label.getStyleClass().add("loss");
            notRestoredLines.getChildren().add(label);
        }
        lossBox.setVisible(downgrade);
        lossBox.setManaged(downgrade);
        for (ConfirmMigrationViewModel.LossLine line : model.lossLines()) {
            Label label = new Label(line.text());
            label.setWrapText(true);
            label.setMinHeight(Label.USE_PREF_SIZE);
            if (line.lossy()) {
                label.getStyleClass().add("loss");
                label.setGraphic(new FontIcon("fth-alert-triangle"));
            }
            lossLines.getChildren().add(label);
        }
        lossSummary.setText(model.lossSummary());
        if (model.losesData()) {
            lossSummary.getStyleClass().add("loss");
        }
        backupBox.setVisible(downgrade);
        backupBox.setManaged(downgrade);
        backupText.setText(model.backupText());
        skipBackup.setVisible(model.losesData());
        skipBackup.setManaged(model.losesData());
        skipBackup.selectedProperty().bindBidirectional(model.skipBackupProperty());
        skipBackup.setOnAction(event -> confirmSkip());
        sqlArea.setText(model.sql());
        sqlArea.visibleProperty().bind(showSql.selectedProperty());
        sqlArea.managedProperty().bind(showSql.selectedProperty());
        showSql.selectedProperty().addListener((obs, was, shown) -> {
            showSql.setText(shown ? "Hide SQL" : "Show SQL");
            if (root.getScene() != null) {
                root.getScene().getWindow().sizeToScene();
            }
        });
    }

    /** Declining the backup is asked once more, so it is never an accident. */
    private void confirmSkip() {
        if (skipBackup.isSelected() && !dialogs.ask(Question.of("skip-backup-confirm", "Downgrade without a backup?", model.skipWarning(),
                "Skip the backup"))) {
            skipBackup.setSelected(false);
        }
    }
}
