package com.syncdesk.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.syncdesk.app.Texts;
import com.syncdesk.app.Workspace;
import com.syncdesk.jira.EnvironmentTokenStore;
import com.syncdesk.jira.JiraAuthScheme;
import com.syncdesk.jira.JiraClientOptions;
import com.syncdesk.jira.JiraConnectionCheck.ConnectionReport;
import com.syncdesk.jira.JiraConnections;
import com.syncdesk.jira.JiraDeployment;
import com.syncdesk.jira.JiraSecrets;
import com.syncdesk.jira.JiraSite;
import com.syncdesk.jira.Secret;
import com.syncdesk.jira.TokenLocation;
import com.syncdesk.syncstate.ResolutionStrategy;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "jira", description = "Connect this database to its JIRA site, test the connection, show or forget it.",
        subcommands = {JiraCommand.Connect.class, JiraCommand.Test.class, JiraCommand.Show.class, JiraCommand.Disconnect.class})
final class JiraCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name a subcommand: connect, test, show or disconnect.");
    }

    /** The JIRA commands' shared parts: the connection use cases, and the secret, which is never an argument. */
    abstract static class JiraWork extends WorkspaceCommand {

        @Option(names = "--token-stdin", description = "Read the API token, personal access token or password from the first line of "
                + "standard input (else " + EnvironmentTokenStore.VARIABLE + ", else a prompt on a terminal).")
        boolean tokenFromStdin;

        JiraConnections connections(Workspace workspace) {
            return new JiraConnections(workspace.database(), JiraSecrets.forThisMachine(), JiraClientOptions.defaults(), operatorName());
        }

        /** The secret the operator gives now: standard input, the environment or a prompt, in that order; empty when none of them. */
        Optional<Secret> givenSecret(String what) {
            if (tokenFromStdin) {
                try {
                    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                    if (line == null || line.isBlank()) {
                        throw new IllegalArgumentException("--token-stdin was given, but standard input holds no " + what + ".");
                    }
                    return Optional.of(Secret.of(line.strip()));
                } catch (IOException e) {
                    throw new IllegalArgumentException("The " + what + " could not be read from standard input: " + e.getMessage(), e);
                }
            }
            String fromEnvironment = System.getenv(EnvironmentTokenStore.VARIABLE);
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                return Optional.of(Secret.of(fromEnvironment.strip()));
            }
            Console console = Terminal.isInteractive() ? System.console() : null;
            if (console != null) {
                char[] typed = console.readPassword("JIRA %s: ", what);
                if (typed != null && typed.length > 0) {
                    Secret secret = Secret.of(typed);
                    Arrays.fill(typed, '\0');
                    return Optional.of(secret);
                }
            }
            return Optional.empty();
        }

        void print(ConnectionReport report) {
            report.lines().forEach(out()::println);
        }
    }

    @Command(name = "connect", description = "Test a JIRA site and, when it answers and every board can be read, save it as this database's "
            + "connection. The secret goes to the OS keyring (or is kept for this command only), never into the database.")
    static final class Connect extends JiraWork {

        private static final Pattern INTERVAL = Pattern.compile("(\\d+)\\s*(s|m|h|d)?", Pattern.CASE_INSENSITIVE);

        @Option(names = "--jira-url", required = true, paramLabel = "URL", description = "The site's address, e.g. https://acme.atlassian.net.")
        String url;

        @Option(names = "--deployment", required = true, paramLabel = "KIND", description = "cloud or datacenter.")
        String deployment;

        @Option(names = "--jira-user", paramLabel = "USER", description = "Cloud: the account's e-mail. Data Center: the user name "
                + "(needed with --auth password).")
        String user;

        @Option(names = "--auth", paramLabel = "SCHEME", description = "Data Center only: token (a personal access token, the default) or password.")
        String auth;

        @Option(names = "--board", split = ",", paramLabel = "ID", description = "Boards to sync (ids, comma-separated or repeated).")
        List<Long> boards = List.of();

        @Option(names = "--project", split = ",", paramLabel = "KEY", description = "Projects whose boards are synced.")
        List<String> projects = List.of();

        @Option(names = "--strategy", paramLabel = "STRATEGY", defaultValue = "manual",
                description = "How conflicts are resolved by default: manual, jira_wins or local_wins (default: ${DEFAULT-VALUE}).")
        String strategy;

        @Option(names = "--every", paramLabel = "INTERVAL", defaultValue = "15m",
                description = "How often to sync: 90s, 15m, 2h, 1d (default: ${DEFAULT-VALUE}).")
        String every;

        @Option(names = "--park-after", paramLabel = "N", defaultValue = "" + JiraSite.DEFAULT_PARK_AFTER_FAILURES,
                description = "Failed attempts in a row after which an entity waits for a human (default: ${DEFAULT-VALUE}).")
        int parkAfter;

        @Option(names = "--backlog", description = "Sync the issues in the boards' backlogs too, not only those in sprints.")
        boolean backlog;

        private JiraSite site;

        @Override
        void checkOptions() {
            JiraDeployment kind = deployment(deployment);
            if (kind == JiraDeployment.CLOUD && auth != null) {
                throw new IllegalArgumentException("--auth is for Data Center; JIRA Cloud always signs in with an e-mail and an API token.");
            }
            site = kind == JiraDeployment.CLOUD ? JiraSite.cloud(url, user) : JiraSite.dataCenter(url, scheme(auth), user);
            if (boards.isEmpty() && projects.isEmpty()) {
                throw new IllegalArgumentException("Name the boards (--board) or projects (--project) to sync.");
            }
            site = site.withBoards(boards).withProjects(projects).withConflictStrategy(strategy(strategy))
                    .withSyncInterval(interval(every)).withParkAfterFailures(parkAfter).withBacklog(backlog);
        }

        @Override
        int run(Workspace workspace) {
            Secret secret = givenSecret(site.authScheme().label()).orElseThrow(() -> new IllegalArgumentException("No "
                    + site.authScheme().label() + " was given: set " + EnvironmentTokenStore.VARIABLE
                    + ", pass it on standard input with --token-stdin, or run on a terminal to be asked. Nothing was saved."));
            try {
                JiraConnections.Connected connected = connections(workspace).connect(site, secret);
                print(connected.report());
                out().println("Connected " + workspace.database().target().describe() + " to " + site.describe() + ".");
                out().println("The " + site.authScheme().label() + " is " + connected.secretKeptIn().describe()
                        + (connected.secretKeptIn() == TokenLocation.SESSION ? ": later commands need it in " + EnvironmentTokenStore.VARIABLE
                        + " or on standard input (--token-stdin)." : "."));
                return ExitCodes.OK;
            } finally {
                secret.destroy();
            }
        }

        static JiraDeployment deployment(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
                case "cloud" -> JiraDeployment.CLOUD;
                case "datacenter", "server", "dc" -> JiraDeployment.DATA_CENTER;
                default -> throw new IllegalArgumentException("--deployment is cloud or datacenter, not '" + text + "'.");
            };
        }

        static JiraAuthScheme scheme(String text) {
            if (text == null) {
                return JiraAuthScheme.PERSONAL_ACCESS_TOKEN;
            }
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "token", "pat", "personal_access_token" -> JiraAuthScheme.PERSONAL_ACCESS_TOKEN;
                case "password" -> JiraAuthScheme.PASSWORD;
                default -> throw new IllegalArgumentException("--auth is token or password, not '" + text + "'.");
            };
        }

        static ResolutionStrategy strategy(String text) {
            for (ResolutionStrategy candidate : List.of(ResolutionStrategy.MANUAL, ResolutionStrategy.JIRA_WINS, ResolutionStrategy.LOCAL_WINS)) {
                if (candidate.wire().equals(text.strip().toLowerCase(Locale.ROOT).replace('-', '_'))) {
                    return candidate;
                }
            }
            throw new IllegalArgumentException("--strategy is manual, jira_wins or local_wins, not '" + text + "'.");
        }

        static Duration interval(String text) {
            Matcher matcher = INTERVAL.matcher(text.strip());
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                String unit = matcher.group(2) == null ? "s" : matcher.group(2).toLowerCase(Locale.ROOT);
                return switch (unit) {
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    case "d" -> Duration.ofDays(amount);
                    default -> Duration.ofSeconds(amount);
                };
            }
            try {
                return Duration.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--every is a number of seconds, minutes, hours or days such as 90s, 15m or 2h, not '" + text + "'.");
            }
        }
    }

    @Command(name = "test", description = "Sign in to the connected JIRA site and check every board: who SyncDesk is there, the story "
            + "points field, and each board's sprints and issues. Exit code 3 when JIRA refuses, cannot be reached or a board cannot be read.")
    static final class Test extends JiraWork {
        @Override
        int run(Workspace workspace) {
            JiraConnections connections = connections(workspace);
            String what = connections.stored().site().authScheme().label();
            Optional<Secret> given = tokenFromStdin ? givenSecret(what) : Optional.empty();
            ConnectionReport report = given.map(connections::test).orElseGet(connections::test);
            given.ifPresent(Secret::destroy);
            print(report);
            if (!report.problems().isEmpty()) {
                err().println("syncdesk: " + report.problems().size() + (report.problems().size() == 1 ? " board or project" : " boards or projects")
                        + " cannot be read: " + String.join(" ", report.problems()));
                err().flush();
                return ExitCodes.REFUSED;
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "The stored JIRA connection: site, user, boards and projects, defaults, and where its secret is.")
    static final class Show extends JiraWork {
        @Override
        int run(Workspace workspace) {
            Optional<JiraConnections.Shown> shown = connections(workspace).show();
            if (shown.isEmpty()) {
                out().println("No JIRA connection is configured for " + workspace.database().target().describe()
                        + ". Connect one with: syncdesk jira connect --jira-url URL --deployment cloud|datacenter --board ID");
                return ExitCodes.OK;
            }
            JiraSite site = shown.get().stored().site();
            TextTable table = new TextTable("SETTING", "VALUE");
            table.row("JIRA", site.baseUrl());
            table.row("Deployment", site.deployment().label());
            table.row("Signs in as", site.user() == null ? "the personal access token's owner" : site.user());
            table.row("With", site.authScheme().label());
            table.row("Boards", site.boardIds().isEmpty() ? "none" : site.boardIds().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow());
            table.row("Projects", site.projectKeys().isEmpty() ? "none" : String.join(", ", site.projectKeys()));
            table.row("Backlog issues", site.includeBacklog() ? "synced" : "not synced");
            table.row("Conflicts", site.conflictStrategy().words());
            table.row("Sync every", words(site.syncInterval()));
            table.row("Park after", site.parkAfterFailures() + " failures in a row");
            table.row("Saved", Texts.system().timestamp(shown.get().stored().updatedAt()) + " by " + shown.get().stored().updatedBy());
            table.row("Secret", shown.get().secret().map(TokenLocation::describe).orElse("none at hand"
                    + shown.get().keyringProblem().map(problem -> " (" + problem + ")").orElse("") + ": set " + EnvironmentTokenStore.VARIABLE));
            table.print(out());
            return ExitCodes.OK;
        }

        static String words(Duration interval) {
            long seconds = interval.toSeconds();
            if (seconds % 3600 == 0) {
                return seconds / 3600 + " h";
            }
            return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
        }
    }

    @Command(name = "disconnect", description = "Forget the JIRA connection and remove its secret from the OS keyring. Sync states are kept.")
    static final class Disconnect extends JiraWork {
        @Override
        int run(Workspace workspace) {
            boolean forgotten = connections(workspace).disconnect();
            out().println(forgotten ? "The JIRA connection of " + workspace.database().target().describe() + " is forgotten; its sync states are kept."
                    : "No JIRA connection was configured for " + workspace.database().target().describe() + ".");
            return ExitCodes.OK;
        }
    }
}
