package com.syncdesk.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.syncdesk.app.Failure;

/** Dialogs for view-model tests: every question and message is recorded, and answered as the test said. */
public final class RecordingDialogs implements Dialogs {

    /** A message the view-model showed: its kind ("info", "refusal", "error"), title and text. */
    public record Shown(String kind, String title, String text) {
    }

    public final List<Question> questions = new ArrayList<>();
    public final List<Shown> shown = new ArrayList<>();
    private final Deque<Path> filesToSave = new ArrayDeque<>();
    private boolean agree = true;
    private String notes = "";

    /** How the next questions are answered: agreeing (with these notes) or declining. */
    public RecordingDialogs answer(boolean yes, String typedNotes) {
        agree = yes;
        notes = typedNotes;
        return this;
    }

    public RecordingDialogs chooseNext(Path file) {
        filesToSave.add(file);
        return this;
    }

    public Question lastQuestion() {
        return questions.getLast();
    }

    @Override
    public void confirm(Question question, Consumer<String> onYes) {
        questions.add(question);
        if (agree) {
            onYes.accept(notes);
        }
    }

    @Override
    public boolean ask(Question question) {
        questions.add(question);
        return agree;
    }

    @Override
    public void failure(String title, Throwable failure) {
        Failure explained = Failure.of(failure);
        shown.add(new Shown(explained.changedNothing() ? "refusal" : "error", title, explained.message()));
    }

    @Override
    public void info(String title, String text) {
        shown.add(new Shown("info", title, text));
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String initialName, String fileKind, String pattern) {
        return Optional.ofNullable(filesToSave.poll());
    }
}
