package com.syncdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.jira.JiraDeployment;
import com.syncdesk.jira.sim.JiraSimulator;
import com.syncdesk.jira.sim.SimResponse;
import com.syncdesk.jira.sim.SimulatorConfig;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.testing.CliRun;

/** {@code syncdesk jira connect | test | show | disconnect} against the JIRA simulator, secrets given on standard input. */
class JiraCommandTest {

    @TempDir
    Path tempDir;

    private Path db;
    private InputStream realStdin;

    @BeforeEach
    void emptyDatabase() {
        db = tempDir.resolve("jira.db");
        realStdin = System.in;
        assertThat(CliRun.of("migrate", "--db", db.toString()).exitCode()).isZero();
    }

    @AfterEach
    void restoreStdin() {
        System.setIn(realStdin);
    }

    private CliRun withToken(String token, String... args) {
        System.setIn(new ByteArrayInputStream((token + "\n").getBytes(StandardCharsets.UTF_8)));
        try {
            return CliRun.of(args);
        } finally {
            System.setIn(realStdin);
        }
    }

    private String[] connect(JiraSimulator sim, String... more) {
        List<String> args = new ArrayList<>(List.of("jira", "connect", "--db", db.toString(), "--jira-url", sim.baseUrl().toString(),
                "--deployment", sim.config().cloud() ? "cloud" : "datacenter", "--jira-user", sim.config().user(), "--token-stdin"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private List<String> auditActions() throws Exception {
        try (Database database = Database.open(ConnectionTarget.sqlite(db));
             var connection = database.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT action FROM audit_log WHERE action LIKE 'jira%' ORDER BY id")) {
            List<String> actions = new ArrayList<>();
            while (rows.next()) {
                actions.add(rows.getString(1));
            }
            return actions;
        }
    }

    private void assertNoFileHolds(String token) throws IOException {
        try (Stream<Path> files = Files.walk(tempDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(token);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(JiraDeployment.class)
    void connectTestsSavesAndShowsTheSiteWithoutKeepingTheTokenAnywhere(JiraDeployment deployment) throws Exception {
        try (JiraSimulator sim = JiraSimulator.start(SimulatorConfig.of(deployment, 3, 400))) {
            String token = sim.config().token();
            CliRun connected = withToken(token, connect(sim, "--board", "1,2", "--strategy", "jira_wins", "--every", "5m", "--park-after", "3"));

            assertThat(connected.exitCode()).as(connected.err()).isZero();
            assertThat(connected.out()).contains("Signed in to " + sim.baseUrl() + " (" + deployment.label() + ")")
                    .contains("Board 1 \"PAY Scrum\"").contains("Board 2 ")
                    .contains("Connected " + db + " to ")
                    .contains("is kept for this session only: later commands need it in SYNCDESK_JIRA_TOKEN or on standard input");

            CliRun shown = CliRun.of("jira", "show", "--db", db.toString());
            assertThat(shown.exitCode()).isZero();
            assertThat(shown.out()).contains(sim.baseUrl().toString()).contains(deployment.label()).contains("1, 2")
                    .contains("JIRA wins").contains("5 min").contains("3 failures in a row").containsPattern("Secret +none at hand");

            long before = sim.requestCount();
            CliRun tested = withToken(token, "jira", "test", "--db", db.toString(), "--token-stdin");
            assertThat(tested.exitCode()).as(tested.err()).isZero();
            assertThat(tested.out()).contains("Story points: field").contains("Board 2 ");
            assertThat(sim.requestCount()).isGreaterThan(before);

            assertThat(auditActions()).containsExactly("jira_connected");
            assertNoFileHolds(token);
            assertThat(connected.out() + connected.err() + shown.out() + tested.out()).doesNotContain(token);
        }
    }

    @Test
    void dataCenterSignsInWithUserAndPasswordToo() {
        try (JiraSimulator sim = JiraSimulator.start(SimulatorConfig.dataCenter(3, 200))) {
            CliRun connected = withToken(sim.config().password(), connect(sim, "--auth", "password", "--project", "PAY"));

            assertThat(connected.exitCode()).as(connected.err()).isZero();
            assertThat(connected.out()).contains("Project PAY \"Payments\": 1 board.");
            assertThat(CliRun.of("jira", "show", "--db", db.toString()).out()).containsPattern("With +password").contains("PAY");
        }
    }

    @Test
    void aRefusedTokenIsRefusedAndNothingIsSaved() throws Exception {
        try (JiraSimulator sim = JiraSimulator.start(SimulatorConfig.cloud(3, 100))) {
            CliRun refused = withToken("not-the-token", connect(sim, "--board", "1"));

            assertThat(refused.exitCode()).isEqualTo(ExitCodes.REFUSED);
            assertThat(refused.err()).contains("JIRA refused the API token for ops@example.com").doesNotContain("not-the-token");
            assertThat(sim.requestCount()).as("a refused secret is not tried again").isEqualTo(1);
            assertThat(CliRun.of("jira", "show", "--db", db.toString()).out()).startsWith("No JIRA connection is configured");
            assertThat(auditActions()).isEmpty();
        }
    }

    @Test
    void aBoardWithoutPermissionKeepsTheConnectionUnsavedAndFailsTheTestLater() throws Exception {
        try (JiraSimulator sim = JiraSimulator.start(SimulatorConfig.cloud(3, 100))) {
            sim.denyBoard(2);
            CliRun refused = withToken(sim.config().token(), connect(sim, "--board", "1,2"));
            assertThat(refused.exitCode()).isEqualTo(ExitCodes.REFUSED);
            assertThat(refused.err()).contains("Board 2: ").contains("lacks the permission to see board 2").contains("nothing was saved");
            assertThat(auditActions()).isEmpty();

            assertThat(withToken(sim.config().token(), connect(sim, "--board", "1,3")).exitCode()).isZero();
            sim.denyBoard(3);
            CliRun tested = withToken(sim.config().token(), "jira", "test", "--db", db.toString(), "--token-stdin");
            assertThat(tested.exitCode()).isEqualTo(ExitCodes.REFUSED);
            assertThat(tested.out()).contains("Board 1 \"PAY Scrum\"");
            assertThat(tested.err()).contains("1 board or project cannot be read: Board 3");
        }
    }

    @Test
    void anUnreachableSiteAndAPageThatIsNotJiraAreRefused() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CliRun unreachable = withToken("token", "jira", "connect", "--db", db.toString(), "--jira-url", "http://127.0.0.1:" + closedPort,
                "--deployment", "cloud", "--jira-user", "ops@example.com", "--board", "1", "--token-stdin");
        assertThat(unreachable.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(unreachable.err()).contains("Could not connect to JIRA at 127.0.0.1: the connection was refused");

        try (JiraSimulator sim = JiraSimulator.start(SimulatorConfig.dataCenter(3, 100))) {
            sim.when("GET", "/rest/api/2/myself").reply(SimResponse.html(200, "Sign in", "Please sign in to continue"));
            CliRun notJira = withToken(sim.config().token(), connect(sim, "--board", "1"));
            assertThat(notJira.exitCode()).isEqualTo(ExitCodes.REFUSED);
            assertThat(notJira.err()).contains("answered the request for your JIRA user with a web page instead of JIRA's JSON").doesNotContain("<");
        }
        assertThat(auditActions()).isEmpty();
    }

    @Test
    void theSecretIsNeverAnOptionAndMustBeGivenSomehow() {
        try (JiraSimulator sim = JiraSimulator.start(SimulatorConfig.cloud(3, 100))) {
            CliRun asOption = CliRun.of("jira", "connect", "--db", db.toString(), "--jira-url", sim.baseUrl().toString(), "--deployment", "cloud",
                    "--jira-user", "ops@example.com", "--board", "1", "--token", "abc");
            assertThat(asOption.exitCode()).isEqualTo(ExitCodes.USAGE);

            CliRun none = CliRun.of("jira", "connect", "--db", db.toString(), "--jira-url", sim.baseUrl().toString(), "--deployment", "cloud",
                    "--jira-user", "ops@example.com", "--board", "1");
            assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(none.err()).contains("No API token was given: set SYNCDESK_JIRA_TOKEN, pass it on standard input with --token-stdin");
            assertThat(sim.requestCount()).isZero();
        }
    }

    @Test
    void optionsAreCheckedBeforeAnythingIsOpened() {
        Path missing = tempDir.resolve("never.db");
        String[][] wrong = {
                {"--deployment", "onprem", "--board", "1"},
                {"--deployment", "cloud", "--jira-user", "ops", "--board", "1"},
                {"--deployment", "cloud", "--jira-user", "ops@example.com"},
                {"--deployment", "cloud", "--jira-user", "ops@example.com", "--board", "1", "--auth", "password"},
                {"--deployment", "datacenter", "--board", "1", "--every", "soon"},
                {"--deployment", "datacenter", "--board", "1", "--strategy", "auto"},
                {"--deployment", "datacenter", "--board", "1", "--park-after", "0"},
        };
        for (String[] options : wrong) {
            List<String> args = new ArrayList<>(List.of("jira", "connect", "--db", missing.toString(), "--jira-url", "https://jira.example.com"));
            args.addAll(List.of(options));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(String.join(" ", options) + ": " + run.err()).isEqualTo(ExitCodes.USAGE);
        }
        CliRun withPassword = CliRun.of("jira", "connect", "--db", missing.toString(), "--jira-url", "https://ops:secret@jira.example.com",
                "--deployment", "cloud", "--jira-user", "ops@example.com", "--board", "1");
        assertThat(withPassword.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(withPassword.err()).doesNotContain("secret@");
        assertThat(missing).doesNotExist();
    }

    @Test
    void testWithoutAConnectionSaysHowToMakeOneAndDisconnectForgetsIt() throws Exception {
        CliRun none = CliRun.of("jira", "test", "--db", db.toString());
        assertThat(none.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(none.err()).contains("No JIRA connection is configured").contains("syncdesk jira connect");

        try (JiraSimulator sim = JiraSimulator.start(SimulatorConfig.cloud(3, 100))) {
            assertThat(withToken(sim.config().token(), connect(sim, "--board", "1")).exitCode()).isZero();
            CliRun noSecret = CliRun.of("jira", "test", "--db", db.toString());
            assertThat(noSecret.exitCode()).isEqualTo(ExitCodes.REFUSED);
            assertThat(noSecret.err()).contains("No API token for ops@example.com").contains("set SYNCDESK_JIRA_TOKEN");

            assertThat(withToken(sim.config().token(), connect(sim, "--board", "1,3")).exitCode()).isZero();
            CliRun gone = CliRun.of("jira", "disconnect", "--db", db.toString());
            assertThat(gone.exitCode()).isZero();
            assertThat(gone.out()).contains("is forgotten");
            assertThat(CliRun.of("jira", "disconnect", "--db", db.toString()).out()).startsWith("No JIRA connection was configured");
            assertThat(auditActions()).containsExactly("jira_connected", "jira_connection_changed", "jira_disconnected");
        }
    }
}
