package com.syncdesk.ui.syncstates;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.syncdesk.app.Failure;
import com.syncdesk.app.Texts;
import com.syncdesk.app.Workspace;
import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.Json;
import com.syncdesk.persistence.Page;
import com.syncdesk.persistence.PageRequest;
import com.syncdesk.persistence.Privileges;
import com.syncdesk.persistence.Privileges.Work;
import com.syncdesk.story.StoryEntry;
import com.syncdesk.syncstate.ActionCounts;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.Selection;
import com.syncdesk.syncstate.StateAction;
import com.syncdesk.syncstate.StoredConflicts;
import com.syncdesk.syncstate.SyncDirection;
import com.syncdesk.syncstate.SyncStateExport;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.syncstate.SyncStateRow;
import com.syncdesk.syncstate.SyncStateSort;
import com.syncdesk.syncstate.SyncStatus;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.PageId;
import com.syncdesk.ui.Question;
import com.syncdesk.ui.TaskRunner;
import com.syncdesk.ui.sync.SyncEntities;

/**
 * The Sync States page's state: the filter the bar edits, the sort, and one page of rows fetched from
 * the database with keyset cursors. Only the visible page is ever in memory.
 */
public final class SyncStatesViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SyncStatesViewModel.class);
    public static final int PAGE_SIZE = 100;

    /** What the actions apply to. */
    public enum Scope { SELECTED, MATCHING }

    /** One line of the detail pane: a caption and the value as shown; the status line shows a badge instead. */
    public record DetailLine(String caption, String value) {
    }

    /** What the detail pane shows of one sync state. */
    public record Detail(String title, SyncStateRow row, List<DetailLine> lines, String conflicts) {
    }

    /** How the line under the table reads: what an action did, or a problem. */
    public enum MessageKind { INFO, WARNING }

    /** One event of the selected state's story, worded: when (in the one timestamp style), what, who and the rest. */
    public record StoryLine(String when, StoryEntry.Kind kind, String what, String who, String detail) {
    }

    private final AppContext context;

    // the filter bar
    private final ObservableList<SyncStatus> statuses = FXCollections.observableArrayList();
    private final ObjectProperty<EntityType> type = new SimpleObjectProperty<>(this, "type");
    private final ObjectProperty<SyncDirection> direction = new SimpleObjectProperty<>(this, "direction");
    private final StringProperty batch = new SimpleStringProperty(this, "batch", "");
    private final BooleanProperty onlyOpenConflicts = new SimpleBooleanProperty(this, "onlyOpenConflicts");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");

    private SyncStateSort sort = SyncStateSort.DEFAULT;
    private final ObservableList<SyncStateRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(this, "total");
    private final ReadOnlyLongWrapper firstRow = new ReadOnlyLongWrapper(this, "firstRow");
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(this, "hasNext");
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper(this, "hasPrevious");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper(this, "pageText", "");
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(this, "scope", Scope.SELECTED);
    private final IntegerProperty selectedCount = new SimpleIntegerProperty(this, "selectedCount");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<MessageKind> messageKind = new ReadOnlyObjectWrapper<>(this, "messageKind", MessageKind.INFO);
    private final ObservableList<StoryLine> story = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper storyNote = new ReadOnlyStringWrapper(this, "storyNote", "");
    private long storyGeneration;
    private final ReadOnlyStringWrapper actionsRefusal = new ReadOnlyStringWrapper(this, "actionsRefusal", "");
    private final ReadOnlyStringWrapper resolveRefusal = new ReadOnlyStringWrapper(this, "resolveRefusal", "");
    private final ReadOnlyStringWrapper syncRefusal = new ReadOnlyStringWrapper(this, "syncRefusal", "");
    private SyncStateFilter appliedFilter = SyncStateFilter.all();

    private Page<SyncStateRow> page = Page.empty();
    private PageRequest currentRequest = PageRequest.first(PAGE_SIZE);
    private Position currentPosition = Position.FIRST;
    private long generation;
    private Workspace loadedFrom;
    private Consumer<Throwable> onFailure = failure -> { };

    public SyncStatesViewModel(AppContext context) {
        this.context = context;
        followPrivileges(context.privilegesProperty().get());
        context.privilegesProperty().addListener((obs, old, now) -> followPrivileges(now));
    }

    /** Retry, Skip, Reset errors and Resolve conflict are disabled, with the reason beside them, when the role may not do them. */
    private void followPrivileges(Privileges privileges) {
        actionsRefusal.set(privileges == null ? "" : privileges.refusal(Work.ACT_ON_STATES).orElse(""));
        resolveRefusal.set(privileges == null ? "" : privileges.refusal(Work.RESOLVE_CONFLICTS).orElse(""));
        syncRefusal.set(privileges == null ? "" : privileges.refusal(Work.SYNC).orElse(""));
    }

    public void setOnFailure(Consumer<Throwable> onFailure) {
        this.onFailure = onFailure;
    }

    /** The filter as the bar currently describes it. */
    public SyncStateFilter filter() {
        SyncStateFilter filter = SyncStateFilter.all()
                .withStatuses(statuses.toArray(SyncStatus[]::new))
                .withBatch(batch.get())
                .withText(text.get());
        if (type.get() != null) {
            filter = filter.withTypes(type.get());
        }
        if (direction.get() != null) {
            filter = filter.withDirections(direction.get());
        }
        return onlyOpenConflicts.get() ? filter.withOpenConflicts(true) : filter;
    }

    /**
     * Puts a filter into the bar (e.g. from a dashboard drill-down); the values the bar cannot show are dropped. The
     * scope goes back to the selected rows: a new filter must not leave "all matching" one click away.
     */
    public void setFilter(SyncStateFilter filter) {
        scope.set(Scope.SELECTED);
        statuses.setAll(filter.statuses());
        type.set(filter.types().size() == 1 ? filter.types().iterator().next() : null);
        direction.set(filter.directions().size() == 1 ? filter.directions().iterator().next() : null);
        batch.set(filter.batchId() == null ? "" : filter.batchId());
        onlyOpenConflicts.set(Boolean.TRUE.equals(filter.hasOpenConflicts()));
        text.set(filter.text() == null ? "" : filter.text());
    }

    /** "Clear filter": every sync state again, and the actions back on the selected rows. */
    public void clearFilter() {
        setFilter(SyncStateFilter.all());
    }

    /** Applies the filter bar: back to the first page of what it matches. */
    public void search() {
        appliedFilter = filter();
        firstPage();
    }

    public void sortBy(SyncStateSort newSort) {
        if (!newSort.equals(sort)) {
            sort = newSort;
            firstPage();
        }
    }

    public void firstPage() {
        load(PageRequest.first(PAGE_SIZE), Position.FIRST);
    }

    public void nextPage() {
        if (page.hasNext() && page.last() != null) {
            load(PageRequest.after(page.last(), PAGE_SIZE).withoutTotal(), Position.NEXT);
        }
    }

    public void previousPage() {
        if (page.hasPrevious() && page.first() != null) {
            load(PageRequest.before(page.first(), PAGE_SIZE).withoutTotal(), Position.PREVIOUS);
        }
    }

    /** The last page is the first page in the opposite order, turned round: no deep offset to scan. */
    public void lastPage() {
        load(PageRequest.first(PAGE_SIZE), Position.LAST);
    }

    /** Reloads what is shown; after a change of database, starts again from the first page of the filter. */
    public void refresh() {
        if (context.workspace() != loadedFrom) {
            search();
        } else {
            reload();
        }
    }

    /**
     * Reloads the page being shown (after an action, or F5): the same request again, so the operator stays
     * where they were, and the total counted afresh.
     */
    public void reload() {
        load(currentRequest.withTotal(), currentPosition, true);
    }

    private enum Position { FIRST, NEXT, PREVIOUS, LAST }

    private void load(PageRequest request, Position position) {
        load(request, position, false);
    }

    private void load(PageRequest request, Position position, boolean again) {
        Workspace workspace = context.workspace();
        loadedFrom = workspace;
        connected.set(workspace != null);
        if (workspace == null) {
            page = Page.empty();
            rows.clear();
            total.set(0);
            updatePaging(0);
            return;
        }
        SyncStateFilter filter = appliedFilter;
        SyncStateSort requested = position == Position.LAST ? new SyncStateSort(sort.column(), !sort.ascending()) : sort;
        long ticket = ++generation;
        // A new first page shows at once; its total (a count over every matching row) follows in a second task.
        boolean countLater = position == Position.FIRST && request.countTotal();
        PageRequest fetch = countLater ? request.withoutTotal() : request;
        context.tasks().run("Loading sync states", () -> {
            long started = System.nanoTime();
            Page<SyncStateRow> fetched = workspace.syncStates().page(filter, requested, fetch);
            LOG.debug("Sync states page ({}, {}) loaded in {} ms", position, requested, (System.nanoTime() - started) / 1_000_000);
            if (position != Position.LAST) {
                return fetched;
            }
            List<SyncStateRow> items = new ArrayList<>(fetched.items());
            Collections.reverse(items);
            return new Page<>(List.copyOf(items), fetched.total(), fetched.last(), fetched.first(), false, fetched.hasNext());
        }, fetched -> {
            if (ticket != generation) {
                return;
            }
            currentRequest = request;
            currentPosition = position;
            long start = again && position != Position.LAST ? firstRow.get() : switch (position) {
                case FIRST -> 0;
                case NEXT -> firstRow.get() + page.items().size();
                case PREVIOUS -> Math.max(0, firstRow.get() - fetched.items().size());
                case LAST -> Math.max(0, fetched.total() - fetched.items().size());
            };
            // Walking on through an unchanged filter does not recount: the total of the first page still holds.
            long known = fetched.total() >= 0 ? fetched.total() : countLater ? -1 : total.get();
            page = withTotal(fetched, known);
            total.set(known);
            rows.setAll(fetched.items());
            updatePaging(fetched.hasPrevious() ? start : 0);
            if (countLater) {
                countTotal(ticket, workspace, filter);
            }
        }, failure -> {
            if (ticket == generation) {
                onFailure.accept(failure);
            }
        });
    }

    private void countTotal(long ticket, Workspace workspace, SyncStateFilter filter) {
        context.tasks().run("Counting sync states", () -> workspace.syncStates().count(filter), counted -> {
            if (ticket == generation) {
                page = withTotal(page, counted);
                total.set(counted);
                updatePaging(firstRow.get());
            }
        }, failure -> {
            if (ticket == generation) {
                onFailure.accept(failure);
            }
        });
    }

    private static Page<SyncStateRow> withTotal(Page<SyncStateRow> page, long total) {
        return page.total() == total ? page : new Page<>(page.items(), total, page.first(), page.last(), page.hasNext(), page.hasPrevious());
    }

    private void updatePaging(long start) {
        firstRow.set(start);
        hasNext.set(page.hasNext());
        hasPrevious.set(page.hasPrevious());
        if (total.get() < 0) {
            pageText.set(rows.isEmpty() ? "No sync states match" : String.format("%,d–%,d · counting…", start + 1, start + rows.size()));
            return;
        }
        long pages = Math.max(1, (total.get() + PAGE_SIZE - 1) / PAGE_SIZE);
        long current = Math.min(pages, (start + PAGE_SIZE - 1) / PAGE_SIZE + 1);
        pageText.set(rows.isEmpty() ? "No sync states match" : String.format("%,d–%,d of %,d · page %,d/%,d",
                start + 1, start + rows.size(), total.get(), current, pages));
    }

    /** Whether Retry, Skip and Reset errors have something to act on, and the role may do them. */
    public boolean canAct(Scope scope, int selected) {
        return connected.get() && actionsRefusal.get().isEmpty() && (scope == Scope.SELECTED ? selected > 0 : total.get() > 0);
    }

    /** Whether "Sync now" can run the selected states: some selected, and a role that may sync. */
    public boolean maySyncNow(int selected) {
        return connected.get() && selected > 0 && syncRefusal.get().isEmpty();
    }

    /** "Sync this entity now": the Sync page runs the chosen states and shows the run and its summary. */
    public void syncNow(List<Long> stateIds) {
        if (!stateIds.isEmpty()) {
            context.navigate(PageId.SYNC, new SyncEntities(stateIds));
        }
    }

    /** Whether the role may resolve conflicts (the Resolve conflict button opens the dialog that does). */
    public boolean mayResolve() {
        return resolveRefusal.get().isEmpty();
    }

    /**
     * Asks first, naming the action, how many states it touches and how many it will leave alone and why, then runs
     * it on the chosen rows, or (with {@code ids} null) on everything matching the applied filter, counted afresh. An
     * action that can change none of them says so instead of asking; one on every state of an unfiltered table asks in
     * stronger words. Afterwards the page says what was done.
     */
    public void act(StateAction action, Collection<Long> ids) {
        Workspace workspace = context.workspace();
        SyncStateFilter filter = appliedFilter;
        Selection selection = ids != null ? Selection.ids(ids) : Selection.matching(filter);
        context.tasks().run("Counting sync states", () -> workspace.syncStates().preview(action, selection),
                counts -> confirmAndAct(action, counts, ids, filter, selection), onFailure);
    }

    private void confirmAndAct(StateAction action, ActionCounts counts, Collection<Long> ids, SyncStateFilter filter, Selection selection) {
        if (counts.matching() == 0) {
            say(MessageKind.WARNING, "No sync state matches any more; nothing was changed.");
            return;
        }
        String what = ids != null ? "the " + (ids.size() == 1 ? "selected sync state" : ids.size() + " selected sync states")
                : filter.isEmpty() ? "all " + Texts.count(counts.matching()) + " sync states" : "every sync state matching the filter ("
                + Texts.count(counts.matching()) + ")";
        if (counts.changeable() == 0) {
            String nothing = "Nothing to " + action.label().toLowerCase(Locale.ROOT) + ": of " + what + ", " + counts.leftAlone(action, false) + ".";
            say(MessageKind.WARNING, nothing + " Nothing was changed.");
            context.dialogs().info("Nothing to " + action.label().toLowerCase(Locale.ROOT), nothing + " Nothing was changed.");
            return;
        }
        String leftAlone = counts.leavesSomeAlone() ? " Only " + Texts.count(counts.changeable()) + " can change: "
                + counts.leftAlone(action, false) + ", and they are left alone." : "";
        boolean everything = ids == null && filter.isEmpty();
        Question question = everything
                ? Question.of("confirm-action", action.label() + " " + what + "? No filter is set.", "This changes EVERY sync state in "
                + "the database, not a selection: they will be " + action.effect() + "." + leftAlone
                + " The action is recorded in the audit log under your name (" + context.operator() + "). To act on some, set a filter "
                + "or choose \"Selected rows\".", action.label() + " all " + Texts.count(counts.changeable()))
                : Question.of("confirm-action", action.label() + " " + what + "?", "They will be " + action.effect() + "." + leftAlone
                + " The action is recorded in the audit log under your name (" + context.operator() + ").",
                action.label() + " " + Texts.count(counts.changeable()));
        context.dialogs().confirm(question, notes -> {
            Workspace workspace = context.workspace();
            String operator = context.operator();
            context.tasks().run(action.label() + " on sync states", () -> workspace.syncStates().apply(action, selection, operator),
                    result -> {
                        say(result.affected() == 0 ? MessageKind.WARNING : MessageKind.INFO, result.describe());
                        reload();
                    }, onFailure);
        });
    }

    /** What the line under the table says after an action or an export. */
    private void say(MessageKind kind, String text) {
        messageKind.set(kind);
        message.set(text);
    }

    /** Opens the conflict dialog of this sync state over this page; resolving it says so here and reloads the page. */
    public void resolveConflict(SyncStateRow row) {
        context.openConflict(row.id(), result -> {
            say(MessageKind.INFO, "Resolved " + Texts.count(result.closedConflicts(), "conflict") + " of " + title(row) + " ("
                    + result.strategy().words() + "); it is queued for the next sync.");
            reload();
        });
    }

    /** The entity's page in JIRA, when a JIRA site is known and the entity has what its URL needs. */
    public Optional<URI> jiraLink(SyncStateRow row) {
        return context.jiraLinks().browse(row.entityType(), row.label(), row.jiraId());
    }

    public void openInJira(SyncStateRow row) {
        jiraLink(row).ifPresent(context::browse);
    }

    /** Loads the selected state's story (null: none selected); an older request's answer is dropped. */
    public void showStory(SyncStateRow row) {
        long ticket = ++storyGeneration;
        story.clear();
        Workspace workspace = context.workspace();
        if (row == null || workspace == null) {
            storyNote.set("");
            return;
        }
        Texts texts = context.texts();
        storyNote.set("Loading…");
        context.tasks().run("Loading the story of " + title(row), () -> workspace.stories().story(row.id(), texts::timestamp), loaded -> {
            if (ticket != storyGeneration) {
                return;
            }
            story.setAll(loaded.entries().stream().map(e -> new StoryLine(texts.timestamp(e.at()), e.kind(), e.what(), e.who(), e.detail())).toList());
            storyNote.set(story.isEmpty() ? "Nothing recorded yet." : "Newest first. SyncDesk keeps each state's latest attempt; earlier "
                    + "ones show through the runs of its batch. An action on everything matching a filter records no ids and is not listed.");
        }, failure -> {
            if (ticket == storyGeneration) {
                storyNote.set("The story could not be loaded: " + Failure.of(failure).message());
            }
        });
    }

    /**
     * Exports every row matching the applied filter, in the current sort, to a CSV file the operator
     * chooses; the export use case writes beside it and moves the file into place when complete.
     */
    public Optional<TaskRunner.Running> export() {
        Optional<Path> chosen = context.dialogs().chooseFileToSave("Export the sync states matching the filter", "sync-states.csv",
                "CSV files", "*.csv");
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Path file = chosen.get();
        Workspace workspace = context.workspace();
        SyncStateFilter filter = appliedFilter;
        SyncStateSort order = sort;
        say(MessageKind.INFO, "Exporting to " + file + "…");
        return Optional.of(context.tasks().run("Exporting sync states to " + file.getFileName(), progress -> {
            long expected = workspace.syncStates().count(filter);
            progress.update(0, expected, "Exporting " + expected + " sync states");
            return new SyncStateExport(workspace.syncStates()).toFile(filter, order, SyncStateExport.Format.CSV, SyncStateExport.Cells.NEUTRALISED, file, rows -> {
                progress.update(Math.min(rows, expected), expected, Texts.count(Math.min(rows, expected)) + " of " + Texts.count(expected) + " rows written");
                return !progress.isCancelled();
            });
        }, rows -> say(MessageKind.INFO, "Exported " + Texts.count(rows, "sync state") + " to " + file + "."), failure -> {
            say(MessageKind.WARNING, "The export to " + file + " did not complete; nothing was written there.");
            onFailure.accept(failure);
        }));
    }

    /** Every field of a state as the detail pane shows it; unknown values and unreadable timestamps are shown as stored. */
    public Detail detail(SyncStateRow row) {
        Texts texts = context.texts();
        List<DetailLine> lines = List.of(
                new DetailLine("Id", String.valueOf(row.id())),
                new DetailLine("Entity type", enumText(row.entityType())),
                new DetailLine("Entity id", row.entityId()),
                new DetailLine("JIRA id", row.jiraId()),
                new DetailLine("Status", null),
                new DetailLine("Key or name", row.label()),
                new DetailLine("Error count", String.valueOf(row.errorCount())),
                new DetailLine("Last error", row.lastError()),
                new DetailLine("Last attempt", texts.timestamp(row.lastSyncAttempt())),
                new DetailLine("Next attempt", row.nextAttempt() == null ? null : texts.timestamp(row.nextAttempt())),
                new DetailLine("Parked", row.parkedAt() == null ? null : texts.timestamp(row.parkedAt())),
                new DetailLine("Last success", texts.timestamp(row.lastSuccessfulSync())),
                new DetailLine("Direction", enumText(row.direction())),
                new DetailLine("Batch", row.batchId()),
                new DetailLine("Content hash", row.contentHash()),
                new DetailLine("Local change", texts.timestamp(row.localModified())),
                new DetailLine("JIRA change", texts.timestamp(row.remoteModified())),
                new DetailLine("Resolution", row.resolutionStrategy() == null ? null : enumText(row.resolutionStrategy())),
                new DetailLine("Duration", row.durationMs() == null ? null : Texts.count(row.durationMs()) + " ms"),
                new DetailLine("API calls", String.valueOf(row.apiCalls())),
                new DetailLine("Open conflicts", String.valueOf(row.openConflicts())),
                new DetailLine("Row version", String.valueOf(row.rowVersion())),
                new DetailLine("Created", texts.timestamp(row.createdAt())),
                new DetailLine("Updated", texts.timestamp(row.updatedAt())));
        return new Detail(title(row), row, lines, prettyConflicts(row.conflictsJson()));
    }

    /** "issue PAY-12", or "issue 12" when the entity has no label. */
    static String title(SyncStateRow row) {
        return row.entityType().words() + " " + (row.label() != null ? row.label() : row.entityId());
    }

    private static String enumText(EnumValue<?> value) {
        return value.isKnown() ? value.words() : value.wire() + " (not a value this SyncDesk knows; shown as stored)";
    }

    /** Pretty-printed when it is JSON; otherwise the stored text as it is, with what is wrong with it. */
    static String prettyConflicts(String raw) {
        if (raw == null || raw.isBlank()) {
            return "No conflicts recorded.";
        }
        StoredConflicts parsed = StoredConflicts.parse(raw);
        try {
            String pretty = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.read(raw));
            return parsed.problem().map(p -> "Note: " + p + "\n\n" + pretty).orElse(pretty);
        } catch (JsonProcessingException e) {
            return "Stored text is " + parsed.problem().orElse("not valid JSON") + ":\n\n" + raw;
        }
    }

    public ObservableList<SyncStatus> statuses() {
        return statuses;
    }

    public ObjectProperty<EntityType> typeProperty() {
        return type;
    }

    public ObjectProperty<SyncDirection> directionProperty() {
        return direction;
    }

    public StringProperty batchProperty() {
        return batch;
    }

    public BooleanProperty onlyOpenConflictsProperty() {
        return onlyOpenConflicts;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    /** How many rows the table has selected; the scope's wording counts them. */
    public IntegerProperty selectedCountProperty() {
        return selectedCount;
    }

    /** The scope in words, with how many it means: "Selected rows (2)", "All matching (1,204)", "All 3,000 (no filter)". */
    public String scopeText(Scope value) {
        if (value == Scope.SELECTED) {
            return "Selected rows (" + Texts.count(selectedCount.get()) + ")";
        }
        String count = total.get() < 0 ? "…" : Texts.count(total.get());
        return appliedFilter.isEmpty() ? "All " + count + " (no filter)" : "All matching (" + count + ")";
    }

    /** What the status filter shows while closed: the statuses chosen, or that any status will do. */
    public String statusTitle() {
        return statuses.isEmpty() ? "Any status" : String.join(", ", statuses.stream().sorted().map(SyncStatus::words).toList());
    }

    /** Why the table is empty when no database at the latest schema is open: connecting, a schema behind, a failure. */
    public StringBinding availabilityProperty() {
        return context.availabilityProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MessageKind> messageKindProperty() {
        return messageKind.getReadOnlyProperty();
    }

    public ObservableList<StoryLine> story() {
        return story;
    }

    public ReadOnlyStringProperty storyNoteProperty() {
        return storyNote.getReadOnlyProperty();
    }

    public ObservableList<SyncStateRow> rows() {
        return rows;
    }

    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNextProperty() {
        return hasNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPreviousProperty() {
        return hasPrevious.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    /** Why Retry, Skip and Reset errors are disabled for this role; empty when it may use them. */
    public ReadOnlyStringProperty actionsRefusalProperty() {
        return actionsRefusal.getReadOnlyProperty();
    }

    /** Why Resolve conflict is disabled for this role; empty when it may resolve. */
    public ReadOnlyStringProperty resolveRefusalProperty() {
        return resolveRefusal.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty syncRefusalProperty() {
        return syncRefusal.getReadOnlyProperty();
    }
}
