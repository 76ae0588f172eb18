package com.syncdesk.ui.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.syncdesk.app.Texts;
import com.syncdesk.app.Workspace;
import com.syncdesk.audit.AuditFilter;
import com.syncdesk.audit.AuditRow;
import com.syncdesk.audit.AuditService;
import com.syncdesk.persistence.Page;
import com.syncdesk.persistence.PageRequest;
import com.syncdesk.ui.AppContext;

/**
 * The Audit Log page's state: who did what, when and to how many sync states, newest first; filtered by time, operator
 * and action and paged in the database by {@link AuditService}.
 */
public final class AuditViewModel {

    public static final int PAGE_SIZE = 100;

    /** How far back the log is read. */
    public enum Period {
        ANY("Any time", null), DAY("Last 24 hours", Duration.ofHours(24)), WEEK("Last 7 days", Duration.ofDays(7)),
        MONTH("Last 30 days", Duration.ofDays(30));

        private final String words;
        private final Duration back;

        Period(String words, Duration back) {
            this.words = words;
            this.back = back;
        }

        public String words() {
            return words;
        }
    }

    /** One entry as the table shows it; {@code row} is the entry as stored. */
    public record Line(String when, String who, String what, String changed, String target, String notes, AuditRow row) {
    }

    private final AppContext context;
    private final Clock clock;
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(this, "period", Period.ANY);
    private final ObjectProperty<String> operator = new SimpleObjectProperty<>(this, "operator");
    private final ObjectProperty<String> action = new SimpleObjectProperty<>(this, "action");
    private final ObservableList<String> operators = FXCollections.observableArrayList();
    private final ObservableList<String> actions = FXCollections.observableArrayList();
    private final ObservableList<Line> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(this, "hasNext");
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper(this, "hasPrevious");
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper(this, "pageText", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private Page<AuditRow> page = Page.empty();
    private long firstRow;
    private long generation;
    private Consumer<Throwable> onFailure = failure -> { };
    private boolean clearing;

    public AuditViewModel(AppContext context) {
        this(context, Clock.systemUTC());
    }

    /** @param clock what "the last 24 hours" count back from */
    public AuditViewModel(AppContext context, Clock clock) {
        this.context = context;
        this.clock = clock;
        InvalidationListener reload = obs -> {
            if (!clearing) {
                firstPage();
            }
        };
        period.addListener(reload);
        operator.addListener(reload);
        action.addListener(reload);
    }

    public void setOnFailure(Consumer<Throwable> onFailure) {
        this.onFailure = onFailure;
    }

    /** The filter as the bar shows it, in the service's terms. */
    public AuditFilter filter() {
        Period chosen = period.get() == null ? Period.ANY : period.get();
        return new AuditFilter(chosen.back == null ? null : clock.instant().minus(chosen.back), operator.get(),
                action.get() == null ? Set.of() : Set.of(action.get()));
    }

    /** Reads the operators and actions the log holds for the filter's choices, then the newest entries. */
    public void refresh() {
        Workspace workspace = context.workspace();
        if (workspace == null) {
            firstPage();
            return;
        }
        context.tasks().run("Reading the audit log's operators and actions", () -> workspace.audit().choices(), choices -> {
            operators.setAll(choices.operators());
            actions.setAll(choices.actions());
            firstPage();
        }, onFailure);
    }

    /** Every entry again; a change of period, operator or action reloads by itself. */
    public void clearFilter() {
        clearing = true;
        period.set(Period.ANY);
        operator.set(null);
        action.set(null);
        clearing = false;
        firstPage();
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
        long ticket = ++generation;
        if (workspace == null) {
            page = Page.empty();
            rows.clear();
            update(0);
            summary.set(context.availabilityProperty().get());
            return;
        }
        AuditFilter filter = filter();
        context.tasks().run("Reading the audit log", () -> workspace.audit().page(filter, request), fetched -> {
            if (ticket == generation) {
                page = fetched;
                rows.setAll(fetched.items().stream().map(this::line).toList());
                update(fetched.hasPrevious() ? start : 0);
                summary.set(Texts.count(fetched.total(), "entry") + (filter.isEmpty() ? " in the log"
                        : fetched.total() == 1 ? " matches the filter" : " match the filter"));
            }
        }, onFailure);
    }

    private Line line(AuditRow row) {
        Long count = row.count();
        Long matching = row.matching();
        String changed = count == null ? "" : matching == null ? Texts.count(count) : Texts.count(count) + " of " + Texts.count(matching);
        return new Line(context.texts().timestamp(row.at()), row.operator(), row.actionWords(), changed, row.target(), row.notes(), row);
    }

    private void update(long start) {
        firstRow = start;
        hasNext.set(page.hasNext());
        hasPrevious.set(page.hasPrevious());
        pageText.set(rows.isEmpty() ? "" : String.format(Locale.ROOT, "%,d–%,d of %,d", start + 1, start + rows.size(), page.total()));
    }

    /** What the operator box shows while closed. */
    public static String operatorWords(String value) {
        return value == null ? "Anyone" : value;
    }

    /** What the action box shows while closed. */
    public static String actionWords(String value) {
        return value == null ? "Any action" : AuditRow.words(value);
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    public ObjectProperty<String> operatorProperty() {
        return operator;
    }

    public ObjectProperty<String> actionProperty() {
        return action;
    }

    public ObservableList<String> operators() {
        return operators;
    }

    public ObservableList<String> actions() {
        return actions;
    }

    public ObservableList<Line> rows() {
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

    /** How many entries the filter matches, or why there is nothing to show. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
