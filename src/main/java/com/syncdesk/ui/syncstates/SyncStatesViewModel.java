package com.syncdesk.ui.syncstates;

import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
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
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.syncdesk.app.Workspace;
import com.syncdesk.persistence.Page;
import com.syncdesk.persistence.PageRequest;
import com.syncdesk.syncstate.ActionResult;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.Selection;
import com.syncdesk.syncstate.SyncDirection;
import com.syncdesk.syncstate.SyncStateExport;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.syncstate.SyncStateRow;
import com.syncdesk.syncstate.SyncStateService;
import com.syncdesk.syncstate.SyncStateSort;
import com.syncdesk.syncstate.SyncStatus;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.shell.PageId;

/**
 * The Sync States page's state: the filter the bar edits, the sort, and one page of rows fetched from
 * the database with keyset cursors. Only the visible page is ever in memory.
 */
public final class SyncStatesViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SyncStatesViewModel.class);
    public static final int PAGE_SIZE = 100;

    /** The operator actions on sync states. */
    public enum Action {
        RETRY("Retry", "back to pending, to be synced again"),
        SKIP("Skip", "marked skipped, left out of syncs"),
        RESET_ERRORS("Reset errors", "error count and last error cleared");

        private final String label;
        private final String effect;

        Action(String label, String effect) {
            this.label = label;
            this.effect = effect;
        }

        public String label() {
            return label;
        }

        public String effect() {
            return effect;
        }
    }

    private final AppContext context;

    // the filter bar
    private final ObservableList<SyncStatus> statuses = FXCollections.observableArrayList();
    private final ObjectProperty<EntityType> type = new SimpleObjectProperty<>(this, "type");
    private final ObjectProperty<SyncDirection> direction = new SimpleObjectProperty<>(this, "direction");
    private final StringProperty batch = new SimpleStringProperty(this, "batch", "");
    private final BooleanProperty onlyOpenConflicts = new SimpleBooleanProperty(this, "onlyOpenConflicts");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");

    private final ReadOnlyObjectWrapper<SyncStateSort> sort = new ReadOnlyObjectWrapper<>(this, "sort", SyncStateSort.DEFAULT);
    private final ObservableList<SyncStateRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(this, "total");
    private final ReadOnlyLongWrapper firstRow = new ReadOnlyLongWrapper(this, "firstRow");
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(this, "hasNext");
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper(this, "hasPrevious");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper(this, "pageText", "");
    private final ReadOnlyObjectWrapper<SyncStateFilter> appliedFilter = new ReadOnlyObjectWrapper<>(this, "appliedFilter", SyncStateFilter.all());

    private Page<SyncStateRow> page = Page.empty();
    private PageRequest currentRequest = PageRequest.first(PAGE_SIZE);
    private Position currentPosition = Position.FIRST;
    private long generation;
    private Workspace loadedFrom;
    private Consumer<Throwable> onFailure = failure -> { };

    public SyncStatesViewModel(AppContext context) {
        this.context = context;
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
        appliedFilter.set(filter());
        firstPage();
    }

    public void sortBy(SyncStateSort newSort) {
        if (!newSort.equals(sort.get())) {
            sort.set(newSort);
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
        SyncStateFilter filter = appliedFilter.get();
        SyncStateSort requested = position == Position.LAST ? new SyncStateSort(sort.get().column(), !sort.get().ascending()) : sort.get();
        long ticket = ++generation;
        loading.set(true);
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
            java.util.Collections.reverse(items);
            return new Page<>(List.copyOf(items), fetched.total(), fetched.last(), fetched.first(), false, fetched.hasNext());
        }, fetched -> {
            if (ticket != generation) {
                return;
            }
            loading.set(false);
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
                loading.set(false);
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

    /** How many sync states an action on everything matching the filter would touch (counted in the background). */
    public void countMatching(Consumer<Long> onCounted) {
        Workspace workspace = context.workspace();
        SyncStateFilter filter = appliedFilter.get();
        context.tasks().run("Counting sync states", () -> workspace.syncStates().count(filter), onCounted, onFailure);
    }

    /** Runs an action on the chosen rows, or (with {@code ids} null) on everything matching the applied filter. */
    public void act(Action action, Collection<Long> ids, Consumer<ActionResult> onDone) {
        Workspace workspace = context.workspace();
        Selection selection = ids == null ? Selection.matching(appliedFilter.get()) : Selection.ids(ids);
        String operator = context.operator();
        context.tasks().run(action.label() + " on sync states", () -> {
            SyncStateService service = workspace.syncStates();
            return switch (action) {
                case RETRY -> service.retry(selection, operator);
                case SKIP -> service.skip(selection, operator);
                case RESET_ERRORS -> service.resetErrors(selection, operator);
            };
        }, result -> {
            reload();
            onDone.accept(result);
        }, onFailure);
    }

    /** Opens the conflict of this sync state for resolution (the Conflicts page handles the id). */
    public void resolveConflict(SyncStateRow row) {
        context.navigate(PageId.CONFLICTS, row.id());
    }

    /**
     * Exports every row matching the applied filter, in the current sort, to a CSV file. Written next to the
     * target and moved into place, so a cancelled or failed export leaves no half file behind.
     */
    public Task<Long> export(Path file, Consumer<Long> onDone) {
        Workspace workspace = context.workspace();
        SyncStateFilter filter = appliedFilter.get();
        SyncStateSort order = sort.get();
        return context.tasks().run("Exporting sync states to " + file.getFileName(), (task, progress) -> {
            long expected = workspace.syncStates().count(filter);
            progress.update(0, expected, "Exporting " + expected + " sync states");
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            long written;
            try (Writer out = new RowCountingWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8), rowsDone -> {
                if (progress.isCancelled()) {
                    throw new InterruptedIOException("Export cancelled");
                }
                progress.update(Math.min(rowsDone, expected), expected, String.format("%,d of %,d rows written", Math.min(rowsDone, expected), expected));
            })) {
                written = new SyncStateExport(workspace.syncStates()).write(filter, order, SyncStateExport.Format.CSV, out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            return written;
        }, onDone, onFailure);
    }

    /** Counts CSV record ends (CRLF) as they are written, to report progress every thousand rows. */
    private static final class RowCountingWriter extends FilterWriter {
        interface Listener {
            void rows(long done) throws IOException;
        }

        private final Listener listener;
        private long lines;
        private char previous;

        RowCountingWriter(BufferedWriter out, Listener listener) {
            super(out);
            this.listener = listener;
        }

        @Override
        public void write(int c) throws IOException {
            count((char) c);
            super.write(c);
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                count(buffer[i]);
            }
            super.write(buffer, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                count(text.charAt(i));
            }
            super.write(text, offset, length);
        }

        private void count(char c) throws IOException {
            if (previous == '\r' && c == '\n') {
                lines++;
                if (lines % 1_000 == 0) {
                    // The first line is the header.
                    listener.rows(lines - 1);
                }
            }
            previous = c;
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

    public ReadOnlyObjectProperty<SyncStateSort> sortProperty() {
        return sort.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SyncStateFilter> appliedFilterProperty() {
        return appliedFilter.getReadOnlyProperty();
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

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }
}
