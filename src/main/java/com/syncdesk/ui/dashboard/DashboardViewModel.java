package com.syncdesk.ui.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import com.syncdesk.app.Failure;
import com.syncdesk.app.StatisticsFigures;
import com.syncdesk.app.Texts;
import com.syncdesk.app.Workspace;
import com.syncdesk.history.DailyRuns;
import com.syncdesk.persistence.EnumValue;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.syncstate.SyncStatistics;
import com.syncdesk.syncstate.SyncStatus;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.PageId;
import com.syncdesk.ui.TaskRunner;

/** The dashboard's figures as loaded from the services; nothing is computed here. */
public final class DashboardViewModel {

    /** Failures "recently" means within this many hours. */
    public static final int WINDOW_HOURS = 24;
    public static final int HISTORY_DAYS = 30;
    public static final int DEMO_ENTITIES = 5_000;
    /** How much of an error message the dashboard shows; the whole one is a tooltip and a click away. */
    public static final int ERROR_EXCERPT = 200;

    /** Everything the dashboard shows, loaded together so the figures agree with each other. */
    public record Figures(SyncStatistics statistics, List<DailyRuns> runsPerDay, boolean empty, Instant loadedAt) {
    }

    /** One figure card: its id, caption, value as shown, and what the value means. */
    public record Card(String id, String label, String value, String hint) {
    }

    private final AppContext context;
    private final ReadOnlyObjectWrapper<Figures> figures = new ReadOnlyObjectWrapper<>(this, "figures");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper generating = new ReadOnlyBooleanWrapper(this, "generating");
    private final ReadOnlyDoubleWrapper demoProgress = new ReadOnlyDoubleWrapper(this, "demoProgress", -1);
    private final ReadOnlyStringWrapper demoMessage = new ReadOnlyStringWrapper(this, "demoMessage", "");
    private final ReadOnlyStringWrapper loadedText = new ReadOnlyStringWrapper(this, "loadedText", "");
    private TaskRunner.Running demoTask;
    private Consumer<Throwable> onFailure = failure -> { };
    private Workspace shownWorkspace;

    public DashboardViewModel(AppContext context) {
        this.context = context;
    }

    /** Where load failures go (the controller shows them in a dialog). */
    public void setOnFailure(Consumer<Throwable> onFailure) {
        this.onFailure = onFailure;
    }

    /**
     * Reads the figures again. The line beside Refresh says it ran even when nothing changed: "Loading…", then
     * "Loaded at …" or, for the same database, "Reloaded at …: nothing changed" or "…: the figures changed".
     */
    public void refresh() {
        Workspace workspace = context.workspace();
        if (workspace == null) {
            figures.set(null);
            loadedText.set("");
            return;
        }
        loading.set(true);
        loadedText.set("Loading…");
        context.tasks().run("Loading the dashboard", () -> new Figures(
                        workspace.syncStates().statistics(null, WINDOW_HOURS),
                        workspace.history().runsPerDay(HISTORY_DAYS),
                        workspace.demoData().isEmpty(), Instant.now()),
                loaded -> {
                    loading.set(false);
                    if (workspace == context.workspace()) {
                        Figures before = workspace == shownWorkspace ? figures.get() : null;
                        shownWorkspace = workspace;
                        loadedText.set(before == null ? loadedAtText(loaded) : "Reloaded at " + context.texts().timestamp(loaded.loadedAt())
                                + (sameFigures(before, loaded) ? ": nothing changed" : ": the figures changed"));
                        figures.set(loaded);
                    }
                },
                failure -> {
                    loading.set(false);
                    loadedText.set("Not loaded: " + Failure.of(failure).message());
                    onFailure.accept(failure);
                });
    }

    private static boolean sameFigures(Figures before, Figures now) {
        return before.statistics().equals(now.statistics()) && before.runsPerDay().equals(now.runsPerDay()) && before.empty() == now.empty();
    }

    /** What the line beside Refresh says: loading, when the figures were read, and whether a reload changed them. */
    public ReadOnlyStringProperty loadedTextProperty() {
        return loadedText.getReadOnlyProperty();
    }

    /** Why there are no figures: connecting, the connection's failure, the schema's standing, no database. */
    public StringBinding availabilityProperty() {
        return context.availabilityProperty();
    }

    /** Fills an empty database with demo data in the background; cancelling rolls the load back. */
    public void generateDemoData() {
        Workspace workspace = context.workspace();
        if (workspace == null || generating.get()) {
            return;
        }
        generating.set(true);
        demoProgress.set(-1);
        demoMessage.set("Preparing demo data…");
        long seed = System.currentTimeMillis();
        demoTask = context.tasks().run("Generating demo data", progress -> workspace.demoData().generate(DEMO_ENTITIES, seed,
                        (done, total) -> {
                            progress.update(done, total, String.format("%,d of %,d rows written", done, total));
                            return !progress.isCancelled();
                        }),
                summary -> {
                    generating.set(false);
                    refresh();
                },
                failure -> {
                    generating.set(false);
                    onFailure.accept(failure);
                });
        demoProgress.bind(demoTask.progressProperty());
        demoMessage.bind(demoTask.messageProperty());
        demoTask.onCancelled(() -> {
            generating.set(false);
            refresh();
        });
    }

    public void cancelDemoData() {
        if (demoTask != null) {
            demoTask.cancel();
        }
    }

    /** The figure cards of the statistics, worded for the operator. */
    public static List<Card> cards(SyncStatistics stats) {
        return StatisticsFigures.of(stats).stream().map(f -> new Card(f.id(), f.label(), f.value(), f.meaning())).toList();
    }

    /** A status's line in the chart's legend: "in progress  118 (3.9 %)". */
    public static String shareText(String words, long n, long total) {
        return words + "  " + Texts.count(n) + (total == 0 ? "" : String.format(Locale.ROOT, " (%.1f %%)", 100.0 * n / total));
    }

    /** A bar's category: the entity type in words and its count, "board (12)". */
    public static String typeCategory(String type, long n) {
        return EnumValue.parse(EntityType.class, type).words() + " (" + Texts.count(n) + ")";
    }

    /** "Loaded at Dec 4, 2026, 8:07:27 AM CET": when the figures were read, in the one timestamp style. */
    public String loadedAtText(Figures loaded) {
        return "Loaded at " + context.texts().timestamp(loaded.loadedAt());
    }

    /**
     * Opens the Sync States page on the failed states that carry this error, found by the start of its first line:
     * a message of megabytes would make a filter nobody can read.
     */
    public void showFailuresWith(String error) {
        String firstLine = error.lines().findFirst().orElse("");
        context.navigate(PageId.SYNC_STATES, SyncStateFilter.all().withStatuses(SyncStatus.FAILED)
                .withText(firstLine.substring(0, Math.min(firstLine.length(), ERROR_EXCERPT))));
    }

    public ReadOnlyObjectProperty<Figures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty generatingProperty() {
        return generating.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty demoProgressProperty() {
        return demoProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty demoMessageProperty() {
        return demoMessage.getReadOnlyProperty();
    }
}
