package com.syncdesk.ui.history;

import java.util.EnumSet;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.syncdesk.app.Workspace;
import com.syncdesk.history.SyncHistoryFilter;
import com.syncdesk.history.SyncHistoryRow;
import com.syncdesk.persistence.Page;
import com.syncdesk.persistence.PageRequest;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.syncstate.SyncStatus;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.PageId;

/** The Sync History page's state: a status filter and one page of runs, newest first, paged in the database. */
public final class HistoryViewModel {

    public static final int PAGE_SIZE = 100;

    private final AppContext context;
    private final ObservableList<SyncStatus> statuses = FXCollections.observableArrayList();
    private final ObservableList<SyncHistoryRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(this, "hasNext");
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper(this, "hasPrevious");
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper(this, "pageText", "");
    private Page<SyncHistoryRow> page = Page.empty();
    private long firstRow;
    private long generation;
    private Consumer<Throwable> onFailure = failure -> { };

    public HistoryViewModel(AppContext context) {
        this.context = context;
    }

    public void setOnFailure(Consumer<Throwable> onFailure) {
        this.onFailure = onFailure;
    }

    public void firstPage() {
        load(PageRequest.first(PAGE_SIZE), 0);
    }

    public void nextPage() {
        if (page.hasNext()) {
            load(PageRequest.after(page.last(), PAGE_SIZE), firstRow + page.items().size());
        }
    }

    public void previousPage() {
        if (page.hasPrevious()) {
            load(PageRequest.before(page.first(), PAGE_SIZE), Math.max(0, firstRow - PAGE_SIZE));
        }
    }

    private void load(PageRequest request, long start) {
        Workspace workspace = context.workspace();
        if (workspace == null) {
            page = Page.empty();
            rows.clear();
            update(0);
            pageText.set("No database at the latest schema is open.");
            return;
        }
        SyncHistoryFilter filter = SyncHistoryFilter.all().withStatuses(statuses.isEmpty() ? null : EnumSet.copyOf(statuses));
        long ticket = ++generation;
        context.tasks().run("Loading the sync history", () -> workspace.history().page(filter, request), fetched -> {
            if (ticket == generation) {
                page = fetched;
                rows.setAll(fetched.items());
                update(fetched.hasPrevious() ? start : 0);
            }
        }, onFailure);
    }

    private void update(long start) {
        firstRow = start;
        hasNext.set(page.hasNext());
        hasPrevious.set(page.hasPrevious());
        pageText.set(rows.isEmpty() ? "No sync runs match" : String.format(Locale.ROOT, "Runs %,d–%,d of %,d",
                start + 1, start + rows.size(), page.total()));
    }

    /** Opens the Sync States page on the states of the run's batch; a run without a batch has none to show. */
    public void showStates(SyncHistoryRow run) {
        if (canShowStates(run)) {
            context.navigate(PageId.SYNC_STATES, SyncStateFilter.all().withBatch(run.batchId()));
        }
    }

    public static boolean canShowStates(SyncHistoryRow run) {
        return run != null && run.batchId() != null && !run.batchId().isBlank();
    }

    /** What the status filter shows while closed: the statuses chosen, or that any status will do. */
    public String statusTitle() {
        return statuses.isEmpty() ? "Any status" : String.join(", ", statuses.stream().sorted().map(SyncStatus::words).toList());
    }

    public ObservableList<SyncStatus> statuses() {
        return statuses;
    }

    public ObservableList<SyncHistoryRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty hasNextProperty() {
        return hasNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPreviousProperty() {
        return hasPrevious.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }
}
