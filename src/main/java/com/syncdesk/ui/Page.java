package com.syncdesk.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/** One page of the console: its view, and what it does when shown or asked to refresh. */
public interface Page {

    Node view();

    /** Called each time the page is shown; {@code argument} carries a navigation request's detail, or null. */
    default void show(Object argument) {
        refresh();
    }

    /** Reloads from the database in the background (F5). */
    void refresh();

    /** A count the sidebar shows beside the page's name (what waits there), or null when the page has none. */
    default ObservableValue<Number> badge() {
        return null;
    }

    /** Moves the keyboard focus to the page's search field (Ctrl+F), if it has one. */
    default void focusSearch() {
    }
}
