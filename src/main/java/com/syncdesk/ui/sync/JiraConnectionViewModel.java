package com.syncdesk.ui.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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

import com.syncdesk.app.Failure;
import com.syncdesk.app.Workspace;
import com.syncdesk.jira.JiraAuthScheme;
import com.syncdesk.jira.JiraConnectionCheck.BoardCheck;
import com.syncdesk.jira.JiraConnectionCheck.ConnectionReport;
import com.syncdesk.jira.JiraConnections;
import com.syncdesk.jira.JiraDeployment;
import com.syncdesk.jira.JiraSecrets;
import com.syncdesk.jira.JiraSite;
import com.syncdesk.jira.Secret;
import com.syncdesk.jira.TokenLocation;
import com.syncdesk.syncstate.ResolutionStrategy;
import com.syncdesk.ui.AppContext;

/**
 * What File › JIRA connection… edits: the site, who signs in and with which token, the boards (picked from those
 * "Test connection" found for the projects named), the conflict strategy, the schedule and parking. Saving goes
 * through {@link JiraConnections#connect}, the use case of {@code syncdesk jira connect}. The token lives only in
 * this object until it is handed to the keyring or the session store; it is never written anywhere else.
 */
public final class JiraConnectionViewModel {

    /** The strategies an operator may choose as the default; "auto" is the engine's own. */
    public static final List<ResolutionStrategy> STRATEGIES = List.of(ResolutionStrategy.MANUAL, ResolutionStrategy.JIRA_WINS,
            ResolutionStrategy.LOCAL_WINS);

    /** The outcome of a test or a save. */
    public enum Outcome { NONE, RUNNING, SUCCEEDED, FAILED }

    /** A board the site offers, and whether it is synced. */
    public static final class BoardChoice {
        private final long id;
        private final String label;
        private final BooleanProperty chosen;

        BoardChoice(long id, String label, boolean chosen) {
            this.id = id;
            this.label = label;
            this.chosen = new SimpleBooleanProperty(this, "chosen", chosen);
        }

        public long id() {
            return id;
        }

        public String label() {
            return label;
        }

        public BooleanProperty chosenProperty() {
            return chosen;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final AppContext context;
    private final StringProperty siteUrl = new SimpleStringProperty(this, "siteUrl", "");
    private final ObjectProperty<JiraDeployment> deployment = new SimpleObjectProperty<>(this, "deployment", JiraDeployment.CLOUD);
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty token = new SimpleStringProperty(this, "token", "");
    private final StringProperty projects = new SimpleStringProperty(this, "projects", "");
    private final ObservableList<BoardChoice> boards = FXCollections.observableArrayList();
    private final ObjectProperty<ResolutionStrategy> strategy = new SimpleObjectProperty<>(this, "strategy", ResolutionStrategy.MANUAL);
    private final ObjectProperty<Integer> everyMinutes = new SimpleObjectProperty<>(this, "everyMinutes",
            (int) JiraSite.DEFAULT_SYNC_INTERVAL.toMinutes());
    private final ObjectProperty<Integer> parkAfter = new SimpleObjectProperty<>(this, "parkAfter", JiraSite.DEFAULT_PARK_AFTER_FAILURES);
    private final BooleanProperty backlog = new SimpleBooleanProperty(this, "backlog");
    private final ReadOnlyStringWrapper tokenHome = new ReadOnlyStringWrapper(this, "tokenHome", "");
    private final ReadOnlyBooleanWrapper storedToken = new ReadOnlyBooleanWrapper(this, "storedToken");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome", Outcome.NONE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public JiraConnectionViewModel(AppContext context) {
        this.context = context;
    }

    /**
     * Fills the form from the database's stored connection, if any, and says where a token would be kept; in the
     * background, since the keyring may take seconds to answer.
     */
    public void load() {
        Workspace workspace = context.workspace();
        if (workspace == null) {
            return;
        }
        busy.set(true);
        context.tasks().run("Reading the JIRA connection", () -> {
            JiraSecrets secrets = context.jiraSecrets();
            return new Loaded(context.jiraConnections(workspace).show(), secrets.hasKeyring(), secrets.keyringProblem());
        }, loaded -> {
            busy.set(false);
            tokenHome.set(loaded.keyring() ? "The token is kept in the OS keyring, never in the database."
                    : "The token is kept for this session only" + loaded.keyringProblem().map(p -> " (" + p + ")").orElse("")
                    + ": enter it again after restarting SyncDesk.");
            loaded.shown().ifPresent(this::prefill);
        }, failure -> {
            busy.set(false);
            fail(failure);
        });
    }

    private record Loaded(Optional<JiraConnections.Shown> shown, boolean keyring, Optional<String> keyringProblem) {
    }

    private void prefill(JiraConnections.Shown shown) {
        JiraSite site = shown.stored().site();
        siteUrl.set(site.baseUrl().toString());
        deployment.set(site.deployment());
        user.set(site.user() == null ? "" : site.user());
        projects.set(String.join(", ", site.projectKeys()));
        boards.setAll(site.boardIds().stream().map(id -> new BoardChoice(id, "Board " + id, true)).toList());
        strategy.set(site.conflictStrategy());
        everyMinutes.set((int) Math.max(1, site.syncInterval().toMinutes()));
        parkAfter.set(site.parkAfterFailures());
        backlog.set(site.includeBacklog());
        storedToken.set(shown.secret().isPresent());
        if (shown.secret().isPresent()) {
            tokenHome.set("A token is " + shown.secret().get().describe() + "; leave the field empty to keep it.");
        }
    }

    /**
     * Signs in and reads the boards of the projects named (and those already chosen), saving nothing: afterwards the
     * result says who SyncDesk is in JIRA, the story points field it found and the boards it can read, and the board
     * list offers every board found.
     */
    public void testConnection() {
        JiraSite site;
        try {
            site = site(false);
        } catch (IllegalArgumentException wrong) {
            show(Outcome.FAILED, wrong.getMessage());
            return;
        }
        Workspace workspace = context.workspace();
        Secret typed = typedSecret();
        show(Outcome.RUNNING, "Signing in to " + site.baseUrl() + "…");
        busy.set(true);
        context.tasks().run("Testing the JIRA connection", () -> {
            JiraConnections connections = context.jiraConnections(workspace);
            Secret secret = typed != null ? typed : connections.secretFor(site).secret();
            try {
                return connections.test(site, secret);
            } finally {
                secret.destroy();
            }
        }, report -> {
            busy.set(false);
            offerBoards(report);
            show(report.problems().isEmpty() ? Outcome.SUCCEEDED : Outcome.FAILED, String.join("\n", report.lines()));
        }, failure -> {
            busy.set(false);
            fail(failure);
        });
    }

    private void offerBoards(ConnectionReport report) {
        Set<Long> chosen = new LinkedHashSet<>(chosenBoards());
        List<BoardChoice> offered = new ArrayList<>();
        for (BoardCheck check : report.boards()) {
            if (check.ok()) {
                String label = "#" + check.boardId() + " " + check.board().name() + " (" + check.board().type()
                        + (check.board().projectKey() == null ? "" : ", " + check.board().projectKey()) + ")";
                // Boards found through a project start chosen when nothing was chosen before.
                offered.add(new BoardChoice(check.boardId(), label, chosen.isEmpty() || chosen.contains(check.boardId())));
            }
        }
        boards.setAll(offered);
    }

    /**
     * Tests again and, when JIRA answers and every chosen board can be read, saves the connection and keeps the
     * token; {@code onSaved} then runs with where the token is kept. On a refusal nothing is saved and the result
     * says why.
     */
    public void save(Consumer<TokenLocation> onSaved) {
        JiraSite site;
        try {
            site = site(true);
        } catch (IllegalArgumentException wrong) {
            show(Outcome.FAILED, wrong.getMessage());
            return;
        }
        Workspace workspace = context.workspace();
        Secret typed = typedSecret();
        show(Outcome.RUNNING, "Testing and saving the connection to " + site.baseUrl() + "…");
        busy.set(true);
        context.tasks().run("Saving the JIRA connection", () -> {
            JiraConnections connections = context.jiraConnections(workspace);
            Secret secret = typed != null ? typed : connections.secretFor(site).secret();
            try {
                return connections.connect(site, secret);
            } finally {
                secret.destroy();
            }
        }, connected -> {
            busy.set(false);
            token.set("");
            storedToken.set(true);
            show(Outcome.SUCCEEDED, "Saved. The token is " + connected.secretKeptIn().describe() + ".\n" + String.join("\n", connected.report().lines()));
            onSaved.accept(connected.secretKeptIn());
        }, failure -> {
            busy.set(false);
            fail(failure);
        });
    }

    /** The token as typed, or null when the field is empty and the stored one is to be used. */
    private Secret typedSecret() {
        String typed = token.get() == null ? "" : token.get().strip();
        return typed.isEmpty() ? null : Secret.of(typed);
    }

    /**
     * The site as the form describes it. For saving, the boards chosen are synced (the projects only when no board is
     * chosen); for testing, the projects are read too, to offer their boards.
     */
    JiraSite site(boolean forSaving) {
        if (context.workspace() == null) {
            throw new IllegalArgumentException("No database at the latest schema is open: connect to one first.");
        }
        if ((token.get() == null || token.get().isBlank()) && !storedToken.get()) {
            throw new IllegalArgumentException(deployment.get() == JiraDeployment.CLOUD ? "Enter the API token of " + describedUser() + "."
                    : "Enter the personal access token.");
        }
        JiraSite site = deployment.get() == JiraDeployment.CLOUD ? JiraSite.cloud(siteUrl.get(), user.get())
                : JiraSite.dataCenter(siteUrl.get(), JiraAuthScheme.PERSONAL_ACCESS_TOKEN, user.get());
        List<Long> chosen = chosenBoards();
        List<String> keys = projectKeys();
        if (forSaving && chosen.isEmpty() && keys.isEmpty()) {
            throw new IllegalArgumentException("Choose the boards to sync: name a project and press Test connection to list its boards.");
        }
        if (everyMinutes.get() == null || everyMinutes.get() < 1) {
            throw new IllegalArgumentException("Sync every: a number of minutes, 1 or more.");
        }
        if (parkAfter.get() == null || parkAfter.get() < 1) {
            throw new IllegalArgumentException("Park after: a number of failures in a row, 1 or more.");
        }
        return site.withBoards(chosen).withProjects(forSaving && !chosen.isEmpty() ? List.of() : keys).withConflictStrategy(strategy.get())
                .withSyncInterval(Duration.ofMinutes(everyMinutes.get())).withParkAfterFailures(parkAfter.get()).withBacklog(backlog.get());
    }

    private String describedUser() {
        return user.get() == null || user.get().isBlank() ? "the account" : user.get().strip();
    }

    private List<Long> chosenBoards() {
        return boards.stream().filter(b -> b.chosenProperty().get()).map(BoardChoice::id).toList();
    }

    private List<String> projectKeys() {
        String typed = projects.get() == null ? "" : projects.get();
        return Arrays.stream(typed.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(Locale.ROOT))
                .distinct().toList();
    }

    private void fail(Throwable failure) {
        show(Outcome.FAILED, Failure.of(failure).message());
    }

    private void show(Outcome kind, String text) {
        outcome.set(kind);
        result.set(text);
    }

    /** The words for a strategy in the choice box. */
    public static String words(ResolutionStrategy value) {
        return switch (value) {
            case MANUAL -> "Ask a human (manual)";
            case JIRA_WINS -> "JIRA wins";
            case LOCAL_WINS -> "SyncDesk wins";
            default -> value.words();
        };
    }

    public StringProperty siteUrlProperty() {
        return siteUrl;
    }

    public ObjectProperty<JiraDeployment> deploymentProperty() {
        return deployment;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public StringProperty projectsProperty() {
        return projects;
    }

    public ObservableList<BoardChoice> boards() {
        return boards;
    }

    public ObjectProperty<ResolutionStrategy> strategyProperty() {
        return strategy;
    }

    public ObjectProperty<Integer> everyMinutesProperty() {
        return everyMinutes;
    }

    public ObjectProperty<Integer> parkAfterProperty() {
        return parkAfter;
    }

    public BooleanProperty backlogProperty() {
        return backlog;
    }

    /** Where the token is (or would be) kept, in a sentence. */
    public ReadOnlyStringProperty tokenHomeProperty() {
        return tokenHome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
