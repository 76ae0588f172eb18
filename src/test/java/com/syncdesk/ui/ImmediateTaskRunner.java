package com.syncdesk.ui;

import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs work at once on the calling thread, as JabRef's {@code CurrentThreadTaskExecutor} does: view-models
 * then test as plain objects, without a JavaFX toolkit, each call finished when it returns.
 */
public final class ImmediateTaskRunner implements TaskRunner {

    private final TaskCount count = new TaskCount();

    @Override
    public <T> Running run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Ended ended = new Ended();
        count.started(title);
        T result;
        try {
            result = work.run(new Progress() {
                @Override
                public void update(long done, long total, String text) {
                    ended.progress.set(total <= 0 ? -1 : (double) done / total);
                    ended.message.set(text);
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });
        } catch (Exception e) {
            count.finished();
            onFailure.accept(e);
            return ended;
        }
        count.finished();
        onSuccess.accept(result);
        return ended;
    }

    /** The handle of a task that has already ended by the time the caller holds it: there is nothing left to cancel. */
    private static final class Ended implements Running {
        private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
        private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
        private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);

        @Override
        public ReadOnlyDoubleProperty progressProperty() {
            return progress.getReadOnlyProperty();
        }

        @Override
        public ReadOnlyStringProperty messageProperty() {
            return message.getReadOnlyProperty();
        }

        @Override
        public ReadOnlyBooleanProperty runningProperty() {
            return active.getReadOnlyProperty();
        }

        @Override
        public void cancel() {
        }

        @Override
        public void onCancelled(Runnable action) {
        }
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    @Override
    public ReadOnlyIntegerProperty runningProperty() {
        return count.runningProperty();
    }

    @Override
    public ReadOnlyStringProperty messageProperty() {
        return count.messageProperty();
    }

    @Override
    public void close() {
    }
}
