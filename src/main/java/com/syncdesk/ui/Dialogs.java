package com.syncdesk.ui;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The console's standard dialogs, as JabRef's {@code DialogService}: view-models ask through it, so
 * they test without a window ({@link FxDialogs} is the real one).
 */
public interface Dialogs {

    /** Asks without blocking; {@code onYes} runs when the operator agrees, with the notes typed (empty when none were asked). */
    void confirm(Question question, Consumer<String> onYes);

    /** Asks and waits for the answer, where the caller must know at once (closing the window). */
    boolean ask(Question question);

    /**
     * A failure in the operator's words: a refusal or input SyncDesk would not take as a warning that
     * nothing was changed; anything else as an error with its technical details folded away.
     */
    void failure(String title, Throwable failure);

    void info(String title, String text);

    /** A file to write, or empty when the operator cancelled. */
    Optional<Path> chooseFileToSave(String title, String initialName, String fileKind, String pattern);
}
