package com.syncdesk.ui.conflicts;

import java.io.IOException;
import java.io.UncheckedIOException;

import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;

import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.shell.Page;

/**
 * The Conflicts page: what waits for a human, grouped by entity, with bulk resolution and the recent
 * resolutions. Shown with a sync-state id (from "Resolve conflict" elsewhere), it opens that entity's dialog.
 */
public final class ConflictsPage implements Page {

    private final Parent view;
    private final ConflictsController controller;
    private final ConflictsViewModel model;

    public ConflictsPage(AppContext context) {
        FXMLLoader loader = new FXMLLoader(ConflictsPage.class.getResource("/com/syncdesk/ui/conflicts/conflicts.fxml"));
        try {
            view = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        model = new ConflictsViewModel(context);
        controller = loader.getController();
        controller.init(context, model);
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void show(Object argument) {
        refresh();
        if (argument instanceof Long stateId) {
            controller.open(stateId);
        }
    }

    @Override
    public void refresh() {
        model.refresh();
    }

    @Override
    public void focusSearch() {
        controller.focusSearch();
    }
}
