package com.syncdesk.ui.conflicts;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.syncdesk.app.Failure;
import com.syncdesk.app.JiraLinks;
import com.syncdesk.conflict.ConflictDetail;
import com.syncdesk.conflict.ConflictService;
import com.syncdesk.conflict.EntityFields;
import com.syncdesk.conflict.FieldChoice.Side;
import com.syncdesk.conflict.FieldChoice;
import com.syncdesk.conflict.InvalidValueException;
import com.syncdesk.conflict.ResolutionResult;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.StoredInstant;
import com.syncdesk.syncstate.SyncStateRow;
import com.syncdesk.ui.TaskRunner;

/**
 * The conflict dialog's state and commands: loads one entity's open conflicts, keeps a row per field,
 * and applies the operator's choices in the background. The only class of the dialog that calls the
 * service.
 */
public final class ConflictDialogViewModel {

    /** How the line under the fields reads: a hint, a success or a problem. */
    public enum MessageKind { INFO, ERROR }

    private final TaskRunner tasks;
    private final ConflictService service;
    private final String operator;
    private final ValueText values;
    private final long stateId;
    private final JiraLinks links;
    private final Consumer<URI> browser;

    private final ObservableList<FieldRowViewModel> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ConflictDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Loading…");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper(this, "subtitle", "");
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
    private final BooleanProperty onlyDiffering = new SimpleBooleanProperty(this, "onlyDiffering", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<MessageKind> messageKind = new ReadOnlyObjectWrapper<>(this, "messageKind", MessageKind.INFO);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", true);
    private final ReadOnlyObjectWrapper<URI> jiraLink = new ReadOnlyObjectWrapper<>(this, "jiraLink");
    private final ReadOnlyObjectWrapper<FieldRowViewModel> attention = new ReadOnlyObjectWrapper<>(this, "attention");
    private final BooleanBinding canApply;

    /**
     * @param links   where the entity is seen in JIRA, when a JIRA site is known
     * @param browser opens a web page
     */
    public ConflictDialogViewModel(TaskRunner tasks, ConflictService service, String operator, ValueText values, long stateId,
                                   JiraLinks links, Consumer<URI> browser) {
        this.tasks = tasks;
        this.service = service;
        this.operator = operator;
        this.values = values;
        this.stateId = stateId;
        this.links = links;
        this.browser = browser;
        canApply = Bindings.createBooleanBinding(() -> !busy.get() && !rows.isEmpty(), busy, rows);
    }

    public ObservableList<FieldRowViewModel> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<ConflictDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public BooleanProperty onlyDifferingProperty() {
        return onlyDiffering;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MessageKind> messageKindProperty() {
        return messageKind.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canApplyProperty() {
        return canApply;
    }

    /** The entity's page in JIRA, or null when no JIRA site is known or the entity lacks a key or JIRA id. */
    public ReadOnlyObjectProperty<URI> jiraLinkProperty() {
        return jiraLink.getReadOnlyProperty();
    }

    public void openInJira() {
        if (jiraLink.get() != null) {
            browser.accept(jiraLink.get());
        }
    }

    /** The field the operator must look at now (the first refused one), so the view brings it into sight and focus. */
    public ReadOnlyObjectProperty<FieldRowViewModel> attentionProperty() {
        return attention.getReadOnlyProperty();
    }

    public void load() {
        busy.set(true);
        tasks.run("Loading conflict", () -> service.detail(stateId), this::show, failure -> {
            busy.set(false);
            say(MessageKind.ERROR, "The conflict could not be loaded: " + Failure.of(failure).message());
        });
    }

    /** Shows a (re)loaded detail; rows of fields that are still open keep their choice and typed value. */
    private void show(ConflictDetail loaded) {
        Map<String, FieldRowViewModel> previous = new LinkedHashMap<>();
        rows.forEach(r -> previous.put(r.name(), r));
        EntityFields.Table table = loaded.state().entityType().value().map(EntityFields::table).orElse(null);
        List<FieldRowViewModel> fresh = loaded.fields().stream().map(f -> {
            FieldRowViewModel kept = previous.get(f.name());
            if (kept != null) {
                kept.update(f);
                return kept;
            }
            return new FieldRowViewModel(f, table, values);
        }).toList();
        rows.setAll(fresh);
        detail.set(loaded);
        SyncStateRow state = loaded.state();
        title.set(FieldRowViewModel.title(state.entityType().words()) + " " + loaded.label());
        jiraLink.set(links.browse(state.entityType(), state.label(), state.jiraId()).orElse(null));
        subtitle.set(String.join("  ·  ", List.of(
                "JIRA id " + Optional.ofNullable(state.jiraId()).orElse("none"),
                "Local id " + state.entityId(),
                "Last successful sync " + lastSync(state.lastSuccessfulSync()),
                fresh.size() == 1 ? "1 field in conflict" : fresh.size() + " fields in conflict")));
        busy.set(false);
        if (fresh.isEmpty()) {
            say(MessageKind.ERROR, "Nothing waits here any more: someone resolved these conflicts meanwhile.");
        }
    }

    private String lastSync(StoredInstant instant) {
        if (instant == null) {
            return "never";
        }
        return instant.isReadable() ? values.format(instant.instant()) : instant.raw();
    }

    public void takeAllRemote() {
        rows.forEach(r -> r.choose(Side.REMOTE));
    }

    public void keepAllLocal() {
        rows.forEach(r -> r.choose(Side.LOCAL));
    }

    /**
     * Checks every field, then resolves in the background. A refused value marks its field; a change by
     * someone else reloads the detail and keeps every choice, typed value and the notes.
     */
    public void apply(Consumer<ResolutionResult> onResolved) {
        if (busy.get() || detail.get() == null) {
            return;
        }
        boolean valid = true;
        for (FieldRowViewModel row : rows) {
            valid &= row.validate();
        }
        if (!valid) {
            say(MessageKind.ERROR, "Some fields need your attention; they are marked in red. Nothing was changed.");
            lookAt(rows.stream().filter(r -> r.problemProperty().get() != null).findFirst().orElse(null));
            return;
        }
        Map<String, FieldChoice> choices = new LinkedHashMap<>();
        rows.forEach(r -> choices.put(r.name(), r.toChoice()));
        int rowVersion = detail.get().state().rowVersion();
        String typedNotes = notes.get() == null || notes.get().isBlank() ? null : notes.get().strip();
        busy.set(true);
        say(MessageKind.INFO, "Applying…");
        tasks.run("Resolving conflict", () -> service.resolve(stateId, rowVersion, choices, typedNotes, operator), result -> {
            busy.set(false);
            say(MessageKind.INFO, "Resolved.");
            onResolved.accept(result);
        }, this::failed);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        if (failure instanceof InvalidValueException invalid) {
            Optional<FieldRowViewModel> row = rows.stream().filter(r -> r.name().equals(invalid.field())).findFirst();
            row.ifPresent(r -> r.markProblem(invalid.getMessage()));
            say(MessageKind.ERROR, row.isPresent() ? "A value does not fit; it is marked in red. Nothing was changed."
                    : invalid.getMessage() + " Nothing was changed.");
            row.ifPresent(this::lookAt);
        } else if (failure instanceof DatabaseException database && database.reason() == DatabaseException.Reason.STALE_DATA) {
            say(MessageKind.ERROR, "This entity was changed by someone else while you were deciding. Nothing was changed. "
                    + "SyncDesk reloaded it and kept your choices, typed values and notes: check them and apply again.");
            busy.set(true);
            tasks.run("Reloading conflict", () -> service.detail(stateId), this::show, reload -> {
                busy.set(false);
                say(MessageKind.ERROR, "This entity was changed by someone else, and reloading it failed: "
                        + Failure.of(reload).message());
            });
        } else {
            say(MessageKind.ERROR, "Resolving failed; nothing was changed. " + Failure.of(failure).message());
        }
    }

    /** Asks the view to show {@code row} again even when it was the last one asked for. */
    private void lookAt(FieldRowViewModel row) {
        attention.set(null);
        attention.set(row);
    }

    private void say(MessageKind kind, String text) {
        messageKind.set(kind);
        message.set(text);
    }
}
