package com.syncdesk.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A page that is not built yet: says so plainly instead of showing an empty area. */
public final class PlaceholderPage implements Page {

    private final VBox view;

    public PlaceholderPage(PageId id) {
        Label title = new Label(id.title());
        title.getStyleClass().add("title-2");
        view = new VBox(8, title, new Label("This page comes in a later version of SyncDesk."));
        view.setAlignment(Pos.CENTER);
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void refresh() {
    }
}
