package com.syncdesk.ui.conflicts;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncdesk.conflict.ConflictField;
import com.syncdesk.conflict.ConflictType;
import com.syncdesk.conflict.EntityFields.Field;
import com.syncdesk.conflict.EntityFields.Kind;
import com.syncdesk.conflict.EntityFields;
import com.syncdesk.conflict.FieldChoice.Side;
import com.syncdesk.conflict.FieldChoice;
import com.syncdesk.conflict.InvalidValueException;

/**
 * One conflicting field in the dialog: its three values, the operator's choice (none until made) and a
 * typed value. Like JabRef's three-way merge rows, it survives a reload of the detail, so a refresh
 * after someone else's change keeps what the operator chose and typed.
 */
public final class FieldRowViewModel {

    /** The words the dialog uses for a field, or for a whole entity deleted or created on one side. */
    public record Wording(String title, String summary, String localChoice, String remoteChoice) {
    }

    private final ValueText values;
    private final ReadOnlyObjectWrapper<ConflictField> field = new ReadOnlyObjectWrapper<>(this, "field");
    private final ObjectProperty<Side> choice = new SimpleObjectProperty<>(this, "choice");
    private final StringProperty customText = new SimpleStringProperty(this, "customText", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final Field column;

    FieldRowViewModel(ConflictField field, EntityFields.Table table, ValueText values) {
        this.values = values;
        this.field.set(field);
        this.column = table == null || field.isWholeEntity() ? null : table.field(field.name()).orElse(null);
        choice.addListener((obs, old, now) -> problem.set(null));
        customText.addListener((obs, old, now) -> {
            if (choice.get() == Side.CUSTOM) {
                problem.set(null);
            }
        });
    }

    public ReadOnlyObjectProperty<ConflictField> fieldProperty() {
        return field.getReadOnlyProperty();
    }

    public ConflictField field() {
        return field.get();
    }

    public String name() {
        return field.get().name();
    }

    /** Takes fresh values after a reload; the choice and the typed text stay. */
    void update(ConflictField fresh) {
        field.set(fresh);
    }

    public ObjectProperty<Side> choiceProperty() {
        return choice;
    }

    public StringProperty customTextProperty() {
        return customText;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    void markProblem(String message) {
        problem.set(message);
    }

    public Kind kind() {
        return column == null ? Kind.TEXT : column.kind();
    }

    /** A whole entity is resolved by keeping one side; only single fields take typed values. */
    public boolean canEdit() {
        return !field.get().isWholeEntity() && column != null;
    }

    /** Long free text gets a multi-line editor and a word diff; short values are marked as a whole. */
    public boolean isLongText() {
        return (kind() == Kind.TEXT || kind() == Kind.REQUIRED_TEXT) && (column == null || column.maxLength() == 0 || column.maxLength() > 200);
    }

    public boolean differs() {
        return field.get().differs();
    }

    public String format(JsonNode value) {
        if (field.get().isWholeEntity()) {
            return isAbsent(value) ? null : describeEntity(value);
        }
        return values.format(value, kind());
    }

    /** Chooses a side. Choosing "edit" for the first time starts from the value currently chosen, or SyncDesk's. */
    public void choose(Side side) {
        if (side == Side.CUSTOM && !canEdit()) {
            return;
        }
        if (side == Side.CUSTOM && customText.get().isEmpty()) {
            JsonNode start = choice.get() == Side.REMOTE ? field.get().remote() : field.get().local();
            String text = values.format(start, kind());
            customText.set(text == null ? "" : text);
        }
        choice.set(side);
    }

    public Wording wording() {
        ConflictField f = field.get();
        boolean localAbsent = isAbsent(f.local());
        boolean remoteAbsent = isAbsent(f.remote());
        if (f.type().is(ConflictType.DELETION_CONFLICT)) {
            if (remoteAbsent) {
                return new Wording("Deleted in JIRA", "Deleted in JIRA, changed in SyncDesk.", "Restore in JIRA", "Delete locally");
            }
            if (localAbsent) {
                return new Wording("Deleted in SyncDesk", "Deleted in SyncDesk, changed in JIRA.", "Delete in JIRA", "Restore locally");
            }
        }
        if (f.type().is(ConflictType.CREATION_CONFLICT)) {
            if (localAbsent) {
                return new Wording("Created in JIRA only", "Created in JIRA only, not in SyncDesk.", "Delete in JIRA", "Create locally");
            }
            if (remoteAbsent) {
                return new Wording("Created in SyncDesk only", "Created in SyncDesk only, not in JIRA.", "Create in JIRA", "Delete locally");
            }
        }
        if (f.isWholeEntity()) {
            return new Wording(f.type().words(), "Both sides differ on the whole entity.", "Keep SyncDesk's", "Take JIRA's");
        }
        return new Wording(title(f.name()), null, "Keep SyncDesk's", "Take JIRA's");
    }

    /** The operator's choice for the service, or why there is none yet. */
    FieldChoice toChoice() {
        Side side = choice.get();
        if (side == null) {
            throw new InvalidValueException(name(), "Choose a value: keep SyncDesk's, take JIRA's or edit one.");
        }
        return switch (side) {
            case LOCAL -> FieldChoice.local();
            case REMOTE -> FieldChoice.remote();
            case CUSTOM -> FieldChoice.custom(values.parse(customText.get(), kind()));
        };
    }

    /** Checks the chosen value against the column's rules; marks the field and answers false when it does not fit. */
    boolean validate() {
        try {
            FieldChoice chosen = toChoice();
            if (chosen.side() == Side.CUSTOM && kind() == Kind.TIMESTAMP && !chosen.customValue().isNull()
                    && !values.isTimestamp(chosen.customValue())) {
                // Said in the form the dialog shows, which it reads back; the service's own message only knows ISO-8601.
                throw new InvalidValueException(name(), title(name()) + " must be a date and time such as " + values.example(field.get().local())
                        + ", or 2026-03-01T09:00:00Z.");
            }
            if (column != null) {
                JsonNode value = switch (chosen.side()) {
                    case LOCAL -> field.get().local();
                    case REMOTE -> field.get().remote();
                    case CUSTOM -> chosen.customValue();
                };
                column.toColumnValue(name(), value);
            }
            problem.set(null);
            return true;
        } catch (InvalidValueException e) {
            problem.set(e.getMessage());
            return false;
        }
    }

    static String title(String name) {
        return EntityFields.label(name);
    }

    private static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    private String describeEntity(JsonNode value) {
        if (!value.isObject()) {
            return value.isValueNode() ? value.asText() : value.toPrettyString();
        }
        StringBuilder text = new StringBuilder();
        value.properties().forEach(e -> text.append(text.isEmpty() ? "" : "\n").append(title(e.getKey())).append(": ")
                .append(e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        return text.isEmpty() ? "(exists)" : text.toString();
    }
}
