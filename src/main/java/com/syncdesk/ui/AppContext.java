package com.syncdesk.ui;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Window;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.syncdesk.app.DatabaseSession;
import com.syncdesk.app.Failure;
import com.syncdesk.app.JiraLinks;
import com.syncdesk.app.StartupTrace;
import com.syncdesk.app.Texts;
import com.syncdesk.app.Workspace;
import com.syncdesk.conflict.ResolutionResult;
import com.syncdesk.jira.JiraClientOptions;
import com.syncdesk.jira.JiraConnectionStore;
import com.syncdesk.jira.JiraConnections;
import com.syncdesk.jira.JiraSecrets;
import com.syncdesk.migration.SchemaStatus;
import com.syncdesk.migration.SchemaWords;
import com.syncdesk.persistence.AppDirectories;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Privileges;
import com.syncdesk.persistence.Vendor;

/**
 * What every view of the console shares: the open database session and its schema status, the workspace
 * of services (present only while the schema is at the latest version), background work, dialogs,
 * texts, settings and navigation. Views observe its properties and never hold a database of their own.
 */
public final class AppContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final TaskRunner tasks;
    private final Dialogs dialogs;
    private final Texts texts = Texts.system();
    private final Settings settings;
    private final String operator = System.getProperty("user.name", "operator");
    private final ReadOnlyObjectWrapper<DatabaseSession> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyObjectWrapper<Database> database = new ReadOnlyObjectWrapper<>(this, "database");
    private final ReadOnlyObjectWrapper<SchemaStatus> schema = new ReadOnlyObjectWrapper<>(this, "schema");
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>(this, "workspace");
    private final ReadOnlyObjectWrapper<Privileges> privileges = new ReadOnlyObjectWrapper<>(this, "privileges");
    private final ReadOnlyStringWrapper connectionLabel = new ReadOnlyStringWrapper(this, "connectionLabel", "Not connected");
    private final ReadOnlyStringWrapper connecting = new ReadOnlyStringWrapper(this, "connecting");
    private final ReadOnlyStringWrapper connectionFailure = new ReadOnlyStringWrapper(this, "connectionFailure");
    private final ReadOnlyObjectWrapper<JiraLinks> jiraLinks = new ReadOnlyObjectWrapper<>(this, "jiraLinks");
    private final StringBinding availability;
    private final ObjectProperty<Window> window = new SimpleObjectProperty<>(this, "window");
    private final List<BooleanSupplier> closeGuards = new ArrayList<>();
    private URI storedJiraSite;
    private JiraSecrets jiraSecrets;
    private Consumer<Navigation> navigator = n -> { };
    private Consumer<ConflictRequest> conflictOpener = request -> { };
    private Consumer<URI> browser = uri -> { };
    private Runnable jiraConnectionOpener = () -> { };
    private Consumer<Notice> notifier = notice -> { };
    private final ReadOnlyIntegerWrapper jiraConnectionSaves = new ReadOnlyIntegerWrapper(this, "jiraConnectionSaves");
    private static final Object EARLY_LOCK = new Object();
    private static EarlyOpening early;

    /** A request to show a page, optionally with something to show on it (a filter, a state id). */
    public record Navigation(PageId page, Object argument) {
    }

    /** A short message for the operator that must not interrupt them, such as a scheduled run's outcome. */
    public record Notice(String title, String text) {
    }

    /** A request to resolve one sync state's conflicts in the conflict dialog, over whatever page asked. */
    public record ConflictRequest(long stateId, Consumer<ResolutionResult> onResolved) {
    }

    /** The console's own: background work on virtual threads, dialogs owned by the main window. */
    public AppContext(Settings settings) {
        this(settings, new FxTaskRunner(), null);
    }

    public AppContext(Settings settings, TaskRunner tasks, Dialogs dialogs) {
        this.settings = settings;
        this.tasks = tasks;
        this.dialogs = dialogs != null ? dialogs : new FxDialogs(window::get);
        jiraLinks.set(linksTo(settings.jiraBaseUrl));
        workspace.addListener((obs, old, now) -> readStoredJiraSite(now));
        availability = Bindings.createStringBinding(this::whyNoWorkspace, workspace, schema, connecting, connectionFailure);
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public Dialogs dialogs() {
        return dialogs;
    }

    public Texts texts() {
        return texts;
    }

    public Settings settings() {
        return settings;
    }

    public String operator() {
        return operator;
    }

    /**
     * Where JIRA secrets are kept for the console's whole life: a secret kept "for this session only" lives in this
     * one object. Opening the keyring may take seconds, so call it from background work only.
     */
    public synchronized JiraSecrets jiraSecrets() {
        if (jiraSecrets == null) {
            jiraSecrets = JiraSecrets.forThisMachine();
        }
        return jiraSecrets;
    }

    /** The JIRA connection use cases on the open workspace, as {@code syncdesk jira} has them; background work only. */
    public JiraConnections jiraConnections(Workspace on) {
        return new JiraConnections(on.database(), jiraSecrets(), JiraClientOptions.defaults(), operator);
    }

    public ReadOnlyObjectProperty<DatabaseSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public DatabaseSession session() {
        return session.get();
    }

    public ReadOnlyObjectProperty<Database> databaseProperty() {
        return database.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SchemaStatus> schemaProperty() {
        return schema.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    public Workspace workspace() {
        return workspace.get();
    }

    /**
     * Starts Hibernate for {@code services} in the background, called once the dashboard shows its figures: opening
     * the database no longer waits for it, and the first change of a sync state should not either. A mapping that does
     * not fit is logged here and refused again, in words, by the first change that needs it.
     */
    public static void prepareInBackground(Workspace services) {
        if (StartupTrace.training()) {
            // The console's cache holds what it needs up to its first figures: with Hibernate's 4,700 classes in it, every
            // console start loaded them before main (docs/performance.md, Start-up).
            return;
        }
        Thread.ofVirtual().name("syncdesk-hibernate").start(() -> {
            try {
                services.prepareSessions();
            } catch (RuntimeException e) {
                LOG.warn("Hibernate could not start over {}", services.database().target().describe(), e);
            }
        });
    }

    /** What the connected role may do, read in the background when connecting and after the schema moved; null while unknown. */
    public ReadOnlyObjectProperty<Privileges> privilegesProperty() {
        return privileges.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionLabelProperty() {
        return connectionLabel.getReadOnlyProperty();
    }

    /**
     * Why the pages have nothing to show, in a sentence, or empty while a workspace is open: still connecting, the
     * connection failed and why, a schema behind or newer than this SyncDesk, or no database at all.
     */
    public StringBinding availabilityProperty() {
        return availability;
    }

    private String whyNoWorkspace() {
        if (workspace.get() != null) {
            return "";
        }
        if (connecting.get() != null) {
            return "Connecting to " + connecting.get() + "…";
        }
        if (schema.get() != null) {
            return schema.get().isLatest() ? "Opening the services of " + connectionLabel.get() + "…" : SchemaWords.explanation(schema.get());
        }
        if (connectionFailure.get() != null) {
            return connectionFailure.get();
        }
        return "No database is open. Connect to one with File › Connect… (Ctrl+O).";
    }

    /**
     * Where "Open in JIRA" leads: the site of the database's own JIRA connection ({@code syncdesk jira connect}), or
     * without one the site set in the console's settings.
     */
    public ReadOnlyObjectProperty<JiraLinks> jiraLinksProperty() {
        return jiraLinks.getReadOnlyProperty();
    }

    public JiraLinks jiraLinks() {
        return jiraLinks.get();
    }

    /** The site of the open database's JIRA connection, or null when it has none (or none is open). */
    public URI storedJiraSite() {
        return storedJiraSite;
    }

    /** Sets (or, with null, forgets) the console's JIRA site, used when the database has no JIRA connection, and saves it. */
    public void setJiraSite(URI site) {
        settings.jiraBaseUrl = site == null ? null : site.toString();
        settings.save();
        updateJiraLinks();
    }

    private void updateJiraLinks() {
        jiraLinks.set(storedJiraSite != null ? JiraLinks.site(storedJiraSite) : linksTo(settings.jiraBaseUrl));
    }

    /** Reads the database's JIRA connection in the background; a connection that cannot be read leaves the settings' site. */
    private void readStoredJiraSite(Workspace now) {
        storedJiraSite = null;
        updateJiraLinks();
        if (now == null) {
            return;
        }
        tasks.run("Reading the JIRA connection", () -> new JiraConnectionStore(now.database()).load().map(s -> s.site().baseUrl()).orElse(null),
                site -> {
                    if (workspace.get() == now) {
                        storedJiraSite = site;
                        updateJiraLinks();
                    }
                }, failure -> LOG.warn("The JIRA connection of {} could not be read; Open in JIRA uses the console's site", connectionLabel.get(),
                        failure));
    }

    private static JiraLinks linksTo(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return JiraLinks.none();
        }
        try {
            return JiraLinks.site(JiraLinks.parseSite(baseUrl));
        } catch (IllegalArgumentException unusable) {
            return JiraLinks.none();
        }
    }

    /** How web pages open: the platform's browser in the console, a recorder in tests. */
    public void onBrowse(Consumer<URI> browser) {
        this.browser = browser;
    }

    public void browse(URI uri) {
        browser.accept(uri);
    }

    /** How the conflict dialog opens; the shell provides it, so any page can offer "Resolve conflict" and stay where it is. */
    public void onOpenConflict(Consumer<ConflictRequest> opener) {
        this.conflictOpener = opener;
    }

    public void openConflict(long stateId, Consumer<ResolutionResult> onResolved) {
        conflictOpener.accept(new ConflictRequest(stateId, onResolved));
    }

    /** How notices appear: the shell's notifications, which never take the focus; recorded in tests. */
    public void onNotify(Consumer<Notice> notifier) {
        this.notifier = notifier;
    }

    public void notifyOperator(String title, String text) {
        notifier.accept(new Notice(title, text));
    }

    /** How File › JIRA connection… opens; the shell provides it, so the Sync page can offer it too. */
    public void onOpenJiraConnection(Runnable opener) {
        this.jiraConnectionOpener = opener;
    }

    public void openJiraConnection() {
        jiraConnectionOpener.run();
    }

    /** Called once a JIRA connection was saved: "Open in JIRA" follows it, and pages showing it reload. */
    public void jiraConnectionSaved() {
        readStoredJiraSite(workspace.get());
        jiraConnectionSaves.set(jiraConnectionSaves.get() + 1);
    }

    /** Counts the JIRA connections saved in this console, for pages that show the connection. */
    public ReadOnlyIntegerProperty jiraConnectionSavesProperty() {
        return jiraConnectionSaves.getReadOnlyProperty();
    }

    public ObjectProperty<Window> windowProperty() {
        return window;
    }

    public void onNavigate(Consumer<Navigation> navigator) {
        this.navigator = navigator;
    }

    public void navigate(PageId page, Object argument) {
        navigator.accept(new Navigation(page, argument));
    }

    /**
     * Registers a check that runs before the window closes, e.g. "a migration is running: close anyway?".
     * A guard returns false to keep the window open.
     */
    public void addCloseGuard(BooleanSupplier guard) {
        closeGuards.add(guard);
    }

    public boolean canClose() {
        return closeGuards.stream().allMatch(BooleanSupplier::getAsBoolean);
    }

    /**
     * Opens a database in the background. A SyncDesk database behind the latest schema stays open without
     * services, so the banner can offer the upgrade; the default database is upgraded straight away. The database
     * {@link #openEarly} began to open is taken as it is, or as it failed.
     */
    public void connect(ConnectionTarget target, Runnable onConnected, Consumer<Throwable> onFailure) {
        connecting.set(target.describe());
        connectionFailure.set(null);
        tasks.run("Connecting to " + target.describe(), () -> takeEarly(target).orElseGet(() -> open(target, operator)), opened -> {
            connecting.set(null);
            replace(opened);
            StartupTrace.mark(StartupTrace.Milestone.CONNECTED);
            settings.remember(switch (target) {
                case ConnectionTarget.SqliteFile file -> Settings.RecentConnection.sqlite(file.path());
                case ConnectionTarget.PostgresServer server -> Settings.RecentConnection.postgres(server.jdbcUrl(), server.user());
            });
            settings.save();
            onConnected.run();
        }, failure -> {
            connecting.set(null);
            if (session.get() == null) {
                connectionFailure.set("Could not open " + target.describe() + ": " + Failure.of(failure).message());
            }
            onFailure.accept(failure);
        });
    }

    /**
     * Begins to open {@code target} (the console's first database) at once, before JavaFX has started: the toolkit
     * and the window start on one core while the database opens on the other, and the console's first
     * {@link #connect} to it takes the result instead of opening it again.
     */
    public static void openEarly(ConnectionTarget target) {
        String operator = System.getProperty("user.name", "operator");
        synchronized (EARLY_LOCK) {
            early = new EarlyOpening(target, CompletableFuture.supplyAsync(() -> open(target, operator),
                    runnable -> Thread.ofVirtual().name("syncdesk-db-early").start(runnable)));
        }
    }

    private static Optional<DatabaseSession> takeEarly(ConnectionTarget target) {
        EarlyOpening taken;
        synchronized (EARLY_LOCK) {
            if (early == null || !early.target().equals(target)) {
                return Optional.empty();
            }
            taken = early;
            early = null;
        }
        try {
            return Optional.of(taken.session().join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private record EarlyOpening(ConnectionTarget target, CompletableFuture<DatabaseSession> session) {
    }

    /** The session with its services at the latest schema, and what the role may do: everything the console needs before it shows the database. */
    private static DatabaseSession open(ConnectionTarget target, String operator) {
        DatabaseSession opened = DatabaseSession.open(target, DatabaseSession.Access.CONSOLE, operator, AppDirectories.defaultBackupFolder());
        try {
            if (opened.status().isLatest()) {
                opened.workspace();
            }
            opened.privileges();
            return opened;
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    private void replace(DatabaseSession opened) {
        closeCurrent();
        session.set(opened);
        database.set(opened.database());
        schema.set(opened.status());
        workspace.set(opened.status().isLatest() ? opened.workspace() : null);
        privileges.set(opened.privileges());
        connectionLabel.set((opened.database().vendor() == Vendor.SQLITE ? "SQLite · " : "PostgreSQL · ")
                + opened.database().target().describe());
    }

    /** After a migration elsewhere in the console: the schema as read again, with services opened or dropped to match. */
    public void schemaChanged(SchemaStatus status) {
        DatabaseSession current = session.get();
        if (current == null) {
            return;
        }
        if (!status.isLatest()) {
            workspace.set(null);
        }
        current.schemaChanged(status);
        schema.set(status);
        tasks.run("Reading the role's privileges", current::privileges, privileges::set,
                failure -> dialogs.failure("SyncDesk cannot read what this role may do", failure));
        if (status.isLatest() && workspace.get() == null) {
            tasks.run("Opening services", current::workspace, workspace::set,
                    failure -> dialogs.failure("The schema changed but SyncDesk cannot use it", failure));
        }
    }

    private void closeCurrent() {
        DatabaseSession open = session.get();
        workspace.set(null);
        privileges.set(null);
        schema.set(null);
        database.set(null);
        session.set(null);
        if (open != null) {
            open.close();
        }
    }

    @Override
    public void close() {
        tasks.close();
        closeCurrent();
    }
}
