package com.syncdesk.ui.syncstates;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.syncdesk.app.Texts;
import com.syncdesk.app.Workspace;
import com.syncdesk.persistence.EnumValue;
import com.syncdesk.persistence.Json;
import com.syncdesk.persistence.Page;
import com.syncdesk.persistence.PageRequest;
import com.syncdesk.persistence.Privileges;
import com.syncdesk.persistence.Privileges.Work;
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
    private final ReadOnlyStringWrapper actionsRefusal = new ReadOnlyStringWrapper(this, "actionsRefusal", "");
    private final ReadOnlyStringWrapper resolveRefusal = new ReadOnlyStringWrapper(this, "resolveRefusal", "");
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

    /** Puts a filter into the bar (e.g. from a dashboard drill-down); the values the bar cannot show are dropped. */
    public void setFilter(SyncStateFilter filter) {
        statuses.setAll(filter.statuses());
        type.set(filter.types().size() == 1 ? filter.types().iterator().next() : null);
        direction.set(filter.directions().size() == 1 ? filter.directions().iterator().next() : null);
        batch.set(filter.batchId() == null ? "" : filter.batchId());
        onlyOpenConflicts.set(Boolean.TRUE.equals(filter.hasOpenConflicts()));
        text.set(filter.text() == null ? "" : filter.text());
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

    /** Whether the role may resolve conflicts (the Resolve conflict button opens the dialog that does). */
    public boolean mayResolve() {
        return resolveRefusal.get().isEmpty();
    }

    /**
     * Asks first, naming the action and how many states it touches, then runs it on the chosen rows, or
     * (with {@code ids} null) on everything matching the applied filter, counted afresh for the question.
     */
    public void act(StateAction action, Collection<Long> ids) {
        Workspace workspace = context.workspace();
        if (ids != null) {
            confirmAndAct(action, ids.size(), "the " + (ids.size() == 1 ? "selected sync state" : ids.size() + " selected sync states"),
                    Selection.ids(ids));
            return;
        }
        SyncStateFilter filter = appliedFilter;
        context.tasks().run("Counting sync states", () -> workspace.syncStates().count(filter), n -> confirmAndAct(action, n,
                "every sync state matching the filter (" + Texts.count(n) + ")", Selection.matching(filter)), onFailure);
    }

    private void confirmAndAct(StateAction action, long count, String what, Selection selection) {
        if (count == 0) {
            return;
        }
        Question question = Question.of("confirm-action", action.label() + " " + what + "?", "They will be " + action.effect()
                + ". The action is recorded in the audit log under your name (" + context.operator() + ").", action.label() + " " + Texts.count(count));
        context.dialogs().confirm(question, notes -> {
            Workspace workspace = context.workspace();
            String operator = context.operator();
            context.tasks().run(action.label() + " on sync states", () -> workspace.syncStates().apply(action, selection, operator),
                    result -> reload(), onFailure);
        });
    }

    /** Opens the conflict of this sync state for resolution (the Conflicts page handles the id). */
    public void resolveConflict(SyncStateRow row) {
        context.navigate(PageId.CONFLICTS, row.id());
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
        return Optional.of(context.tasks().run("Exporting sync states to " + file.getFileName(), progress -> {
            long expected = workspace.syncStates().count(filter);
            progress.update(0, expected, "Exporting " + expected + " sync states");
            return new SyncStateExport(workspace.syncStates()).toFile(filter, order, SyncStateExport.Format.CSV, SyncStateExport.Cells.NEUTRALISED, file, rows -> {
                progress.update(Math.min(rows, expected), expected, Texts.count(Math.min(rows, expected)) + " of " + Texts.count(expected) + " rows written");
                return !progress.isCancelled();
            });
        }, rows -> { }, onFailure));
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
                new DetailLine("Error count", String.valueOf(row.errorCount())),
                new DetailLine("Last error", row.lastError()),
                new DetailLine("Last attempt", texts.timestamp(row.lastSyncAttempt())),
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
        return new Detail(row.entityType().wire() + " " + row.entityId(), row, lines, prettyConflicts(row.conflictsJson()));
    }

    private static String enumText(EnumValue<?> value) {
        return value.isKnown() ? value.wire() : value.wire() + " (not a value this SyncDesk knows; shown as stored)";
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
}
