package com.syncdesk.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The console's real dialogs, but the file a save dialog would ask for comes from the test: a headless
 * run cannot show the platform's file chooser.
 */
public final class ScriptedDialogs implements Dialogs {

    private final Dialogs shown;
    private final Deque<Path> filesToSave = new ArrayDeque<>();

    public ScriptedDialogs(Dialogs shown) {
        this.shown = shown;
    }

    /** The next save dialog answers {@code file}. */
    public void chooseNext(Path file) {
        filesToSave.add(file);
    }

    @Override
    public void confirm(Question question, Consumer<String> onYes) {
        shown.confirm(question, onYes);
    }

    @Override
    public boolean ask(Question question) {
        return shown.ask(question);
    }

    @Override
    public void failure(String title, Throwable failure) {
        shown.failure(title, failure);
    }

    @Override
    public void info(String title, String text) {
        shown.info(title, text);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String initialName, String fileKind, String pattern) {
        return Optional.ofNullable(filesToSave.poll());
    }
}
