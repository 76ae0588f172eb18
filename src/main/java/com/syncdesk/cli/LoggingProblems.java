package com.syncdesk.cli;

import java.util.concurrent.atomic.AtomicBoolean;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;

/**
 * Logback's own troubles (a log folder that cannot be created, a full disk) said once, in one line, on
 * stderr: left to itself logback prints dozens of status lines to stdout, which breaks machine-readable
 * output such as {@code stats --json}. The command goes on without a log file.
 */
public final class LoggingProblems implements StatusListener {

    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @Override
    public void addStatusEvent(Status status) {
        if (status.getEffectiveLevel() >= Status.WARN && TOLD.compareAndSet(false, true)) {
            Throwable cause = status.getThrowable();
            System.err.println("syncdesk: logging is off for this run: " + status.getMessage().lines().findFirst().orElse("")
                    + (cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage().lines().findFirst().orElse("") + ")"));
        }
    }

    @Override
    public boolean isResetResistant() {
        return true;
    }
}
