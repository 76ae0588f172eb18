package com.syncdesk.ui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * The console's runner, with one addition for tests: background work can be held right after the UI has
 * shown something it reported (a step that started), as a slow step would hold it, until the test lets go.
 */
public final class PausingTaskRunner implements TaskRunner {

    private final FxTaskRunner runner = new FxTaskRunner();
    private volatile Pause pause;

    private record Pause(BooleanSupplier shown, CountDownLatch reached, CountDownLatch release) {
    }

    /**
     * The next time background work hands the UI something after which {@code shown} holds (read on the
     * UI thread), that work waits: {@code reached} counts down, and it goes on once {@code release} does.
     */
    public void pauseWhen(BooleanSupplier shown, CountDownLatch reached, CountDownLatch release) {
        pause = new Pause(shown, reached, release);
    }

    @Override
    public <T> Running run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return runner.run(title, work, onSuccess, onFailure);
    }

    @Override
    public void onUiThread(Runnable action) {
        Pause waiting = pause;
        if (waiting == null || Platform.isFxApplicationThread()) {
            runner.onUiThread(action);
            return;
        }
        CountDownLatch handled = new CountDownLatch(1);
        boolean[] holds = {false};
        runner.onUiThread(() -> {
            try {
                action.run();
                holds[0] = waiting.shown().getAsBoolean();
            } finally {
                handled.countDown();
            }
        });
        try {
            handled.await(30, TimeUnit.SECONDS);
            if (holds[0]) {
                pause = null;
                waiting.reached().countDown();
                waiting.release().await(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public ReadOnlyIntegerProperty runningProperty() {
        return runner.runningProperty();
    }

    @Override
    public ReadOnlyStringProperty messageProperty() {
        return runner.messageProperty();
    }

    @Override
    public void close() {
        runner.close();
    }
}
