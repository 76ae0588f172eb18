package com.syncdesk.ui.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.syncdesk.app.Failure;
import com.syncdesk.app.Texts;
import com.syncdesk.app.Workspace;
import com.syncdesk.jira.JiraClientOptions;
import com.syncdesk.jira.JiraConnections;
import com.syncdesk.jira.JiraSite;
import com.syncdesk.jira.JiraWait;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.sync.BoardResult;
import com.syncdesk.sync.SyncAttention;
import com.syncdesk.sync.SyncCancellation;
import com.syncdesk.sync.SyncCounts;
import com.syncdesk.sync.SyncListener;
import com.syncdesk.sync.SyncProgress;
import com.syncdesk.sync.SyncRequest;
import com.syncdesk.sync.SyncService;
import com.syncdesk.sync.SyncSettings;
import com.syncdesk.sync.SyncStart;
import com.syncdesk.sync.SyncSummary;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.syncstate.SyncStatus;
import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.PageId;
import com.syncdesk.ui.Question;

/**
 * The Sync page's state and commands: the JIRA connection at a glance, Sync now and Full resync…, a run's progress
 * (board by board, its counts, API calls, a countdown while JIRA's rate limit makes it wait), Cancel, the summary
 * with its links, who holds the run lock, what needs a human, and the schedule. Runs go through {@link SyncService},
 * as {@code syncdesk sync} does, in the background; the listener's reports reach the properties on the UI thread.
 */
public final class SyncViewModel {

    /** How long Sync now waits between asks while another run holds the lock. */
    static final Duration LOCK_RETRY = Duration.ofSeconds(2);
    /** States a group's drill-down shows at most. */
    public static final int DRILL_DOWN_LIMIT = 200;

    private final AppContext context;
    private final Clock clock;
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyStringWrapper connectionText = new ReadOnlyStringWrapper(this, "connectionText", "");
    private final ReadOnlyStringWrapper authProblem = new ReadOnlyStringWrapper(this, "authProblem", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper(this, "phase", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper pulled = new ReadOnlyStringWrapper(this, "pulled", "0");
    private final ReadOnlyStringWrapper pushed = new ReadOnlyStringWrapper(this, "pushed", "0");
    private final ReadOnlyStringWrapper inConflict = new ReadOnlyStringWrapper(this, "inConflict", "0");
    private final ReadOnlyStringWrapper failed = new ReadOnlyStringWrapper(this, "failed", "0");
    private final ReadOnlyStringWrapper apiCalls = new ReadOnlyStringWrapper(this, "apiCalls", "0");
    private final ReadOnlyStringWrapper waitText = new ReadOnlyStringWrapper(this, "waitText", "");
    private final ReadOnlyStringWrapper lockText = new ReadOnlyStringWrapper(this, "lockText", "");
    private final ObservableList<String> boardLines = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SyncSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyStringWrapper summaryText = new ReadOnlyStringWrapper(this, "summaryText", "");
    private final ObservableList<SyncAttention.Count> attention = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper attentionTotal = new ReadOnlyIntegerWrapper(this, "attentionTotal");
    private final ReadOnlyStringWrapper attentionText = new ReadOnlyStringWrapper(this, "attentionText", "");
    private final ObservableList<SyncAttention.State> drillDown = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper drillDownTitle = new ReadOnlyStringWrapper(this, "drillDownTitle", "");
    private final BooleanProperty scheduled = new SimpleBooleanProperty(this, "scheduled");
    private final ReadOnlyStringWrapper scheduleText = new ReadOnlyStringWrapper(this, "scheduleText", "");
    private SyncAttention.Overview overview;
    private JiraSite site;
    private SyncCancellation cancellation;
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> countdown;
    private ScheduledFuture<?> nextScheduled;
    private long generation;

    public SyncViewModel(AppContext context) {
        this(context, Clock.systemUTC());
    }

    SyncViewModel(AppContext context, Clock clock) {
        this.context = context;
        this.clock = clock;
        scheduled.set(context.settings().syncOnSchedule);
        scheduled.addListener((obs, old, on) -> {
            context.settings().syncOnSchedule = on;
            context.settings().save();
            planNextRun();
        });
        context.jiraConnectionSavesProperty().addListener((obs, old, now) -> refresh());
    }

    /** Reads the connection, where its token is and what needs a human, in the background. */
    public void refresh() {
        Workspace workspace = context.workspace();
        long ticket = ++generation;
        if (workspace == null) {
            connected.set(false);
            connectionText.set(context.availabilityProperty().get());
            attention.clear();
            attentionTotal.set(0);
            return;
        }
        context.tasks().run("Reading the sync's standing", () -> new Standing(context.jiraConnections(workspace).show(),
                new SyncAttention(workspace.database()).overview()), standing -> {
            if (ticket == generation) {
                show(standing);
            }
        }, failure -> context.dialogs().failure("The sync's standing could not be read", failure));
    }

    private record Standing(Optional<JiraConnections.Shown> shown, SyncAttention.Overview overview) {
    }

    private void show(Standing standing) {
        overview = standing.overview();
        site = standing.shown().map(s -> s.stored().site()).orElse(null);
        connected.set(site != null);
        if (site == null) {
            connectionText.set("This database has no JIRA connection yet. Connect it to a JIRA site to sync.");
            authProblem.set("");
        } else {
            connectionText.set(glance(site) + "\nThe token is " + standing.shown().get().secret().map(l -> l.describe()).orElse("not at hand") + ".");
            if (standing.shown().get().secret().isEmpty()) {
                authProblem.set("No token for " + site.describe() + " is at hand" + standing.shown().get().keyringProblem()
                        .map(p -> " (" + p + ")").orElse("") + ": enter it to sync.");
            } else if (authProblem.get().startsWith("No token")) {
                authProblem.set("");
            }
        }
        attention.setAll(overview.groups());
        attentionTotal.set((int) Math.min(Integer.MAX_VALUE, overview.total()));
        attentionText.set(overview.total() == 0 ? "Nothing needs a human: no state is parked or failed."
                : Texts.count(overview.total(), "state") + " need" + (overview.total() == 1 ? "s" : "") + " a human"
                + (overview.retrying() > 0 ? "; " + Texts.count(overview.retrying()) + " of the failed will be retried by later runs" : "") + ".");
        planNextRun();
    }

    /** "ops@example.com at https://… (JIRA Cloud) · 3 boards · conflicts: ask a human · every 15 min · park after 5 failures". */
    static String glance(JiraSite site) {
        String scope = site.boardIds().isEmpty() ? "" : Texts.count(site.boardIds().size(), "board");
        if (!site.projectKeys().isEmpty()) {
            scope += (scope.isEmpty() ? "" : " and ") + "the boards of " + String.join(", ", site.projectKeys());
        }
        return site.describe() + " · " + scope + " · conflicts: " + JiraConnectionViewModel.words(site.conflictStrategy()).toLowerCase()
                + " · every " + minutes(site.syncInterval()) + " · park after " + Texts.count(site.parkAfterFailures(), "failure");
    }

    private static String minutes(Duration interval) {
        long m = interval.toMinutes();
        return m >= 60 && m % 60 == 0 ? m / 60 + " h" : Math.max(1, m) + " min";
    }

    /** Sync now: an incremental run (a full one when none has succeeded yet). */
    public void syncNow() {
        start(SyncRequest.incremental(context.operator()), false);
    }

    /** "Sync this entity now" from Sync States: a run of those states only, watched here like any other. */
    public void syncEntities(SyncEntities chosen) {
        if (running.get()) {
            context.notifyOperator("A sync is already running", "Sync the chosen states again once it has finished.");
            return;
        }
        start(SyncRequest.entities(chosen.stateIds(), context.operator()), false);
    }

    /** Full resync…: asks first, saying what it does and roughly how many requests it makes. */
    public void fullResync() {
        if (site == null || running.get()) {
            return;
        }
        context.dialogs().confirm(Question.of("full-resync", "Read everything from JIRA again?", fullResyncText(), "Full resync")
                .withYesId("full-resync-yes"), notes -> start(SyncRequest.incremental(context.operator()).asFull(), false));
    }

    String fullResyncText() {
        long boards = Math.max(1, site.boardIds().size());
        String cost;
        if (overview != null && overview.lastFullRunApiCalls().isPresent()) {
            cost = "about " + Texts.count(overview.lastFullRunApiCalls().getAsLong(), "request") + " to JIRA, as many as the last full run";
        } else {
            long issues = overview == null ? 0 : overview.issueStates();
            long estimate = 2 + boards * 3 + (issues + 99) / 100;
            cost = "about " + Texts.count(estimate, "request") + " to JIRA (a few per board, one search per 100 of the "
                    + Texts.count(issues, "issue") + " known here; more if JIRA holds more)";
        }
        return "A full resync reads every board, sprint and issue in scope from JIRA and compares each with this database, instead of "
                + "only what changed since the last run. It also finds what was deleted in JIRA. Where both sides changed, the connection's "
                + "conflict strategy decides, as in any run.\n\nIt makes " + cost + ".";
    }

    /** Cancel: the run stops after the entity it is on; everything it did is kept. */
    public void cancel() {
        if (cancellation != null && running.get()) {
            cancellation.cancel();
            cancelling.set(true);
            phase.set("Cancelling after the current entity…");
        }
    }

    private void start(SyncRequest request, boolean bySchedule) {
        Workspace workspace = context.workspace();
        if (workspace == null || running.get()) {
            return;
        }
        SyncCancellation cancel = new SyncCancellation();
        cancellation = cancel;
        running.set(true);
        cancelling.set(false);
        summary.set(null);
        summaryText.set("");
        boardLines.clear();
        waitText.set("");
        lockText.set("");
        showCounts(SyncCounts.NONE, 0);
        progress.set(-1);
        phase.set("Starting…");
        SyncListener listener = new Listener();
        context.tasks().run("Syncing with JIRA", () -> {
            JiraConnections connections = context.jiraConnections(workspace);
            SyncService service = new SyncService(workspace.database(), connections, JiraClientOptions.defaults(), SyncSettings.defaults());
            while (true) {
                try {
                    return service.run(request, Optional.empty(), listener, cancel);
                } catch (DatabaseException held) {
                    if (held.reason() != DatabaseException.Reason.SYNC_IN_PROGRESS || bySchedule || cancel.isCancelled()) {
                        throw held;
                    }
                    // Another run holds the lock: say who, and start when it is done.
                    context.tasks().onUiThread(() -> {
                        lockText.set(held.getMessage().replace(" Wait for it to finish (or stop it); nothing was changed.", "")
                                + " Sync now starts when it finishes.");
                        phase.set("Waiting for the other run to finish…");
                    });
                    Thread.sleep(LOCK_RETRY.toMillis());
                    if (cancel.isCancelled()) {
                        throw held;
                    }
                }
            }
        }, done -> finished(done, bySchedule), failure -> {
            stopCountdown();
            running.set(false);
            cancelling.set(false);
            progress.set(0);
            phase.set("");
            Failure words = Failure.of(failure);
            if (failure instanceof DatabaseException held && held.reason() == DatabaseException.Reason.SYNC_IN_PROGRESS) {
                lockText.set(words.message());
                return;
            }
            lockText.set("");
            if (words.kind() == Failure.Kind.REFUSED && words.message().contains("token")) {
                authProblem.set(words.message());
            }
            if (bySchedule) {
                // Nobody pressed anything: say it without a dialog that would take the focus.
                context.notifyOperator("Scheduled sync did not run", words.message());
            } else {
                context.dialogs().failure("The sync did not run", failure);
            }
            refresh();
        });
    }

    private void finished(SyncSummary done, boolean bySchedule) {
        stopCountdown();
        running.set(false);
        cancelling.set(false);
        lockText.set("");
        waitText.set("");
        progress.set(done.outcome() == SyncSummary.Outcome.COMPLETED ? 1 : progress.get() < 0 ? 0 : progress.get());
        phase.set("");
        showCounts(done.counts(), done.apiCalls());
        summary.set(done);
        summaryText.set(describe(done));
        if (done.outcome() == SyncSummary.Outcome.REFUSED) {
            authProblem.set(done.error());
        } else {
            authProblem.set("");
        }
        if (bySchedule && (done.counts().failed() > 0 || done.counts().conflictsOpened() > 0 || done.outcome() != SyncSummary.Outcome.COMPLETED)) {
            context.notifyOperator("Scheduled sync: " + outcomeWords(done), afterRun(done));
        }
        refresh();
    }

    static String describe(SyncSummary done) {
        SyncCounts c = done.counts();
        String head = (done.mode().words().substring(0, 1).toUpperCase() + done.mode().words().substring(1)) + " sync " + outcomeWords(done)
                + " in " + Texts.millis((int) Math.min(Integer.MAX_VALUE, done.duration().toMillis())) + ": "
                + Texts.count(c.processed(), "entity") + " compared, " + Texts.count(c.pulled()) + " pulled, " + Texts.count(c.pushed())
                + " pushed, " + Texts.count(c.conflictsOpened(), "conflict") + " opened, " + Texts.count(c.failed()) + " failed"
                + (c.parked() > 0 ? " (" + Texts.count(c.parked()) + " parked)" : "") + ".";
        String calls = Texts.count(done.apiCalls(), "JIRA API call") + ", " + Texts.count(done.rateLimitWaits(), "rate-limit wait")
                + (done.waited().isZero() ? "" : " (" + Texts.millis((int) Math.min(Integer.MAX_VALUE, done.waited().toMillis())) + " waited)") + ".";
        return head + "\n" + calls + (done.error() == null ? "" : "\n" + done.error());
    }

    private static String outcomeWords(SyncSummary done) {
        return switch (done.outcome()) {
            case COMPLETED -> "completed";
            case CANCELLED -> "stopped on request";
            case REFUSED -> "refused by JIRA";
            case FAILED -> "failed";
        };
    }

    private static String afterRun(SyncSummary done) {
        SyncCounts c = done.counts();
        return Texts.count(c.failed(), "entity") + " failed, " + Texts.count(c.conflictsOpened(), "conflict") + " opened"
                + (done.error() == null ? "." : ". " + Texts.excerpt(done.error(), 160));
    }

    private void showCounts(SyncCounts counts, long calls) {
        pulled.set(Texts.count(counts.pulled()));
        pushed.set(Texts.count(counts.pushed()));
        inConflict.set(Texts.count(counts.conflictsOpened()));
        failed.set(Texts.count(counts.failed()));
        apiCalls.set(Texts.count(calls));
    }

    /** The run's reports, from its threads to the properties on the UI thread. */
    private final class Listener implements SyncListener {
        @Override
        public void started(SyncStart start) {
            context.tasks().onUiThread(() -> {
                lockText.set("");
                phase.set((start.mode().words().substring(0, 1).toUpperCase() + start.mode().words().substring(1)) + " sync of "
                        + Texts.count(start.boards().size(), "board") + " started");
            });
        }

        @Override
        public void boardStarted(long boardId, String name, int index, int boards) {
            context.tasks().onUiThread(() -> {
                if (!cancelling.get()) {
                    phase.set("Board " + index + " of " + boards + ": " + name + " — pulling from JIRA and pushing changes");
                }
                progress.set(boards == 0 ? -1 : (double) (index - 1) / boards);
            });
        }

        @Override
        public void progress(SyncProgress now) {
            context.tasks().onUiThread(() -> {
                showCounts(now.counts(), now.apiCalls());
                if (now.boards() > 0) {
                    progress.set(Math.min(1, (now.boardIndex() - 0.5) / now.boards()));
                }
            });
        }

        @Override
        public void boardFinished(BoardResult board) {
            context.tasks().onUiThread(() -> {
                boardLines.add(board.name() + " (" + board.id() + "): " + (board.problem() != null ? board.problem()
                        : Texts.count(board.counts().processed(), "entity") + ", " + Texts.count(board.counts().pulled()) + " pulled, "
                        + Texts.count(board.counts().pushed()) + " pushed, " + Texts.count(board.counts().failed()) + " failed · "
                        + Texts.count(board.apiCalls(), "API call")));
                if (!cancelling.get()) {
                    phase.set("Looking for what changed here since the last run…");
                }
            });
        }

        @Override
        public void waiting(JiraWait wait) {
            Instant until = clock.instant().plus(wait.duration());
            context.tasks().onUiThread(() -> startCountdown(wait, until));
        }
    }

    private synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("syncdesk-sync-timer").factory());
        }
        return timer;
    }

    /** The visible countdown while JIRA makes the run wait; it ends at zero or when the run reports again. */
    private void startCountdown(JiraWait wait, Instant until) {
        stopCountdown();
        updateWait(wait, until);
        countdown = timer().scheduleAtFixedRate(() -> context.tasks().onUiThread(() -> updateWait(wait, until)), 250, 250, TimeUnit.MILLISECONDS);
    }

    private void updateWait(JiraWait wait, Instant until) {
        long left = Math.max(0, (Duration.between(clock.instant(), until).toMillis() + 999) / 1000);
        if (left == 0) {
            stopCountdown();
            waitText.set("");
            return;
        }
        waitText.set(switch (wait.reason()) {
            case RATE_LIMITED -> "JIRA's rate limit: waiting " + left + " s before the next request (" + wait.resource() + ")";
            case NEAR_LIMIT -> "Close to JIRA's rate limit: slowing down, " + left + " s (" + wait.resource() + ")";
            case SERVER_ERROR -> "JIRA answered with a server error: trying again in " + left + " s (" + wait.resource() + ")";
            case NETWORK -> "The connection to JIRA failed: trying again in " + left + " s (" + wait.resource() + ")";
        });
    }

    private void stopCountdown() {
        if (countdown != null) {
            countdown.cancel(false);
            countdown = null;
        }
    }

    /** While the switch is on and a connection exists, the next run is due one interval from now. */
    private void planNextRun() {
        if (nextScheduled != null) {
            nextScheduled.cancel(false);
            nextScheduled = null;
        }
        if (!scheduled.get() || site == null) {
            scheduleText.set(site == null ? "" : "Off: runs only when you press Sync now (or a sync --watch worker runs).");
            return;
        }
        Duration every = site.syncInterval();
        Instant next = clock.instant().plus(every);
        scheduleText.set("Every " + minutes(every) + " while SyncDesk is open · next run at " + context.texts().timestamp(next));
        nextScheduled = timer().schedule(() -> context.tasks().onUiThread(() -> {
            nextScheduled = null;
            if (running.get()) {
                planNextRun();
            } else {
                start(SyncRequest.incremental(context.operator()), true);
            }
        }), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The states the run failed: Sync States filtered to its batch, as the Sync History drill-down does. */
    public void showFailedStates() {
        SyncSummary done = summary.get();
        if (done != null && done.batchId() != null) {
            context.navigate(PageId.SYNC_STATES, SyncStateFilter.all().withBatch(done.batchId()).withStatuses(SyncStatus.FAILED));
        }
    }

    /** Every state the run touched: Sync States filtered to its batch. */
    public void showRunStates() {
        SyncSummary done = summary.get();
        if (done != null && done.batchId() != null) {
            context.navigate(PageId.SYNC_STATES, SyncStateFilter.all().withBatch(done.batchId()));
        }
    }

    public void showConflicts() {
        context.navigate(PageId.CONFLICTS, null);
    }

    /** The run's row in the Sync History, newest first. */
    public void showHistory() {
        context.navigate(PageId.HISTORY, null);
    }

    /** The JIRA connection dialog; "Update token…" on the banner opens it too. */
    public void openConnection() {
        context.openJiraConnection();
    }

    /** Loads the states of one group, with their full messages. */
    public void drillDown(SyncAttention.Count group) {
        Workspace workspace = context.workspace();
        if (group == null || workspace == null) {
            drillDown.clear();
            drillDownTitle.set("");
            return;
        }
        context.tasks().run("Loading the states that need a human", () -> new SyncAttention(workspace.database()).states(group.group(),
                DRILL_DOWN_LIMIT), states -> {
            drillDown.setAll(states);
            drillDownTitle.set(capitalized(group.label()) + ": " + (group.states() > states.size() ? "the latest " + states.size() + " of "
                    + Texts.count(group.states(), "state") : Texts.count(group.states(), "state")));
        }, failure -> context.dialogs().failure("The states could not be loaded", failure));
    }

    /** Sync States on the failed states (parked ones among them), where Retry and Skip are. */
    public void showFailedInSyncStates() {
        context.navigate(PageId.SYNC_STATES, SyncStateFilter.all().withStatuses(SyncStatus.FAILED));
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A drill-down line's badge: "retrying · last attempt failed (3×)", "parked after 5 failures", or a failure waiting for a change. */
    public static String retryWords(SyncAttention.State state) {
        if (state.parkedAt() != null) {
            // Parked states of every kind share a group: name theirs.
            return "parked after " + Texts.count(state.errorCount(), "failure") + state.kind().value().map(k -> " · " + k.label()).orElse("");
        }
        if (state.nextAttempt() != null) {
            return "retrying · last attempt failed (" + state.errorCount() + "×)";
        }
        return "failed " + state.errorCount() + "× · waits for a change or a retry";
    }

    /** When it was parked, or when a later run tries it again (the standing beside it says which). */
    public String whenWords(SyncAttention.State state) {
        if (state.parkedAt() != null) {
            return context.texts().timestamp(state.parkedAt());
        }
        if (state.nextAttempt() != null) {
            return context.texts().timestamp(state.nextAttempt());
        }
        return "";
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionTextProperty() {
        return connectionText.getReadOnlyProperty();
    }

    /** Why JIRA cannot be used with the token at hand, for the banner with "Update token…"; empty when it can. */
    public ReadOnlyStringProperty authProblemProperty() {
        return authProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The run's progress over its boards, -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pulledProperty() {
        return pulled.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pushedProperty() {
        return pushed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty inConflictProperty() {
        return inConflict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty apiCallsProperty() {
        return apiCalls.getReadOnlyProperty();
    }

    /** The countdown while JIRA makes the run wait; empty when it does not. */
    public ReadOnlyStringProperty waitTextProperty() {
        return waitText.getReadOnlyProperty();
    }

    /** Who holds the run lock and since when, while Sync now waits for them or was refused; empty otherwise. */
    public ReadOnlyStringProperty lockTextProperty() {
        return lockText.getReadOnlyProperty();
    }

    /** A line per finished board of the current or last run. */
    public ObservableList<String> boardLines() {
        return boardLines;
    }

    public ReadOnlyObjectProperty<SyncSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryTextProperty() {
        return summaryText.getReadOnlyProperty();
    }

    /** Parked states first, then failures by kind, with counts. */
    public ObservableList<SyncAttention.Count> attention() {
        return attention;
    }

    /** How many states need a human, for the sidebar's badge. */
    public ReadOnlyIntegerProperty attentionTotalProperty() {
        return attentionTotal.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty attentionTextProperty() {
        return attentionText.getReadOnlyProperty();
    }

    public ObservableList<SyncAttention.State> drillDown() {
        return drillDown;
    }

    public ReadOnlyStringProperty drillDownTitleProperty() {
        return drillDownTitle.getReadOnlyProperty();
    }

    /** The schedule switch: every interval of the connection while SyncDesk is open. */
    public BooleanProperty scheduledProperty() {
        return scheduled;
    }

    public ReadOnlyStringProperty scheduleTextProperty() {
        return scheduleText.getReadOnlyProperty();
    }
}
