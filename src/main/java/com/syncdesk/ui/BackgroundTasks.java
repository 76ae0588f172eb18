package com.syncdesk.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs database work off the JavaFX application thread and hands results back on it. The status bar
 * binds to {@link #runningProperty()} and {@link #messageProperty()}; failures go to the given handler
 * (usually an {@link ErrorDialogs error dialog}).
 */
public final class BackgroundTasks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("syncdesk-db-", 0).factory());
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /** Work that reports progress and can be cancelled. */
    public interface ProgressWork<T> {
        T run(Task<?> task, Progress progress) throws Exception;
    }

    /** Progress from inside background work, shown by the task's progress bar. */
    public interface Progress {
        void update(long done, long total, String message);

        boolean isCancelled();
    }

    public <T> Task<T> run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return run(title, (task, progress) -> work.call(), onSuccess, onFailure);
    }

    public <T> Task<T> run(String title, ProgressWork<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                Task<?> self = this;
                return work.run(this, new Progress() {
                    @Override
                    public void update(long done, long total, String text) {
                        updateProgress(done, total);
                        updateMessage(text);
                    }

                    @Override
                    public boolean isCancelled() {
                        return self.isCancelled();
                    }
                });
            }
        };
        task.setOnSucceeded(e -> {
            finished();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished();
            LOG.warn("{} failed", title, task.getException());
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(e -> finished());
        started(title);
        executor.execute(task);
        return task;
    }

    private void started(String title) {
        running.set(running.get() + 1);
        message.set(title + "…");
    }

    private void finished() {
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

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
