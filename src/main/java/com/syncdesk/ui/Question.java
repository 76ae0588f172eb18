package com.syncdesk.ui;

/**
 * A confirmation the operator answers: what is asked, what it does, and the words on its buttons.
 *
 * @param id      the dialog's id, for tests and stylesheets
 * @param yesId   the agreeing button's id
 * @param notesId when set, the dialog also asks for optional notes in a field of this id, under {@code notesPrompt}
 */
public record Question(String id, String header, String text, String yes, String yesId, String no, String notesId, String notesPrompt) {

    public static Question of(String id, String header, String text, String yes) {
        return new Question(id, header, text, yes, id + "-yes", "Cancel", null, null);
    }

    public Question withYesId(String buttonId) {
        return new Question(id, header, text, yes, buttonId, no, notesId, notesPrompt);
    }

    public Question withNo(String label) {
        return new Question(id, header, text, yes, yesId, label, notesId, notesPrompt);
    }

    public Question withNotes(String fieldId, String prompt) {
        return new Question(id, header, text, yes, yesId, no, fieldId, prompt);
    }
}
