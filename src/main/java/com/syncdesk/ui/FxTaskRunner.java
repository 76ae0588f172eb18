package com.syncdesk.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs work on virtual threads through JavaFX {@link Task}s; results and failures arrive on the JavaFX thread. */
public final class FxTaskRunner implements TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);

    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("syncdesk-db-", 0).factory());
    private final TaskCount count = new TaskCount();

    @Override
    public <T> Running run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                Task<?> self = this;
                return work.run(new Progress() {
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
            count.finished();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            count.finished();
            LOG.warn("{} failed", title, task.getException());
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(e -> count.finished());
        count.started(title);
        executor.execute(task);
        return new Running() {
            @Override
            public ReadOnlyDoubleProperty progressProperty() {
                return task.progressProperty();
            }

            @Override
            public ReadOnlyStringProperty messageProperty() {
                return task.messageProperty();
            }

            @Override
            public ReadOnlyBooleanProperty runningProperty() {
                return task.runningProperty();
            }

            @Override
            public void cancel() {
                task.cancel();
            }

            @Override
            public void onCancelled(Runnable action) {
                // Beside the runner's own handler, which must still run.
                task.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, e -> action.run());
            }
        };
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
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
        executor.shutdownNow();
    }
}
