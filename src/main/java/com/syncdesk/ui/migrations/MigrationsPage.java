package com.syncdesk.ui.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;

import javafx.fxml.FXMLLoader;
import javafx.scene.Node;

import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.shell.Page;

/** The Migrations page: schema version, migration list, upgrade, downgrade, validation and backups. */
public final class MigrationsPage implements Page {

    private final MigrationsViewModel model;
    private final MigrationsController controller;

    public MigrationsPage(AppContext context) {
        model = new MigrationsViewModel(context);
        FXMLLoader loader = new FXMLLoader(MigrationsPage.class.getResource("/com/syncdesk/ui/migrations/migrations.fxml"));
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("The migration panel's FXML is missing or broken", e);
        }
        controller = loader.getController();
        controller.init(context, model);
    }

    @Override
    public Node view() {
        return controller.root();
    }

    @Override
    public void refresh() {
        model.reload();
    }

    MigrationsViewModel model() {
        return model;
    }
}
