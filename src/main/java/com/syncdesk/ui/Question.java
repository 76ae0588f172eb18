package com.syncdesk.ui;

/**
 * A confirmation the operator answers: what is asked, what it does, and the words on its buttons.
 *
 * @param id      the dialog's id, for tests and stylesheets
 * @param yesId   the agreeing button's id
 * @param notesId when set, the dialog also asks for optional notes in a field of this id, under {@code notesPrompt}
 * @param details when set, text the operator may expand below the question
 */
public record Question(String id, String header, String text, String yes, String yesId, String no, String notesId, String notesPrompt,
                       String details) {

    public static Question of(String id, String header, String text, String yes) {
        return new Question(id, header, text, yes, id + "-yes", "Cancel", null, null, null);
    }

    public Question withYesId(String buttonId) {
        return new Question(id, header, text, yes, buttonId, no, notesId, notesPrompt, details);
    }

    public Question withNo(String label) {
        return new Question(id, header, text, yes, yesId, label, notesId, notesPrompt, details);
    }

    public Question withNotes(String fieldId, String prompt) {
        return new Question(id, header, text, yes, yesId, no, fieldId, prompt, details);
    }

    /** Long text the operator may expand below the question ("Show details"), such as the SQL a change runs. */
    public Question withDetails(String text) {
        return new Question(id, header, this.text, yes, yesId, no, notesId, notesPrompt, text);
    }
}
