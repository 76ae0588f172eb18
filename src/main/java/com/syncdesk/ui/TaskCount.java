package com.syncdesk.ui;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** What a {@link TaskRunner} tells the status bar: how many tasks run, and the title of the latest while any does. */
public final class TaskCount {

    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public void started(String title) {
        running.set(running.get() + 1);
        message.set(title + "…");
    }

    public void finished() {
        running.set(running.get() - 1);
        if (running.get() == 0) {
            message.set("");
        }
    }

    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
