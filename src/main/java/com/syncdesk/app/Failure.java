package com.syncdesk.app;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import com.syncdesk.jira.JiraFailure;
import com.syncdesk.jira.JiraRefusal;
import com.syncdesk.persistence.DatabaseException;

/**
 * A failure as the operator meets it, the same in the console and on the command line: whether SyncDesk
 * refused (and changed nothing), the input was wrong, or the work itself failed, and why in words.
 *
 * @param message SyncDesk's own explanation when it has one, else the failure's own message (the deepest cause's when it has none)
 */
public record Failure(Kind kind, String message) {

    public enum Kind {
        /** Refused because of the database's or JIRA's state; nothing was changed. */
        REFUSED,
        /** The operator's input (an option, a value, a target) was wrong; nothing was changed. */
        INVALID_INPUT,
        /** The work ran and failed. */
        FAILED
    }

    /** True when nothing was changed: a refusal or input SyncDesk would not take. */
    public boolean changedNothing() {
        return kind != Kind.FAILED;
    }

    public static Failure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DatabaseException e) {
                return new Failure(e.reason().isRefusal() ? Kind.REFUSED : Kind.FAILED, e.getMessage());
            }
            if (t instanceof JiraRefusal e) {
                return new Failure(Kind.REFUSED, e.getMessage());
            }
            if (t instanceof JiraFailure e) {
                // A refused secret or an address that is not JIRA will not get better by trying again; the rest may.
                boolean refused = e.kind() == JiraFailure.Kind.AUTH || e.kind() == JiraFailure.Kind.NOT_JIRA;
                return new Failure(refused ? Kind.REFUSED : Kind.FAILED, e.operatorMessage());
            }
            if (t instanceof IllegalArgumentException e) {
                return new Failure(Kind.INVALID_INPUT, e.getMessage());
            }
        }
        // File-system failures carry only the path as their message; say what went wrong with it.
        switch (failure) {
            case NoSuchFileException e -> {
                return new Failure(Kind.FAILED, "No such file or folder: " + e.getFile() + " (nothing was written there)");
            }
            case AccessDeniedException e -> {
                return new Failure(Kind.FAILED, "Permission denied: " + e.getFile());
            }
            case FileSystemException e -> {
                return new Failure(Kind.FAILED, "Cannot use " + e.getFile() + (e.getReason() == null ? "" : ": " + e.getReason()));
            }
            default -> { }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return new Failure(Kind.FAILED, t.getMessage());
            }
        }
        return new Failure(Kind.FAILED, failure.getClass().getSimpleName());
    }

    /** The message's first line, for one-line reports. */
    public String firstLine() {
        return message.lines().findFirst().orElse("");
    }
}
