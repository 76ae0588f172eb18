package com.syncdesk.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * Runs work off the UI thread and hands results back on it, as JabRef's {@code TaskExecutor} does: the
 * console uses {@link FxTaskRunner}, view-model tests {@link ImmediateTaskRunner}. The status bar binds
 * to {@link #runningProperty()} and {@link #messageProperty()}.
 */
public interface TaskRunner extends AutoCloseable {

    /** Work that reports progress and can be cancelled. */
    @FunctionalInterface
    interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** Progress from inside the work. */
    interface Progress {
        void update(long done, long total, String message);

        boolean isCancelled();
    }

    /** A task that was started: its progress for a bar and a message, and a way to cancel it. */
    interface Running {
        ReadOnlyDoubleProperty progressProperty();

        ReadOnlyStringProperty messageProperty();

        ReadOnlyBooleanProperty runningProperty();

        void cancel();

        /** Runs {@code action} on the UI thread once the task has stopped because it was cancelled. */
        void onCancelled(Runnable action);
    }

    <T> Running run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    default <T> Running run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return run(title, progress -> work.call(), onSuccess, onFailure);
    }

    /** Runs {@code action} on the UI thread, e.g. a step's log line reported by background work. */
    void onUiThread(Runnable action);

    /** How many tasks are running. */
    ReadOnlyIntegerProperty runningProperty();

    /** The title of the latest task while any runs, else empty. */
    ReadOnlyStringProperty messageProperty();

    @Override
    void close();
}
