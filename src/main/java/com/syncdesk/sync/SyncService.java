package com.syncdesk.sync;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import com.syncdesk.jira.JiraClient;
import com.syncdesk.jira.JiraClientOptions;
import com.syncdesk.jira.JiraConnections;
import com.syncdesk.jira.JiraSecrets;
import com.syncdesk.jira.JiraSite;
import com.syncdesk.jira.Secret;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseException;

/**
 * Syncing as the console and the command line start it: with the database's stored JIRA connection and its
 * secret, once or on a schedule. Refused in words (a {@link com.syncdesk.jira.JiraRefusal}) when no connection
 * is configured or no secret is at hand.
 */
public final class SyncService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SyncService.class);

    private final Database database;
    private final JiraConnections connections;
    private final JiraClientOptions options;
    private final SyncSettings settings;

    public SyncService(Database database, JiraConnections connections, JiraClientOptions options, SyncSettings settings) {
        this.database = database;
        this.connections = connections;
        this.options = options;
        this.settings = settings;
    }

    /** Runs once. {@code given} is a secret the operator just gave; without one the stored connection's secret is used. */
    public SyncSummary run(SyncRequest request, Optional<Secret> given, SyncListener listener, SyncCancellation cancel) {
        JiraSite site = connections.stored().site();
        try (JiraClient client = open(site, given)) {
            return new SyncEngine(database, site, client, settings).run(request, listener, cancel);
        }
    }

    /**
     * Runs on a schedule until cancelled: a run, then a wait of {@code every} from its start (at once when a run took
     * longer), and so on. Cancelling during a run ends it after its current entity; during the wait, at once.
     */
    public void watch(SyncRequest request, Duration every, Optional<Secret> given, SyncListener listener, SyncCancellation cancel,
                      Consumer<SyncSummary> afterEach) throws InterruptedException {
        JiraSite site = connections.stored().site();
        try (JiraClient client = open(site, given)) {
            SyncEngine engine = new SyncEngine(database, site, client, settings);
            while (!cancel.isCancelled()) {
                long started = System.nanoTime();
                try {
                    afterEach.accept(engine.run(request, listener, cancel));
                } catch (DatabaseException e) {
                    if (e.reason() != DatabaseException.Reason.SYNC_IN_PROGRESS) {
                        throw e;
                    }
                    // Someone started a run by hand: this round is theirs.
                    LOG.info("Skipping this round: {}", e.getMessage());
                }
                long due = started + every.toNanos();
                while (!cancel.isCancelled() && System.nanoTime() < due) {
                    Thread.sleep(Math.min(200, Math.max(1, (due - System.nanoTime()) / 1_000_000)));
                }
            }
        }
    }

    private JiraClient open(JiraSite site, Optional<Secret> given) {
        if (given.isPresent()) {
            return JiraClient.open(site, given.get(), options);
        }
        JiraSecrets.Found found = connections.secretFor(site);
        try {
            return JiraClient.open(site, found.secret(), options);
        } finally {
            found.secret().destroy();
        }
    }
}
