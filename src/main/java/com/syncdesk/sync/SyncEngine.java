package com.syncdesk.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncdesk.conflict.ConflictType;
import com.syncdesk.conflict.InvalidValueException;
import com.syncdesk.history.OperationType;
import com.syncdesk.jira.JiraBoard;
import com.syncdesk.jira.JiraCallCounter;
import com.syncdesk.jira.JiraClient;
import com.syncdesk.jira.JiraExchange;
import com.syncdesk.jira.JiraFailure;
import com.syncdesk.jira.JiraIssue;
import com.syncdesk.jira.JiraListener;
import com.syncdesk.jira.JiraProject;
import com.syncdesk.jira.JiraSite;
import com.syncdesk.jira.JiraSprint;
import com.syncdesk.jira.JiraWait;
import com.syncdesk.jira.Jql;
import com.syncdesk.jira.PageIterator;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Privileges;
import com.syncdesk.persistence.Privileges.Work;
import com.syncdesk.sync.Plan.Action;
import com.syncdesk.sync.SyncStore.ConflictRow;
import com.syncdesk.sync.SyncStore.JsonValue;
import com.syncdesk.sync.SyncSummary.Outcome;
import com.syncdesk.syncstate.FailureKind;
import com.syncdesk.syncstate.ResolutionStrategy;
import com.syncdesk.syncstate.SyncDirection;
import com.syncdesk.syncstate.SyncStatus;

/**
 * The two-way sync between the local database and one JIRA site. A run walks the connection's boards — each
 * board, its project, its sprints, then the issues in scope page by page — compares every entity field by
 * field with its snapshot ({@link Planner}), writes what JIRA changed into the local rows and sends what
 * changed locally to JIRA, opens conflicts where both changed, and then looks at the local side: states an
 * operator queued, failures due for a retry, local changes JIRA's answers did not show, local deletions and
 * issues created locally. Pages are streamed: only one page of JIRA's answer and its local rows are in memory.
 *
 * <p>Per page, one transaction reads the states and local rows (locked), decides and writes the local side and
 * marks what needs JIRA as in progress; the JIRA writes then run in parallel; a second transaction records how
 * each ended. A run killed anywhere leaves committed pages and in-progress states, which the next run reclaims.
 */
public final class SyncEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    /** Other clients' clocks and timestamps written to the second, on the local side. */
    private static final Duration LOCAL_OVERLAP = Duration.ofSeconds(2);
    private static final DateTimeFormatter BATCH_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Database database;
    private final JiraSite site;
    private final JiraClient client;
    private final SyncSettings settings;
    private final SyncStore store;

    public SyncEngine(Database database, JiraSite site, JiraClient client, SyncSettings settings) {
        this.database = database;
        this.site = site;
        this.client = client;
        this.settings = settings;
        this.store = new SyncStore(database);
    }

    /**
     * Runs once. Refused (before anything changes) when another run holds the lock or the role may not sync;
     * everything else ends in the summary, recorded in {@code sync_history} unless it was a dry run.
     */
    public SyncSummary run(SyncRequest request, SyncListener listener, SyncCancellation cancel) {
        if (!request.dryRun()) {
            Privileges.of(database).refuseUnless(Work.SYNC);
        }
        try (SyncLock lock = SyncLock.acquire(database)) {
            return new Run(request, listener, cancel, lock.holder()).execute();
        }
    }

    /** A failure that ends the run at once: JIRA refused the secret. */
    private static final class RunStopped extends RuntimeException {
        RunStopped(JiraFailure cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** One run's state: its counters, its view of the client, what it has seen. */
    private final class Run {
        private final SyncRequest request;
        private final SyncListener listener;
        private final SyncCancellation cancel;
        private final SyncLock.Holder holder;
        private final String batchId;
        private final Instant startedAt;
        private final long startedNanos = System.nanoTime();
        private final Planner planner;
        private final LocalTables tables;
        private final JiraSide jira = new JiraSide();
        private final JiraCallCounter calls = new JiraCallCounter();
        /** The run's calls and time up to the end of the last page, which that page's entities were charged with. */
        private long chargedCalls;
        private long chargedUntil = startedNanos;
        /** The calls that led up to the page being processed (its search, its board's and sprints' reads), and when it was charged. */
        private long pageCalls;
        private long pageChargedAt;
        private final AtomicLong searches = new AtomicLong();
        private final AtomicLong rateLimitWaits = new AtomicLong();
        private final JiraClient runClient;
        private final Tally tally = new Tally();
        private final List<BoardResult> boards = new ArrayList<>();
        /** Dry runs write nothing, so they remember what they looked at instead of marking it. */
        private final Set<Long> lookedAt = new HashSet<>();
        private final Set<String> projectsDone = new HashSet<>();
        private final AtomicReference<JiraFailure> stopped = new AtomicReference<>();
        private final ExecutorService pushers;
        private int jiraDeletions;
        private Instant localScanAt;
        private SyncMode mode;
        private Optional<SyncStore.LastRun> last = Optional.empty();
        private ZoneId jiraZone = ZoneOffset.UTC;
        private long boardId;
        private String boardName = "";
        private int boardIndex;
        private int boardCount;
        private Set<String> scopeProjects = Set.of();
        private Set<Long> scopeBoards = Set.of();

        Run(SyncRequest request, SyncListener listener, SyncCancellation cancel, SyncLock.Holder holder) {
            this.request = request;
            this.listener = listener;
            this.cancel = cancel;
            this.holder = holder;
            this.startedAt = settings.clock().instant();
            // A run of chosen states is no base for the next incremental run, which looks for the "sync-" batches.
            this.batchId = (request.forEntities() ? "entities-" : "sync-") + BATCH_TIME.format(startedAt) + "-" + UUID.randomUUID().toString().substring(0, 8);
            this.planner = new Planner(site.conflictStrategy());
            this.tables = new LocalTables(database.vendor());
            this.runClient = client.observedBy(calls).observedBy(new JiraListener() {
                @Override
                public void requestFinished(JiraExchange exchange) {
                    if (exchange.path().endsWith("/search") || exchange.path().endsWith("/search/jql")) {
                        searches.incrementAndGet();
                    }
                }

                @Override
                public void waiting(JiraWait wait) {
                    if (wait.reason() == JiraWait.Reason.RATE_LIMITED) {
                        rateLimitWaits.incrementAndGet();
                    }
                    listener.waiting(wait);
                }
            });
            this.pushers = Executors.newFixedThreadPool(settings.parallelPushes(), runnable -> {
                Thread thread = new Thread(runnable, "sync-push");
                thread.setDaemon(true);
                return thread;
            });
        }

        private Instant now() {
            return settings.clock().instant();
        }

        SyncSummary execute() {
            try {
                return executeLocked();
            } finally {
                pushers.shutdownNow();
            }
        }

        private SyncSummary executeLocked() {
            SyncStore.Reclaimed reclaimed = request.dryRun() ? new SyncStore.Reclaimed(0, 0) : store.reclaim(holder, now());
            if (reclaimed.runs() > 0 || reclaimed.states() > 0) {
                LOG.warn("Took up {} state(s) left in progress by {} interrupted run(s)", reclaimed.states(), reclaimed.runs());
            }
            last = store.lastSuccessfulRun();
            mode = request.forEntities() ? SyncMode.INCREMENTAL : request.full() || last.isEmpty() ? SyncMode.FULL : SyncMode.INCREMENTAL;
            Long historyId = null;
            Outcome outcome = Outcome.COMPLETED;
            String error = null;
            List<String> problems = new ArrayList<>();
            try {
                List<Long> scope = scope();
                List<Long> chosen = chosenBoards(scope);
                scopeBoards = Set.copyOf(chosen);
                if (!request.dryRun()) {
                    ObjectNode details = details(chosen);
                    historyId = database.inTransaction(connection -> store.startHistory(connection,
                            mode == SyncMode.FULL ? OperationType.FULL_SYNC : OperationType.INCREMENTAL_SYNC, batchId, request.operator(), details, now()));
                }
                listener.started(new SyncStart(batchId, mode, request.dryRun(), mode == SyncMode.INCREMENTAL ? last.map(SyncStore.LastRun::startedAt).orElse(null) : null, chosen,
                        reclaimed.runs(), reclaimed.states()));
                jiraZone = runClient.myself().timeZone();
                boardCount = chosen.size();
                if (!request.dryRun()) {
                    creationsUnderway();
                }
                Set<String> projects = new LinkedHashSet<>();
                for (long board : request.forEntities() ? List.<Long>of() : chosen) {
                    if (cancel.isCancelled()) {
                        break;
                    }
                    boardIndex++;
                    String problem = board(board, projects);
                    if (problem != null) {
                        problems.add(problem);
                    }
                }
                scopeProjects = projects;
                if (request.forEntities()) {
                    entities();
                } else if (!cancel.isCancelled()) {
                    localSide();
                }
                if (cancel.isCancelled()) {
                    outcome = Outcome.CANCELLED;
                    error = "Cancelled after " + tally.processed + " entities; what was done is kept, and the next run goes on from there.";
                } else if (!problems.isEmpty()) {
                    outcome = Outcome.FAILED;
                    error = String.join(" ", problems);
                }
            } catch (RunStopped e) {
                outcome = Outcome.REFUSED;
                error = "JIRA refused SyncDesk, so the run stopped: " + e.getMessage();
            } catch (JiraFailure e) {
                outcome = JiraSide.stopsTheRun(e) ? Outcome.REFUSED : Outcome.FAILED;
                error = (outcome == Outcome.REFUSED ? "JIRA refused SyncDesk, so the run stopped: " : "The run failed: ") + e.getMessage();
            } catch (RuntimeException e) {
                finishHistory(historyId, Outcome.FAILED, "The run failed: " + e.getMessage());
                throw e;
            }
            finishHistory(historyId, outcome, error);
            return summary(outcome, error);
        }

        private ObjectNode details(List<Long> chosen) {
            ObjectNode details = FieldType.JSON.objectNode();
            details.put("host", holder.host()).put("pid", holder.pid()).put("mode", mode.words()).put("strategy", site.conflictStrategy().wire());
            chosen.forEach(details.putArray("boards")::add);
            if (request.forEntities()) {
                details.put("states", request.states().size());
            }
            last.ifPresent(run -> details.put("since", run.startedAt().toString()));
            return details;
        }

        private void finishHistory(Long historyId, Outcome outcome, String error) {
            if (historyId == null) {
                return;
            }
            ObjectNode details = details(List.copyOf(scopeBoards));
            SyncCounts counts = tally.counts();
            details.put("pulled", counts.pulled()).put("pushed", counts.pushed()).put("failed", counts.failed()).put("parked", counts.parked())
                    .put("search_calls", searches.get()).put("rate_limit_waits", rateLimitWaits.get()).put("waited_ms", calls.waited().toMillis())
                    .put("outcome", outcome.name().toLowerCase());
            if (outcome == Outcome.CANCELLED) {
                details.put("cancelled", true);
            }
            if (localScanAt != null) {
                details.put("local_scan_at", localScanAt.toString());
            }
            SyncStatus status = outcome == Outcome.COMPLETED ? SyncStatus.COMPLETED : SyncStatus.FAILED;
            store.finishHistory(historyId, counts, calls.requests(), elapsed().toNanos() / 1e9, status, error, details, now());
        }

        private Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startedNanos);
        }

        private SyncSummary summary(Outcome outcome, String error) {
            return new SyncSummary(batchId, mode, request.dryRun(), outcome, error, tally.counts(), calls.requests(), searches.get(),
                    rateLimitWaits.get(), calls.waited(), elapsed(), boards);
        }

        // ---- scope ----

        /** The connection's boards, and the boards of its projects. */
        private List<Long> scope() {
            Set<Long> ids = new LinkedHashSet<>(site.boardIds());
            for (String project : site.projectKeys()) {
                runClient.boards(project).forEachRemaining(board -> ids.add(board.id()));
            }
            return List.copyOf(ids);
        }

        private List<Long> chosenBoards(List<Long> scope) {
            if (request.boards().isEmpty()) {
                return scope;
            }
            for (long board : request.boards()) {
                if (!scope.contains(board)) {
                    throw new IllegalArgumentException("Board " + board + " is not synced by this database's JIRA connection (it syncs "
                            + (scope.isEmpty() ? "no boards" : "boards " + scope.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow())
                            + "); nothing was changed.");
                }
            }
            return List.copyOf(new LinkedHashSet<>(request.boards()));
        }

        // ---- the JIRA side, board by board ----

        /** Syncs one board; returns why it could not be read, or null. */
        private String board(long id, Set<String> projects) {
            long callsBefore = calls.requests();
            long started = System.nanoTime();
            SyncCounts before = tally.counts();
            boolean full = mode == SyncMode.FULL || last.isEmpty() || !last.get().boards().contains(id);
            boardId = id;
            boardName = "board " + id;
            String problem = null;
            try {
                JiraBoard board = runClient.board(id);
                boardName = board.name();
                listener.boardStarted(id, board.name(), boardIndex, boardCount);
                if (board.projectKey() != null) {
                    projects.add(board.projectKey());
                    if (projectsDone.add(board.projectKey())) {
                        JiraProject project = runClient.project(board.projectKey());
                        process(EntityKind.PROJECT, List.of(Candidate.seen(JiraSide.project(project))));
                    }
                }
                process(EntityKind.BOARD, List.of(Candidate.seen(JiraSide.board(board))));
                List<Long> sprintIds = new ArrayList<>();
                if (board.hasSprints()) {
                    PageIterator<JiraSprint> sprints = runClient.sprints(id);
                    List<Candidate> page = new ArrayList<>();
                    while (sprints.hasNext() && !cancel.isCancelled()) {
                        JiraSprint sprint = sprints.next();
                        sprintIds.add(sprint.id());
                        page.add(Candidate.seen(JiraSide.sprint(sprint, id)));
                        if (page.size() == settings.chunk()) {
                            process(EntityKind.SPRINT, page);
                            page = new ArrayList<>();
                        }
                    }
                    // What was read is written, also when cancelled: the cancel ends after the current entity.
                    process(EntityKind.SPRINT, page);
                }
                String scope = site.includeBacklog() && board.projectKey() != null ? Jql.project(board.projectKey())
                        : sprintIds.isEmpty() ? null : Jql.sprints(sprintIds);
                if (scope != null && !cancel.isCancelled()) {
                    String jql = full ? scope : Jql.and(scope, Jql.updatedSince(last.get().startedAt(), jiraZone, settings.overlap()));
                    issues(runClient.searchIssues(jql + " " + Jql.ORDER_BY_UPDATED));
                }
            } catch (JiraFailure failure) {
                if (JiraSide.stopsTheRun(failure)) {
                    throw new RunStopped(failure);
                }
                problem = "Board " + id + (boardName.equals("board " + id) ? "" : " (" + boardName + ")") + " could not be synced: "
                        + failure.getMessage();
                LOG.warn(problem);
            }
            SyncCounts after = tally.counts();
            BoardResult result = new BoardResult(id, boardName, full ? SyncMode.FULL : SyncMode.INCREMENTAL, difference(after, before),
                    calls.requests() - callsBefore, Duration.ofNanos(System.nanoTime() - started), problem);
            boards.add(result);
            listener.boardFinished(result);
            return problem;
        }

        private void issues(PageIterator<JiraIssue> found) {
            List<RemoteEntity> page = new ArrayList<>();
            while (found.hasNext() && !cancel.isCancelled()) {
                page.add(JiraSide.issue(found.next()));
                if (page.size() == settings.chunk()) {
                    writeIssues(page);
                    page = new ArrayList<>();
                }
            }
            // What was read is written, also when cancelled: the cancel ends after the current entity.
            writeIssues(page);
        }

        private void writeIssues(List<RemoteEntity> page) {
            if (!page.isEmpty()) {
                ensureSprints(page);
                process(EntityKind.ISSUE, page.stream().map(Candidate::seen).toList());
            }
        }

        /** Issues in sprints this database does not have yet (another board's) get them first, fetched from JIRA with their states. */
        private void ensureSprints(List<RemoteEntity> issues) {
            List<Long> ids = issues.stream().map(issue -> FieldType.idOf(issue.fields().get("sprint"))).filter(id -> id != null).distinct().toList();
            if (ids.isEmpty()) {
                return;
            }
            List<Long> missing = database.read(connection -> tables.sprintsMissing(connection, ids));
            List<Candidate> sprints = new ArrayList<>();
            for (long sprint : missing) {
                jira.fetch(runClient, EntityKind.SPRINT, String.valueOf(sprint), null).ifPresent(found -> sprints.add(Candidate.seen(found)));
            }
            if (!sprints.isEmpty()) {
                process(EntityKind.SPRINT, sprints);
            }
        }

        // ---- the local side ----

        /**
         * What JIRA's answers did not show: queued and due states, local changes (incremental runs), entities JIRA no
         * longer has (full runs over every board), local deletions and issues created locally.
         */
        private void localSide() {
            boolean everyBoard = request.boards().isEmpty();
            localScanAt = now();
            // Local rows changed since the last run looked at the local side, and those this run already wrote or saw
            // and someone changed since; a few seconds more for clients that write timestamps to the second.
            Instant changedSince = (mode == SyncMode.FULL ? startedAt : last.get().localScanAt()).minus(LOCAL_OVERLAP);
            boolean unseen = mode == SyncMode.FULL && everyBoard && !request.dryRun();
            // Local deletions are looked for by a scan of the states; an incremental run scans only when the counts show some.
            Set<EntityKind> deletions = new HashSet<>();
            for (EntityKind kind : List.of(EntityKind.SPRINT, EntityKind.ISSUE)) {
                if (mode == SyncMode.FULL || store.mayHaveLocalDeletions(kind)) {
                    deletions.add(kind);
                }
            }
            for (EntityKind kind : List.of(EntityKind.PROJECT, EntityKind.BOARD, EntityKind.SPRINT, EntityKind.ISSUE)) {
                long after = 0;
                while (!cancel.isCancelled()) {
                    List<Long> ids = store.candidates(kind, batchId, now(), changedSince,
                            unseen && (kind == EntityKind.ISSUE || kind == EntityKind.SPRINT), deletions.contains(kind), after, settings.chunk());
                    if (ids.isEmpty()) {
                        break;
                    }
                    after = ids.getLast();
                    List<Long> fresh = ids.stream().filter(id -> !lookedAt.contains(id)).toList();
                    if (!fresh.isEmpty()) {
                        processLocal(kind, fresh, mode == SyncMode.FULL);
                    }
                }
            }
            long after = 0;
            while (!cancel.isCancelled()) {
                List<Long> ids = store.newLocalIssues(after, settings.chunk());
                if (ids.isEmpty()) {
                    break;
                }
                after = ids.getLast();
                processNewLocalIssues(ids);
            }
        }

        /**
         * Creations a dead run left underway are seen through first: JIRA may have made the issue, and the boards' pass
         * would otherwise take it for an issue made in JIRA and copy it locally beside the row it came from.
         */
        private void creationsUnderway() {
            List<Long> ids = store.creationsUnderway();
            for (int from = 0; from < ids.size() && !cancel.isCancelled(); from += settings.chunk()) {
                processLocal(EntityKind.ISSUE, ids.subList(from, Math.min(ids.size(), from + settings.chunk())), true);
            }
        }

        /** The states an operator chose, each read from JIRA and compared now, whatever the boards' changes. */
        private void entities() {
            for (EntityKind kind : List.of(EntityKind.PROJECT, EntityKind.BOARD, EntityKind.SPRINT, EntityKind.ISSUE)) {
                for (int from = 0; from < request.states().size() && !cancel.isCancelled(); from += settings.chunk()) {
                    processLocal(kind, request.states().subList(from, Math.min(request.states().size(), from + settings.chunk())), true);
                }
            }
        }

        /**
         * States the JIRA side did not show. JIRA's side of issues is searched for by id, a hundred a search; of the few
         * sprints, boards and projects fetched one by one, unless the snapshot is recent enough to stand for it.
         */
        private void processLocal(EntityKind kind, List<Long> stateIds, boolean fetchAll) {
            Map<Long, Tracked> states = database.read(connection -> store.states(connection, kind, stateIds, List.of(), List.of(), false));
            Map<Long, LocalRow> locals = database.read(connection -> tables.find(connection, kind,
                    states.values().stream().map(Tracked::localId).filter(id -> id != null).toList(), List.of(), List.of(), false));
            List<Candidate> candidates = new ArrayList<>();
            List<Tracked> toFetch = new ArrayList<>();
            for (Tracked state : states.values()) {
                LocalRow local = state.localId() == null ? null : locals.get(state.localId());
                if (!inChosenBoards(kind, local)) {
                    continue;
                }
                if (state.is(SyncStatus.FAILED) && (state.nextAttemptAt() == null || state.nextAttemptAt().isAfter(now()))
                        && !state.localChangedSince(local) && !fetchAll) {
                    // Not due, and nothing changed locally since it failed: asking JIRA would be wasted.
                    tally.processed++;
                    tally.skipped++;
                    continue;
                }
                boolean recent = state.base() != null && state.baseTakenAt() != null && last.isPresent()
                        && !state.baseTakenAt().isBefore(last.get().startedAt());
                if (state.creationUnderway() || kind != EntityKind.ISSUE && recent && !fetchAll) {
                    candidates.add(Candidate.tracked(state.id(), null, false));
                } else {
                    toFetch.add(state);
                }
            }
            List<Tracked> byId = kind == EntityKind.ISSUE ? toFetch.stream().filter(state -> state.jiraId() != null
                    && !state.jiraId().isEmpty() && state.jiraId().chars().allMatch(Character::isDigit)).toList() : List.of();
            if (!byId.isEmpty()) {
                Map<String, RemoteEntity> found = new HashMap<>();
                runClient.searchIssues(Jql.ids(byId.stream().map(Tracked::jiraId).toList())).forEachRemaining(issue -> {
                    RemoteEntity remote = JiraSide.issue(issue);
                    found.put(remote.jiraId(), remote);
                });
                byId.forEach(state -> candidates.add(Candidate.tracked(state.id(), found.get(state.jiraId()), true)));
            }
            List<Future<Candidate>> fetches = new ArrayList<>();
            for (Tracked state : toFetch) {
                if (!byId.contains(state)) {
                    fetches.add(pushers.submit(() -> Candidate.tracked(state.id(), jira.fetch(runClient, kind, state.jiraId(), null).orElse(null), true)));
                }
            }
            candidates.addAll(await(fetches));
            if (kind == EntityKind.ISSUE) {
                ensureSprints(candidates.stream().map(Candidate::remote).filter(remote -> remote != null).toList());
            }
            process(kind, candidates);
        }

        /** With {@code --board}, the local side stays within the boards' projects (issues) and boards (sprints). */
        private boolean inChosenBoards(EntityKind kind, LocalRow local) {
            if (request.boards().isEmpty() || local == null) {
                return request.boards().isEmpty();
            }
            return switch (kind) {
                case ISSUE -> scopeProjects.contains(LocalTables.projectOf(local.key()));
                case PROJECT -> scopeProjects.contains(local.key());
                case BOARD -> local.jiraId() != null && scopeBoards.contains(Long.parseLong(local.jiraId()));
                case SPRINT -> true;
            };
        }

        /** Issues created locally: JIRA is asked for their key first, since the same key created on both sides is a creation conflict. */
        private void processNewLocalIssues(List<Long> ids) {
            Map<Long, LocalRow> locals = database.read(connection -> tables.find(connection, EntityKind.ISSUE, ids, List.of(), List.of(), false));
            List<Future<Candidate>> fetches = new ArrayList<>();
            for (LocalRow local : locals.values()) {
                if (!inChosenBoards(EntityKind.ISSUE, local)) {
                    continue;
                }
                fetches.add(pushers.submit(() -> Candidate.local(local.id(), jira.fetch(runClient, EntityKind.ISSUE, null, local.key()).orElse(null))));
            }
            process(EntityKind.ISSUE, await(fetches));
        }

        private <T> List<T> await(List<Future<T>> futures) {
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    results.add(future.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while asking JIRA", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof JiraFailure failure) {
                        throw failure;
                    }
                    throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
                }
            }
            return results;
        }

        // ---- one page of entities ----

        private void process(EntityKind kind, List<Candidate> candidates) {
            if (candidates.isEmpty()) {
                return;
            }
            long started = System.nanoTime();
            pageCalls = calls.requests() - chargedCalls;
            List<Item> items = request.dryRun()
                    ? database.read(connection -> prepare(connection, kind, candidates, false))
                    : retrying(() -> database.inTransaction(connection -> prepare(connection, kind, candidates, true)));
            List<Item> toJira = items.stream().filter(item -> item.needsJira).toList();
            if (!toJira.isEmpty()) {
                sendToJira(toJira);
                retrying(() -> database.inTransaction(connection -> {
                    for (Item item : toJira) {
                        finish(connection, item, started);
                    }
                    return null;
                }));
            }
            // The page's pushes are on their entities' counters; its writes and pushes take part in the next page's time.
            chargedCalls = calls.requests();
            chargedUntil = pageChargedAt;
            listener.progress(new SyncProgress(boardId, boardName, boardIndex, boardCount, tally.counts(), calls.requests(), elapsed()));
            JiraFailure stop = stopped.get();
            if (stop != null) {
                throw new RunStopped(stop);
            }
        }

        /**
         * A page's transaction, tried again (up to three times) when the database chose it as a deadlock's victim, found a
         * serialization failure or stayed locked past the busy timeout: an operator's bulk action may hold the same rows.
         * The counters of a failed try are undone.
         */
        private <T> T retrying(java.util.function.Supplier<T> transaction) {
            for (int attempt = 1; ; attempt++) {
                Tally before = tally.copy();
                int deletions = jiraDeletions;
                try {
                    return transaction.get();
                } catch (com.syncdesk.persistence.DatabaseException e) {
                    if (attempt == 3 || !concurrentWriter(e)) {
                        throw e;
                    }
                    tally.restore(before);
                    jiraDeletions = deletions;
                    LOG.info("A page's transaction met a concurrent writer ({}); trying again", e.getMessage());
                }
            }
        }

        private static boolean concurrentWriter(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().equals("40P01") || sql.getSQLState().equals("40001"))) {
                    return true;
                }
                if (t instanceof com.syncdesk.persistence.DatabaseException database
                        && database.reason() == com.syncdesk.persistence.DatabaseException.Reason.LOCKED) {
                    return true;
                }
            }
            return false;
        }

        /** Reads, decides and writes the local side of a page in one transaction; returns the items with their plans. */
        private List<Item> prepare(Connection connection, EntityKind kind, List<Candidate> candidates, boolean write) throws SQLException {
            long started = System.nanoTime();
            List<String> jiraIds = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            List<Long> stateIds = new ArrayList<>();
            List<Long> localIds = new ArrayList<>();
            for (Candidate candidate : candidates) {
                if (candidate.remote() != null) {
                    jiraIds.add(candidate.remote().jiraId());
                    if (candidate.remote().key() != null) {
                        keys.add(candidate.remote().key());
                    }
                }
                if (candidate.stateId() != null) {
                    stateIds.add(candidate.stateId());
                }
                if (candidate.localId() != null) {
                    localIds.add(candidate.localId());
                }
            }
            Map<Long, Tracked> states = store.states(connection, kind, stateIds, jiraIds, List.of(), write);
            List<Long> ofStates = new ArrayList<>(localIds);
            states.values().stream().map(Tracked::localId).filter(id -> id != null).forEach(ofStates::add);
            Map<Long, LocalRow> locals = tables.find(connection, kind, ofStates, jiraIds, keys, write);
            // A local row found by JIRA's id or key may have a state under its own id.
            List<String> unmatched = locals.values().stream().map(row -> String.valueOf(row.id()))
                    .filter(id -> states.values().stream().noneMatch(state -> id.equals(state.entityId()))).toList();
            if (!unmatched.isEmpty()) {
                states.putAll(store.states(connection, kind, List.of(), List.of(), unmatched, write));
            }
            Map<String, Tracked> stateByJiraId = new HashMap<>();
            Map<String, Tracked> stateByEntity = new HashMap<>();
            states.values().forEach(state -> {
                if (state.jiraId() != null) {
                    stateByJiraId.put(state.jiraId(), state);
                }
                stateByEntity.put(state.entityId(), state);
            });
            Map<String, LocalRow> localByJiraId = new HashMap<>();
            Map<String, LocalRow> localByKey = new HashMap<>();
            locals.values().forEach(row -> {
                if (row.jiraId() != null) {
                    localByJiraId.put(row.jiraId(), row);
                }
                if (row.key() != null) {
                    localByKey.put(row.key(), row);
                }
            });
            List<Item> items = new ArrayList<>();
            Set<Long> statesTaken = new HashSet<>();
            for (Candidate candidate : candidates) {
                Tracked state = candidate.stateId() != null ? states.get(candidate.stateId())
                        : candidate.remote() != null ? stateByJiraId.get(candidate.remote().jiraId()) : null;
                LocalRow local;
                if (state != null) {
                    local = state.localId() == null ? null : locals.get(state.localId());
                } else if (candidate.localId() != null) {
                    local = locals.get(candidate.localId());
                } else {
                    local = localByJiraId.get(candidate.remote().jiraId());
                    if (local == null && candidate.remote().key() != null) {
                        local = localByKey.get(candidate.remote().key());
                    }
                }
                if (state == null && local != null) {
                    state = stateByEntity.get(String.valueOf(local.id()));
                }
                if (state != null && !statesTaken.add(state.id())) {
                    continue;
                }
                if (candidate.stateId() != null && state == null || candidate.localId() != null && local == null) {
                    continue;
                }
                Item item = new Item(kind, candidate, state, local);
                items.add(item);
                if (request.dryRun() && state != null) {
                    lookedAt.add(state.id());
                }
            }
            pageChargedAt = System.nanoTime();
            share(items, pageChargedAt - chargedUntil, pageCalls);
            Writes writes = new Writes(connection, kind, write);
            for (Item item : items) {
                decide(item);
                writes.apply(item);
            }
            writes.flush(items);
            return items;
        }

        /**
         * Charges each entity of the page with its part of what the page cost, the page's search and its local work, in
         * whole calls and milliseconds that add up to the page's: the dashboard's sums then match the run's.
         */
        private static void share(List<Item> items, long nanos, long calls) {
            long millis = Duration.ofNanos(nanos).toMillis();
            int n = items.size();
            for (int i = 0; i < n; i++) {
                items.get(i).sharedMillis = (int) Math.min(Integer.MAX_VALUE, (i + 1) * millis / n - i * millis / n);
                items.get(i).sharedCalls = (int) Math.min(Integer.MAX_VALUE, (i + 1) * calls / n - i * calls / n);
            }
        }

        /** Whether an entity is left alone this time, and if not, its plan. */
        private void decide(Item item) {
            Tracked state = item.state;
            tally.processed++;
            if (state != null) {
                String skip = null;
                if (state.is(SyncStatus.SKIPPED)) {
                    skip = "skipped by an operator";
                } else if (state.is(SyncStatus.IN_PROGRESS)) {
                    skip = "held by another worker";
                } else if (state.conflicts()) {
                    skip = "waits for a conflict to be resolved";
                } else if (state.parkedAt() != null && !state.is(SyncStatus.PENDING)) {
                    skip = "parked for a human";
                } else if (state.is(SyncStatus.FAILED) && !due(item) && !request.forEntities()) {
                    skip = "waiting to retry at " + state.nextAttemptAt();
                }
                if (skip != null) {
                    item.skip = skip;
                    return;
                }
            }
            Fields remote = remoteFields(item);
            if (item.unknownRemote) {
                return;
            }
            Fields local = item.local == null ? null : item.local.fields();
            item.plan = planner.plan(item.kind, state == null ? null : state.base(), state == null ? Map.of() : state.seen(), local, remote,
                    state == null ? SyncDirection.BIDIRECTIONAL : state.directionOrDefault());
            if (item.plan.action() == Action.DELETE_REMOTE && ++jiraDeletions > settings.maxJiraDeletions()) {
                item.plan = new Plan(Action.WHOLE_CONFLICT, Map.of(), Map.of(), List.of(), List.of(), new Plan.WholeConflict(
                        ConflictType.DELETION_CONFLICT, state.base().toJsonNode(), null, remote.toJsonNode()), state.base(), state.base(), null);
                item.note = "more than " + settings.maxJiraDeletions() + " local deletions in one run: kept for a human instead of deleted in JIRA";
            }
        }

        /** A failed state is tried again when its time has come, or when either side changed since it failed. */
        private boolean due(Item item) {
            Tracked state = item.state;
            if (state.nextAttemptAt() != null && !state.nextAttemptAt().isAfter(now())) {
                return true;
            }
            if (state.localChangedSince(item.local)) {
                return true;
            }
            return item.candidate.remoteKnown() && item.candidate.remote() != null && state.base() != null
                    && !item.candidate.remote().fields().equals(state.base());
        }

        /** JIRA's side as far as the run knows: what JIRA answered, or the snapshot (with an operator's resolutions) when nothing says otherwise. */
        private Fields remoteFields(Item item) {
            if (item.candidate.remoteKnown()) {
                return item.candidate.remote() == null ? null : item.candidate.remote().fields();
            }
            Tracked state = item.state;
            if (state != null && state.creationUnderway()) {
                return null;
            }
            if (state == null || state.base() == null) {
                item.unknownRemote = true;
                return null;
            }
            return state.base().with(state.seen());
        }

        // ---- the JIRA writes of a page ----

        private void sendToJira(List<Item> items) {
            List<Future<?>> running = new ArrayList<>();
            for (Item item : items) {
                running.add(pushers.submit(() -> {
                    if (cancel.isCancelled() || stopped.get() != null) {
                        item.notStarted = true;
                        return;
                    }
                    JiraClient view = runClient.observedBy(item.calls);
                    try {
                        writeToJira(view, item);
                    } catch (JiraFailure failure) {
                        item.failure = failure;
                        if (JiraSide.stopsTheRun(failure)) {
                            stopped.compareAndSet(null, failure);
                        }
                    } catch (JiraSide.Refused refused) {
                        item.refused = refused;
                    } catch (RuntimeException e) {
                        item.unexpected = e;
                    }
                }));
            }
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while writing to JIRA", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
                }
            }
        }

        private void writeToJira(JiraClient view, Item item) {
            Plan plan = item.plan;
            switch (plan.action()) {
                case CREATE_REMOTE -> item.created = jira.create(view, item.local.key(), item.local.fields(), item.origin);
                case DELETE_REMOTE -> jira.delete(view, item.state.jiraId());
                default -> jira.push(view, item.kind, item.jiraRef(), plan.push());
            }
        }

        /** Records how a JIRA write ended, in the second transaction of the page. */
        private void finish(Connection connection, Item item, long pageStarted) throws SQLException {
            Instant now = now();
            int duration = (int) Math.min(Integer.MAX_VALUE, Duration.ofNanos(System.nanoTime() - pageStarted).toMillis());
            int apiCalls = (int) Math.min(Integer.MAX_VALUE, item.calls.requests());
            if (item.notStarted) {
                Map<String, Object> back = new LinkedHashMap<>();
                back.put("sync_status", SyncStatus.PENDING);
                store.update(connection, item.stateId, item.version, back, now);
                return;
            }
            if (item.failure != null && item.failure.kind() == JiraFailure.Kind.NOT_FOUND && item.plan.action() == Action.UPDATE) {
                goneInJira(connection, item, now);
                return;
            }
            if (item.failure != null || item.refused != null || item.unexpected != null) {
                FailureKind kind = item.failure != null ? JiraSide.kindOf(item.failure) : item.refused != null ? item.refused.kind() : FailureKind.SERVER;
                String message = item.failure != null ? item.failure.getMessage() : item.refused != null ? item.refused.getMessage()
                        : "SyncDesk failed: " + item.unexpected.getMessage();
                if (item.unexpected != null) {
                    LOG.error("Writing {} to JIRA failed", item.label(), item.unexpected);
                }
                fail(connection, item, kind, message, duration, apiCalls, now);
                return;
            }
            Map<String, Object> columns = completedColumns(item, item.plan.baseAfterPush(), duration, apiCalls, now);
            switch (item.plan.action()) {
                case DELETE_REMOTE -> {
                    store.deleteState(connection, item.stateId);
                    tally.deleted++;
                    tally.pushed++;
                    return;
                }
                case CREATE_REMOTE -> {
                    tables.linkCreatedIssue(connection, item.local.id(), item.created.id(), item.created.key(), now);
                    columns.put("jira_id", item.created.id());
                    tally.created++;
                }
                default -> tally.updated += item.countedUpdate ? 0 : 1;
            }
            tally.pushed++;
            if (item.plan.refusal() != null) {
                columns.clear();
                store.writeSnapshots(connection, Map.of(item.stateId, item.plan.baseAfterPush()), now);
                fail(connection, item, FailureKind.VALIDATION, item.plan.refusal(), duration, apiCalls, now);
                return;
            }
            if (item.openedConflicts) {
                columns.put("sync_status", SyncStatus.PENDING);
                columns.remove("conflicts");
                columns.remove("resolution_strategy");
            }
            if (store.update(connection, item.stateId, item.version, columns, now)) {
                store.writeSnapshots(connection, Map.of(item.stateId, item.plan.baseAfterPush()), now);
            }
        }

        /** JIRA answered 404 to a push: the entity was deleted there, and the local change makes it a deletion conflict (or the strategy decides). */
        private void goneInJira(Connection connection, Item item, Instant now) throws SQLException {
            Plan plan = planner.plan(item.kind, item.state == null ? null : item.state.base(), Map.of(), item.local.fields(), null,
                    SyncDirection.BIDIRECTIONAL);
            Map<String, Object> columns = new LinkedHashMap<>();
            List<ConflictRow> rows = new ArrayList<>();
            switch (plan.action()) {
                case DELETE_LOCAL -> {
                    tables.delete(connection, item.kind, item.local.id());
                    store.deleteState(connection, item.stateId);
                    tally.deleted++;
                    tally.pulled++;
                    return;
                }
                case CREATE_REMOTE -> {
                    columns.put("sync_status", SyncStatus.PENDING);
                    columns.put("sync_direction", SyncDirection.LOCAL_TO_REMOTE);
                }
                default -> {
                    Plan.WholeConflict whole = plan.wholeConflict();
                    rows.add(new ConflictRow(item.stateId, whole.type(), null, whole.base(), whole.local(), whole.remote(), ResolutionStrategy.MANUAL,
                            false, null, null));
                    columns.put("sync_status", SyncStatus.PENDING);
                    columns.put("conflicts", SyncStore.conflictsJson(rows));
                    columns.put("resolution_strategy", ResolutionStrategy.MANUAL);
                    tally.conflictsDetected++;
                }
            }
            plan.resolved().forEach(resolved -> rows.add(resolvedRow(item.stateId, resolved)));
            if (store.update(connection, item.stateId, item.version, columns, now)) {
                store.insertConflicts(connection, rows, now);
                tally.conflictsDetected += plan.resolved().size();
                tally.conflictsResolved += plan.resolved().size();
            }
        }

        private void fail(Connection connection, Item item, FailureKind kind, String message, int duration, int apiCalls, Instant now)
                throws SQLException {
            int failures = item.state == null ? 1 : item.state.errorCount() + 1;
            boolean park = failures >= site.parkAfterFailures();
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("sync_status", SyncStatus.FAILED);
            columns.put("error_count", failures);
            columns.put("last_error", park ? "Parked after " + failures + " failed attempts in a row: " + message : message);
            columns.put("failure_kind", kind);
            columns.put("last_sync_attempt", now);
            columns.put("next_attempt_at", !park && kind.isTransient() ? now.plus(settings.retryAfter(failures)) : null);
            columns.put("parked_at", park ? now : null);
            columns.put("sync_batch_id", batchId);
            columns.put("sync_duration_ms", duration + item.sharedMillis);
            columns.put("api_calls_count", apiCalls + item.sharedCalls);
            if (item.wroteLocal) {
                columns.put("local_modified", now);
            } else if (item.local != null && item.local.updatedAt() != null) {
                columns.put("local_modified", item.local.updatedAt());
            }
            if (store.update(connection, item.stateId, item.version, columns, now)) {
                item.version++;
                tally.failed++;
                if (park) {
                    tally.parked++;
                }
            }
        }

        private Map<String, Object> completedColumns(Item item, Fields snapshot, int duration, int apiCalls, Instant now) {
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("sync_status", SyncStatus.COMPLETED);
            columns.put("last_sync_attempt", now);
            columns.put("last_successful_sync", now);
            columns.put("error_count", 0);
            columns.put("last_error", null);
            columns.put("failure_kind", null);
            columns.put("next_attempt_at", null);
            columns.put("parked_at", null);
            columns.put("sync_batch_id", batchId);
            columns.put("content_hash", snapshot == null ? null : snapshot.hash());
            columns.put("sync_duration_ms", duration + item.sharedMillis);
            columns.put("api_calls_count", apiCalls + item.sharedCalls);
            columns.put("sync_direction", SyncDirection.BIDIRECTIONAL);
            columns.put("conflicts", new JsonValue(null));
            if (item.candidate.remote() != null && item.candidate.remote().updated() != null) {
                columns.put("remote_modified", item.candidate.remote().updated());
            }
            // What the local row's updated_at is now, so the next runs know a change of it from the run's own write.
            if (item.wroteLocal) {
                columns.put("local_modified", now);
            } else if (item.local != null && item.local.updatedAt() != null) {
                columns.put("local_modified", item.local.updatedAt());
            }
            if (!item.plan.resolved().isEmpty()) {
                columns.put("resolution_strategy", item.plan.resolved().getFirst().strategy());
            }
            return columns;
        }

        private ConflictRow resolvedRow(long stateId, Plan.Resolved resolved) {
            return new ConflictRow(stateId, resolved.type(), resolved.field(), resolved.base(), resolved.local(), resolved.remote(), resolved.strategy(),
                    true, resolved.value(), "Resolved by the sync: the connection's conflict strategy is " + resolved.strategy().wire() + ".");
        }

        /** The local writes of a page: per entity a version-checked state change first, then its rows; new rows in batches. */
        private final class Writes {
            private final Connection connection;
            private final EntityKind kind;
            private final boolean write;
            private final Instant now = now();
            private final List<Tracked> seen = new ArrayList<>();
            private final List<Item> newRows = new ArrayList<>();
            private final List<Item> newStates = new ArrayList<>();
            private final Map<Long, Fields> snapshots = new LinkedHashMap<>();
            private final List<ConflictRow> conflicts = new ArrayList<>();

            Writes(Connection connection, EntityKind kind, boolean write) {
                this.connection = connection;
                this.kind = kind;
                this.write = write;
            }

            void apply(Item item) throws SQLException {
                if (item.skip != null) {
                    tally.skipped++;
                    if (item.state != null && mode == SyncMode.FULL && !item.state.is(SyncStatus.IN_PROGRESS)) {
                        seen.add(item.state);
                    }
                    return;
                }
                if (item.unknownRemote) {
                    tally.skipped++;
                    return;
                }
                Plan plan = item.plan;
                if (!write) {
                    report(item);
                    countPlanned(plan);
                    return;
                }
                if (plan.action() != Action.CREATE_LOCAL && plan.action() != Action.FORGET && plan.action() != Action.DELETE_LOCAL) {
                    try {
                        if (plan.action() == Action.UPDATE && item.local != null) {
                            tables.check(kind, item.local.fields().with(plan.pull()));
                        }
                    } catch (InvalidValueException e) {
                        refuse(item, "JIRA's " + e.field() + " does not fit SyncDesk's database: " + e.getMessage());
                        return;
                    }
                }
                switch (plan.action()) {
                    case NONE -> {
                        if (item.state.is(SyncStatus.COMPLETED)) {
                            // Only a full run needs to know what it saw: what it did not see is gone from JIRA or from its scope.
                            if (mode == SyncMode.FULL) {
                                seen.add(item.state);
                            }
                        } else {
                            changeState(item, completedColumns(item, item.state.base(), 0, 0, now));
                        }
                    }
                    case REBASE, UPDATE -> update(item);
                    case CREATE_LOCAL -> createLocal(item);
                    case CREATE_REMOTE -> {
                        item.origin = item.state != null && item.state.creationUnderway() ? item.state.jiraId().substring(Tracked.PENDING_CREATION.length())
                                : UUID.randomUUID().toString();
                        toJira(item, Map.of("jira_id", Tracked.PENDING_CREATION + item.origin));
                    }
                    case DELETE_REMOTE -> toJira(item, Map.of());
                    case DELETE_LOCAL -> {
                        if (item.kind == EntityKind.BOARD || item.kind == EntityKind.PROJECT) {
                            refuse(item, "JIRA no longer has this " + item.kind.type().wire() + "; SyncDesk keeps the local one: remove it from the "
                                    + "connection or delete it locally");
                            return;
                        }
                        if (item.state != null) {
                            store.deleteState(connection, item.state.id());
                        }
                        if (item.local != null) {
                            tables.delete(connection, kind, item.local.id());
                        }
                        tally.deleted++;
                        tally.pulled++;
                    }
                    case FORGET -> {
                        if (item.state != null) {
                            store.deleteState(connection, item.state.id());
                            tally.deleted++;
                        }
                    }
                    case WHOLE_CONFLICT -> {
                        Plan.WholeConflict whole = plan.wholeConflict();
                        ConflictRow row = new ConflictRow(0, whole.type(), null, whole.base(), whole.local(), whole.remote(), ResolutionStrategy.MANUAL,
                                false, null, item.note);
                        Map<String, Object> columns = new LinkedHashMap<>();
                        columns.put("sync_status", SyncStatus.PENDING);
                        columns.put("conflicts", SyncStore.conflictsJson(List.of(row)));
                        columns.put("resolution_strategy", ResolutionStrategy.MANUAL);
                        columns.put("last_sync_attempt", now);
                        columns.put("sync_batch_id", batchId);
                        item.pendingConflicts.add(row);
                        tally.conflictsDetected++;
                        stateFor(item, columns);
                    }
                    case REFUSE -> refuse(item, plan.refusal());
                }
            }

            /** Pulls, agreed values and conflicts written locally; a push marks the state in progress for the JIRA step. */
            private void update(Item item) throws SQLException {
                Plan plan = item.plan;
                List<ConflictRow> open = new ArrayList<>();
                for (Plan.FieldConflictPlan conflict : plan.conflicts()) {
                    open.add(new ConflictRow(0, ConflictType.FIELD_CONFLICT, conflict.field(), conflict.base(), conflict.local(), conflict.remote(),
                            ResolutionStrategy.MANUAL, false, null, null));
                }
                Map<String, Object> columns;
                if (plan.needsJira()) {
                    columns = new LinkedHashMap<>();
                    columns.put("sync_status", SyncStatus.IN_PROGRESS);
                    columns.put("last_sync_attempt", now);
                    columns.put("sync_batch_id", batchId);
                } else if (plan.refusal() != null) {
                    columns = null;
                } else {
                    item.wroteLocal = !plan.pull().isEmpty() && item.local != null;
                    columns = completedColumns(item, plan.baseAfterLocal(), 0, 0, now);
                }
                if (!open.isEmpty()) {
                    if (columns == null) {
                        columns = new LinkedHashMap<>();
                    }
                    if (!plan.needsJira()) {
                        columns.put("sync_status", SyncStatus.PENDING);
                    }
                    columns.put("conflicts", SyncStore.conflictsJson(open));
                    columns.put("resolution_strategy", ResolutionStrategy.MANUAL);
                    item.openedConflicts = true;
                    tally.conflictsDetected += open.size();
                }
                if (columns == null) {
                    columns = new LinkedHashMap<>();
                }
                if (!stateFor(item, columns)) {
                    return;
                }
                if (!plan.pull().isEmpty() && item.local != null) {
                    tables.update(connection, kind, item.local.id(), plan.pull(), item.candidate.remote(), now);
                    item.wroteLocal = true;
                    tally.pulled++;
                }
                if (!plan.pull().isEmpty() || !plan.push().isEmpty() || !plan.conflicts().isEmpty()) {
                    tally.updated++;
                    item.countedUpdate = true;
                }
                item.pendingConflicts.addAll(open);
                plan.resolved().forEach(resolved -> item.pendingConflicts.add(resolvedRow(0, resolved)));
                tally.conflictsDetected += plan.resolved().size();
                tally.conflictsResolved += plan.resolved().size();
                item.snapshot = plan.baseAfterLocal();
                if (plan.needsJira()) {
                    item.needsJira = true;
                } else if (plan.refusal() != null) {
                    item.failLater = plan.refusal();
                }
            }

            private void createLocal(Item item) throws SQLException {
                RemoteEntity remote = item.candidate.remote();
                try {
                    tables.check(kind, remote.fields());
                } catch (InvalidValueException e) {
                    refuse(item, "JIRA's " + e.field() + " does not fit SyncDesk's database: " + e.getMessage());
                    return;
                }
                item.snapshot = item.plan.baseAfterLocal();
                item.plan.resolved().forEach(resolved -> item.pendingConflicts.add(resolvedRow(0, resolved)));
                tally.conflictsDetected += item.plan.resolved().size();
                tally.conflictsResolved += item.plan.resolved().size();
                tally.created++;
                tally.pulled++;
                if (item.state == null) {
                    newRows.add(item);
                    newStates.add(item);
                    return;
                }
                // The local row is gone (or was never made, for an adopted state): a new one, and the state points at it.
                tables.insert(connection, kind, List.of(remote), now);
                long id = tables.idsOf(connection, kind, List.of(remote.jiraId())).get(remote.jiraId());
                item.wroteLocal = true;
                Map<String, Object> columns = completedColumns(item, item.snapshot, 0, 0, now);
                columns.put("entity_id", String.valueOf(id));
                columns.put("jira_id", remote.jiraId());
                changeState(item, columns);
            }

            private void toJira(Item item, Map<String, Object> extra) throws SQLException {
                Map<String, Object> columns = new LinkedHashMap<>();
                columns.put("sync_status", SyncStatus.IN_PROGRESS);
                columns.put("last_sync_attempt", now);
                columns.put("sync_batch_id", batchId);
                columns.putAll(extra);
                item.plan.resolved().forEach(resolved -> item.pendingConflicts.add(resolvedRow(0, resolved)));
                tally.conflictsDetected += item.plan.resolved().size();
                tally.conflictsResolved += item.plan.resolved().size();
                if (stateFor(item, columns)) {
                    item.needsJira = true;
                }
            }

            private void refuse(Item item, String message) throws SQLException {
                item.failLater = message;
                stateFor(item, new LinkedHashMap<>());
            }

            /** Changes the state (or queues a new one); false when an operator changed it meanwhile. */
            private boolean stateFor(Item item, Map<String, Object> columns) throws SQLException {
                if (item.state == null) {
                    item.newStateColumns = columns;
                    newStates.add(item);
                    return true;
                }
                return changeState(item, columns);
            }

            private boolean changeState(Item item, Map<String, Object> columns) throws SQLException {
                item.stateId = item.state.id();
                if (columns.isEmpty()) {
                    return true;
                }
                if (!store.update(connection, item.state.id(), item.version, columns, now)) {
                    item.lost = true;
                    tally.skipped++;
                    LOG.info("{} changed meanwhile (an operator's action); the next run takes it up", item.label());
                    return false;
                }
                item.version++;
                return true;
            }

            void flush(List<Item> items) throws SQLException {
                if (!write) {
                    return;
                }
                markSeen();
                if (!newRows.isEmpty()) {
                    tables.insert(connection, kind, newRows.stream().map(item -> item.candidate.remote()).toList(), now);
                    Map<String, Long> ids = tables.idsOf(connection, kind, newRows.stream().map(item -> item.candidate.remote().jiraId()).toList());
                    newRows.forEach(item -> item.newLocalId = ids.get(item.candidate.remote().jiraId()));
                }
                insertNewStates();
                for (Item item : items) {
                    if (item.lost || item.stateId == 0) {
                        continue;
                    }
                    if (item.snapshot != null && !item.needsJira && item.failLater == null) {
                        snapshots.put(item.stateId, item.snapshot);
                    } else if (item.snapshot != null && (item.needsJira || item.failLater != null) && !item.snapshot.equals(baseOf(item))) {
                        snapshots.put(item.stateId, item.snapshot);
                    }
                    for (ConflictRow row : item.pendingConflicts) {
                        conflicts.add(new ConflictRow(item.stateId, row.type(), row.field(), row.base(), row.local(), row.remote(), row.strategy(),
                                row.resolved(), row.value(), row.notes()));
                    }
                }
                store.writeSnapshots(connection, snapshots, now);
                store.insertConflicts(connection, conflicts, now);
                for (Item item : items) {
                    if (item.failLater != null && !item.lost && item.stateId != 0) {
                        fail(connection, item, FailureKind.VALIDATION, item.failLater, 0, 0, now);
                    }
                }
            }

            private Fields baseOf(Item item) {
                return item.state == null ? null : item.state.base();
            }

            private void markSeen() throws SQLException {
                if (!seen.isEmpty()) {
                    store.markSeen(connection, seen, batchId, now);
                }
            }

            /** States of entities met for the first time, in one batch; a new local row gives its id, otherwise the local row's. */
            private void insertNewStates() throws SQLException {
                if (newStates.isEmpty()) {
                    return;
                }
                List<SyncStore.NewState> rows = new ArrayList<>();
                for (Item item : newStates) {
                    long localId = item.newLocalId != null ? item.newLocalId : item.local.id();
                    String jiraId = item.candidate.remote() != null ? item.candidate.remote().jiraId()
                            : item.local.jiraId() != null ? item.local.jiraId() : Tracked.PENDING_CREATION + item.origin;
                    Map<String, Object> columns = new LinkedHashMap<>(stateColumns(item));
                    if (columns.containsKey("jira_id")) {
                        jiraId = (String) columns.remove("jira_id");
                    }
                    item.newJiraId = jiraId;
                    rows.add(new SyncStore.NewState(kind, localId, jiraId, columns));
                }
                // One batch per set of columns: the statement names the columns.
                Map<List<String>, List<SyncStore.NewState>> byColumns = new LinkedHashMap<>();
                rows.forEach(row -> byColumns.computeIfAbsent(List.copyOf(row.columns().keySet()), k -> new ArrayList<>()).add(row));
                Map<String, Long> ids = new HashMap<>();
                for (List<SyncStore.NewState> group : byColumns.values()) {
                    ids.putAll(store.insertStates(connection, kind, group, now));
                }
                for (Item item : newStates) {
                    item.stateId = ids.get(item.newJiraId);
                    item.version = 0;
                }
            }

            /** The columns of a new state: the same for every state of a batch when they end the same way. */
            private Map<String, Object> stateColumns(Item item) {
                Map<String, Object> base = new LinkedHashMap<>();
                base.put("sync_status", SyncStatus.PENDING);
                base.put("last_sync_attempt", now);
                base.put("sync_batch_id", batchId);
                base.put("sync_direction", SyncDirection.BIDIRECTIONAL);
                base.put("last_successful_sync", null);
                base.put("content_hash", null);
                base.put("sync_duration_ms", item.sharedMillis);
                base.put("api_calls_count", item.sharedCalls);
                base.put("remote_modified", null);
                base.put("conflicts", new JsonValue(null));
                base.put("resolution_strategy", null);
                if (item.newStateColumns != null) {
                    base.putAll(item.newStateColumns);
                } else if (item.plan.action() == Action.CREATE_LOCAL || item.plan.action() == Action.REBASE
                        || item.plan.action() == Action.UPDATE && !item.needsJira) {
                    base.put("sync_status", SyncStatus.COMPLETED);
                    base.put("last_successful_sync", now);
                    base.put("content_hash", item.snapshot.hash());
                }
                if (item.newLocalId != null) {
                    base.put("local_modified", now);
                }
                if (item.candidate.remote() != null && item.candidate.remote().updated() != null) {
                    base.put("remote_modified", item.candidate.remote().updated());
                }
                if (item.needsJira || item.plan.action() == Action.CREATE_REMOTE) {
                    base.put("sync_status", SyncStatus.IN_PROGRESS);
                    base.put("sync_direction", SyncDirection.LOCAL_TO_REMOTE);
                }
                if (item.failLater != null) {
                    base.put("sync_status", SyncStatus.PENDING);
                }
                if (!item.plan.resolved().isEmpty() && !base.containsKey("resolution_strategy")) {
                    base.put("resolution_strategy", item.plan.resolved().getFirst().strategy());
                }
                return base;
            }
        }

        private void countPlanned(Plan plan) {
            switch (plan.action()) {
                case CREATE_LOCAL -> {
                    tally.created++;
                    tally.pulled++;
                }
                case CREATE_REMOTE -> {
                    tally.created++;
                    tally.pushed++;
                }
                case DELETE_LOCAL, DELETE_REMOTE, FORGET -> tally.deleted++;
                case UPDATE -> {
                    tally.updated++;
                    tally.pulled += plan.pull().isEmpty() ? 0 : 1;
                    tally.pushed += plan.push().isEmpty() ? 0 : 1;
                }
                case REFUSE -> tally.failed++;
                default -> { }
            }
            tally.conflictsDetected += plan.conflictsDetected();
            tally.conflictsResolved += plan.resolved().size();
        }

        /** A dry run's account of one entity's change. */
        private void report(Item item) {
            Plan plan = item.plan;
            String change = switch (plan.action()) {
                case NONE, REBASE -> null;
                case CREATE_LOCAL -> "new in JIRA: create locally";
                case CREATE_REMOTE -> "new locally: create in JIRA";
                case DELETE_LOCAL -> "deleted in JIRA: delete locally";
                case DELETE_REMOTE -> "deleted locally: delete in JIRA";
                case FORGET -> "gone on both sides: forget its sync state";
                case WHOLE_CONFLICT -> "open a " + plan.wholeConflict().type().words();
                case REFUSE -> "fail: " + plan.refusal();
                case UPDATE -> {
                    List<String> parts = new ArrayList<>();
                    if (!plan.pull().isEmpty()) {
                        parts.add("pull " + String.join(", ", plan.pull().keySet()));
                    }
                    if (!plan.push().isEmpty()) {
                        parts.add("push " + String.join(", ", plan.push().keySet()));
                    }
                    plan.conflicts().forEach(conflict -> parts.add("conflict on " + conflict.field()));
                    plan.resolved().forEach(resolved -> parts.add(resolved.strategy().words() + " on " + resolved.field()));
                    if (plan.refusal() != null) {
                        parts.add("fail: " + plan.refusal());
                    }
                    yield String.join("; ", parts);
                }
            };
            if (change != null) {
                listener.planned(new PlannedChange(item.kind.type(), item.label(), change));
            }
        }

        private SyncCounts difference(SyncCounts after, SyncCounts before) {
            return new SyncCounts(after.processed() - before.processed(), after.created() - before.created(), after.updated() - before.updated(),
                    after.deleted() - before.deleted(), after.skipped() - before.skipped(), after.pulled() - before.pulled(),
                    after.pushed() - before.pushed(), after.conflictsDetected() - before.conflictsDetected(),
                    after.conflictsResolved() - before.conflictsResolved(), after.failed() - before.failed(), after.parked() - before.parked());
        }
    }

    /** An entity to look at: from JIRA's answer, from a state, or a local row never synced; with JIRA's side when it is known. */
    private record Candidate(RemoteEntity remote, boolean remoteKnown, Long stateId, Long localId) {

        static Candidate seen(RemoteEntity remote) {
            return new Candidate(remote, true, null, null);
        }

        static Candidate tracked(long stateId, RemoteEntity remote, boolean known) {
            return new Candidate(remote, known, stateId, null);
        }

        static Candidate local(long localId, RemoteEntity remote) {
            return new Candidate(remote, true, null, localId);
        }
    }

    /** One entity of a page on its way through the run. */
    private static final class Item {
        final EntityKind kind;
        final Candidate candidate;
        final Tracked state;
        final LocalRow local;
        final JiraCallCounter calls = new JiraCallCounter();
        /** The entity's part of its page's search and local work (pushes are counted on {@link #calls}). */
        int sharedMillis;
        int sharedCalls;
        final List<ConflictRow> pendingConflicts = new ArrayList<>();
        Plan plan;
        String skip;
        String note;
        boolean unknownRemote;
        boolean lost;
        boolean needsJira;
        boolean notStarted;
        boolean openedConflicts;
        boolean countedUpdate;
        /** The run wrote the local row: its updated_at is the run's, not a local change. */
        boolean wroteLocal;
        String failLater;
        String origin;
        Map<String, Object> newStateColumns;
        Long newLocalId;
        String newJiraId;
        long stateId;
        int version;
        Fields snapshot;
        JiraFailure failure;
        JiraSide.Refused refused;
        RuntimeException unexpected;
        JiraClient.CreatedIssue created;

        Item(EntityKind kind, Candidate candidate, Tracked state, LocalRow local) {
            this.kind = kind;
            this.candidate = candidate;
            this.state = state;
            this.local = local;
            this.version = state == null ? 0 : state.rowVersion();
            this.stateId = state == null ? 0 : state.id();
        }

        /** Where JIRA knows the entity: the issue's key (JIRA takes it in paths), else JIRA's id. */
        String jiraRef() {
            if (candidate.remote() != null && candidate.remote().key() != null && kind == EntityKind.ISSUE) {
                return candidate.remote().key();
            }
            if (kind == EntityKind.ISSUE && local != null && local.key() != null) {
                return local.key();
            }
            return candidate.remote() != null ? candidate.remote().jiraId() : state.jiraId();
        }

        String label() {
            if (local != null && local.key() != null) {
                return local.key();
            }
            if (candidate.remote() != null) {
                return candidate.remote().key() != null ? candidate.remote().key()
                        : kind.type().wire() + " " + FieldType.textOf(candidate.remote().fields().get("name")) + " (" + candidate.remote().jiraId() + ")";
            }
            if (local != null) {
                return kind.type().wire() + " " + FieldType.textOf(local.fields().get(kind.fieldNames().getFirst()));
            }
            return kind.type().wire() + " " + (state == null ? "?" : state.entityId());
        }
    }
}
