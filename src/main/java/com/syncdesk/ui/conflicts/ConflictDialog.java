package com.syncdesk.ui.conflicts;

import java.net.URI;
import java.util.function.Consumer;

import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import com.syncdesk.app.JiraLinks;
import com.syncdesk.app.Texts;
import com.syncdesk.conflict.ConflictService;
import com.syncdesk.conflict.ResolutionResult;
import com.syncdesk.ui.DialogSizing;
import com.syncdesk.ui.Fxml;
import com.syncdesk.ui.TaskRunner;
import com.syncdesk.ui.Theme;

/** Opens the conflict dialog for one sync state in its own window, modal to the console. */
public final class ConflictDialog {

    private final Stage stage;
    private final ConflictDialogViewModel model;

    private ConflictDialog(Stage stage, ConflictDialogViewModel model) {
        this.stage = stage;
        this.model = model;
    }

    /**
     * @param links   where "Open in JIRA" leads
     * @param browser opens the JIRA page
     */
    public static ConflictDialog open(Window owner, Theme theme, TaskRunner tasks, ConflictService service, String operator,
                                      JiraLinks links, Consumer<URI> browser, long stateId, Consumer<ResolutionResult> onResolved) {
        ConflictDialogViewModel model = new ConflictDialogViewModel(tasks, service, operator, new ValueText(Texts.system()), stateId,
                links, browser);
        ConflictDialogController controller = Fxml.load("/com/syncdesk/ui/conflicts/conflict-dialog.fxml");
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle("Resolve conflict · SyncDesk");
        Scene scene = new Scene(controller.root());
        theme.style(scene);
        stage.setScene(scene);
        controller.init(model, result -> {
            stage.close();
            onResolved.accept(result);
        }, stage::close);
        stage.show();
        // Centred on its owner, a wide dialog can start left of the screen; it is moved and shrunk to stay fully visible.
        DialogSizing.keepOnScreen(stage);
        model.load();
        return new ConflictDialog(stage, model);
    }

    public Stage stage() {
        return stage;
    }

    public ConflictDialogViewModel model() {
        return model;
    }
}
