package com.syncdesk.ui;

import java.nio.file.Path;

import com.syncdesk.persistence.AppDirectories;
import com.syncdesk.persistence.ConnectionTarget;

/**
 * The console's context without a window or a JavaFX toolkit, for view-model tests: background work runs
 * at once on the test's thread, dialogs are recorded. A view-model call has finished when it returns.
 */
public final class PlainConsole implements AutoCloseable {

    public final RecordingDialogs dialogs = new RecordingDialogs();
    public final AppContext context;

    public PlainConsole(Path home) {
        System.setProperty(AppDirectories.HOME_PROPERTY, home.toString());
        context = new AppContext(new Settings(), new ImmediateTaskRunner(), dialogs);
    }

    /** Connects as the console does; a failure fails the test. */
    public PlainConsole connect(ConnectionTarget target) {
        context.connect(target, () -> { }, failure -> {
            throw new AssertionError("Could not connect to " + target.describe(), failure);
        });
        return this;
    }

    @Override
    public void close() {
        context.close();
        System.clearProperty(AppDirectories.HOME_PROPERTY);
    }
}
