package com.syncdesk.ui.conflicts;

import java.util.Arrays;
import java.util.Set;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.syncdesk.app.Failure;
import com.syncdesk.app.Texts;
import com.syncdesk.app.Workspace;
import com.syncdesk.conflict.ConflictFilter;
import com.syncdesk.conflict.ConflictGroup;
import com.syncdesk.conflict.EntityFields;
import com.syncdesk.conflict.ResolutionResult;
import com.syncdesk.conflict.ResolvedConflict;
import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.Json;
import com.syncdesk.persistence.Page;
import com.syncdesk.persistence.PageRequest;
import com.syncdesk.persistence.Privileges;
import com.syncdesk.persistence.Privileges.Work;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.ResolutionStrategy;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.Question;

/** What the Conflicts page shows (waiting conflicts by entity, recent resolutions) and its commands. */
public final class ConflictsViewModel {

    /** Entities listed at once; the count above the table says how many match in all. */
    static final int PAGE_SIZE = 500;
    static final int RECENT_SIZE = 200;

    private final AppContext context;
    private final ValueText values;
    private final ObservableList<ConflictGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<ResolvedConflict> resolved = FXCollections.observableArrayList();
    private final ObjectProperty<EntityType> type = new SimpleObjectProperty<>(this, "type");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyLongWrapper openCount = new ReadOnlyLongWrapper(this, "openCount");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper resolveRefusal = new ReadOnlyStringWrapper(this, "resolveRefusal", "");
    private long generation;

    /** What a bulk resolution would touch, counted just before asking. */
    private record BulkCount(long conflicts, long entities) {
    }

    private record Loaded(Page<ConflictGroup> groups, long open, Page<ResolvedConflict> resolved) {
    }

    public ConflictsViewModel(AppContext context) {
        this.context = context;
        this.values = new ValueText(context.texts());
        followPrivileges(context.privilegesProperty().get());
        context.privilegesProperty().addListener((obs, old, now) -> followPrivileges(now));
    }

    private void followPrivileges(Privileges privileges) {
        resolveRefusal.set(privileges == null ? "" : privileges.refusal(Work.RESOLVE_CONFLICTS).orElse(""));
    }

    /** Why resolving is disabled for this role; empty when it may resolve. */
    public ReadOnlyStringProperty resolveRefusalProperty() {
        return resolveRefusal.getReadOnlyProperty();
    }

    public ObservableList<ConflictGroup> groups() {
        return groups;
    }

    public ObservableList<ResolvedConflict> resolved() {
        return resolved;
    }

    public ObjectProperty<EntityType> typeProperty() {
        return type;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyLongProperty openCountProperty() {
        return openCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ConflictFilter filter() {
        return new ConflictFilter(type.get() == null ? Set.of() : Set.of(type.get()), text.get());
    }

    public boolean isConnected() {
        return context.workspace() != null;
    }

    public void refresh() {
        Workspace workspace = context.workspace();
        if (workspace == null) {
            groups.clear();
            resolved.clear();
            openCount.set(0);
            summary.set(context.availabilityProperty().get());
            return;
        }
        ConflictFilter filter = filter();
        long request = ++generation;
        context.tasks().run("Loading conflicts", () -> new Loaded(
                workspace.conflicts().openConflicts(filter, PageRequest.first(PAGE_SIZE)),
                workspace.conflicts().countOpen(filter),
                workspace.conflicts().recentlyResolved(PageRequest.first(RECENT_SIZE))), loaded -> {
            // A slower, older load must not overwrite a newer filter's result.
            if (request != generation) {
                return;
            }
            groups.setAll(loaded.groups().items());
            resolved.setAll(loaded.resolved().items());
            openCount.set(loaded.open());
            long entities = loaded.groups().total();
            summary.set(loaded.open() == 0 ? "No conflicts wait" + (filter.equals(ConflictFilter.all()) ? "." : " that match the filter.")
                    : Texts.count(loaded.open(), "conflict") + " wait" + (loaded.open() == 1 ? "s" : "") + " in " + Texts.count(entities, "entity")
                    + (entities > groups.size() ? " (showing the first " + groups.size() + ")" : "") + ".");
        }, failure -> {
            if (request == generation) {
                summary.set("Conflicts could not be loaded: " + Failure.of(failure).message());
            }
        });
    }

    /**
     * Resolves everything the filter matches with one side, after a confirmation that names what it counted
     * afresh in the database and what the side means, with optional notes kept with every resolution.
     */
    public void resolveAll(ResolutionStrategy strategy) {
        Workspace workspace = context.workspace();
        ConflictFilter filter = filter();
        context.tasks().run("Counting conflicts", () -> new BulkCount(workspace.conflicts().countOpen(filter),
                workspace.conflicts().openConflicts(filter, PageRequest.first(1)).total()), count -> {
            if (count.conflicts() == 0) {
                return;
            }
            boolean jira = strategy == ResolutionStrategy.JIRA_WINS;
            Question question = Question.of("bulk-confirmation", "Resolve " + Texts.count(count.conflicts(), "conflict") + " in "
                            + Texts.count(count.entities(), "entity") + ": " + (jira ? "JIRA wins" : "local wins") + "?",
                    jira ? "JIRA's value replaces SyncDesk's in every field of every matching entity. An entity deleted in JIRA is deleted here."
                            : "SyncDesk keeps its values, and the next sync pushes them to JIRA.",
                    jira ? "Resolve: JIRA wins" : "Resolve: local wins").withNotes("bulk-notes", "Notes (optional), kept with every resolution");
            context.dialogs().confirm(question, notes -> resolveAll(workspace, filter, strategy, notes));
        }, failure -> context.dialogs().failure("Conflicts could not be counted", failure));
    }

    private void resolveAll(Workspace workspace, ConflictFilter filter, ResolutionStrategy strategy, String notes) {
        status.set("Resolving…");
        context.tasks().run("Resolving conflicts in bulk", () -> workspace.conflicts().resolveAll(filter, strategy,
                notes.isBlank() ? null : notes.strip(), context.operator()), result -> {
            status.set(describe(result));
            refresh();
        }, failure -> {
            status.set("");
            context.dialogs().failure("Bulk resolution failed", failure);
        });
    }

    public void resolvedOne(ResolutionResult result) {
        status.set("Resolved " + Texts.count(result.closedConflicts(), "conflict") + " (" + result.strategy().words() + ").");
        refresh();
    }

    static String describe(ResolutionResult result) {
        String text = "Resolved " + Texts.count(result.closedConflicts(), "conflict") + " in " + Texts.count(result.states(), "entity") + " ("
                + result.strategy().words() + ").";
        if (result.skippedStates() > 0) {
            text += " " + Texts.count(result.skippedStates(), "entity") + " left open: a JIRA value does not fit there; resolve "
                    + (result.skippedStates() == 1 ? "it" : "them") + " one by one.";
        }
        return text;
    }

    /** A resolution's value as the operator reads it: a date or number of its field in their locale, text without quotes. */
    String resolvedValue(ResolvedConflict resolved) {
        if (resolved.resolvedValue() == null) {
            return "";
        }
        JsonNode value;
        try {
            value = Json.read(resolved.resolvedValue());
        } catch (JsonProcessingException notJson) {
            return resolved.resolvedValue();
        }
        EntityFields.Kind kind = resolved.entityType().value().flatMap(type -> EntityFields.table(type).field(resolved.field()))
                .map(EntityFields.Field::kind).orElse(EntityFields.Kind.TEXT);
        String text = values.format(value, kind);
        return text == null ? "(empty)" : text;
    }

    /** A list of field names as the operator reads them: "story_points, assignee" is "Story points, Assignee". */
    static String fieldWords(String names) {
        return names == null ? "" : String.join(", ", Arrays.stream(names.split(",\\s*")).map(EntityFields::label).toList());
    }

    /** Strategy wire values in plain words; a value another client wrote is shown as stored. */
    static String strategyText(String wire) {
        return wire == null ? "" : EnumValue.parse(ResolutionStrategy.class, wire).words();
    }
}
