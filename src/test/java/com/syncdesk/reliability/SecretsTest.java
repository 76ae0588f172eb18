package com.syncdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.adoption.SprintReports;
import com.syncdesk.jira.EnvironmentTokenStore;
import com.syncdesk.jira.sim.JiraSimulator;
import com.syncdesk.jira.sim.SimulatorConfig;
import com.syncdesk.persistence.AppDirectories;
import com.syncdesk.persistence.ConnectionTarget.PostgresServer;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.testing.ChildCli;
import com.syncdesk.testing.PasswordPostgres;
import com.syncdesk.ui.Settings;

/**
 * JIRA tokens and database passwords stay out of every file, output and process argument. Connects to a PostgreSQL that checks passwords, with the password from SYNCDESK_PASSWORD and
 * inside the JDBC URL, with every logger SyncDesk ships (its own, Flyway, Hikari, Hibernate, pgjdbc)
 * raised to DEBUG, then scans every file SyncDesk wrote for the password.
 */
class SecretsTest {

    @TempDir
    Path tempDir;

    @Test
    void noFileSyncDeskWritesAndNoOutputHoldsThePassword() throws Exception {
        String database = PasswordPostgres.freshDatabase();
        String url = PasswordPostgres.jdbcUrl(database);
        String user = PasswordPostgres.USER;
        String password = PasswordPostgres.PASSWORD;
        Path home = tempDir.resolve("home");
        Path logConfig = debugLogConfig();
        Map<String, String> withPassword = Map.of("SYNCDESK_PASSWORD", password);

        Files.createDirectories(home.resolve("exports"));
        List<String> outputs = new ArrayList<>();
        outputs.add(run(home, logConfig, withPassword, 0, "migrate", "--url", url, "--user", user));
        outputs.add(run(home, logConfig, withPassword, 0, "demo-data", "--url", url, "--user", user, "--entities", "200"));
        outputs.add(run(home, logConfig, withPassword, 0, "stats", "--url", url, "--user", user));
        outputs.add(run(home, logConfig, withPassword, 0, "export", "--url", url, "--user", user, "--format", "json",
                "--out", home.resolve("exports").resolve("states.json").toString()));
        outputs.add(run(home, logConfig, withPassword, 0, "backup", "--url", url, "--user", user));
        outputs.add(run(home, logConfig, withPassword, 0, "downgrade", "--to", "8", "--yes", "--url", url, "--user", user));
        // A password in the URL would sit in the process list: refused, and never echoed.
        outputs.add(run(home, logConfig, Map.of(), 2, "status", "--url", url + "?password=" + password + "&ApplicationName=ops", "--user", user));
        outputs.add(run(home, logConfig, Map.of(), 2, "stats", "--url", url + "?ssl=false&password=" + password + "x", "--user", user));
        outputs.add(run(home, logConfig, Map.of("SYNCDESK_PASSWORD", password + "x"), 3, "status", "--url", url, "--user", user));
        outputs.add(run(home, logConfig, withPassword, 0, "migrate", "--url", url, "--user", user, "--verbose"));

        // What the console remembers about the connection.
        System.setProperty(AppDirectories.HOME_PROPERTY, home.toString());
        try {
            assertThatThrownBy(() -> ConnectionTarget.postgres(url + "?password=" + password, user, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(password).hasMessageContaining("carries a password");
            PostgresServer server = (PostgresServer) ConnectionTarget.postgres(url, user, password.toCharArray());
            Settings settings = new Settings();
            settings.remember(Settings.RecentConnection.postgres(server.jdbcUrl(), server.user()));
            settings.save();
            assertThat(server.toString()).doesNotContain(password);
        } finally {
            System.clearProperty(AppDirectories.HOME_PROPERTY);
        }

        List<Path> written;
        try (Stream<Path> files = Files.walk(home)) {
            written = files.filter(Files::isRegularFile).toList();
        }
        assertThat(written).extracting(p -> home.relativize(p).toString())
                .contains("settings.json", "logs/syncdesk.log", "exports/states.json")
                .anyMatch(name -> name.startsWith("backups/"));
        String log = Files.readString(home.resolve("logs").resolve("syncdesk.log"));
        assertThat(log).as("the DEBUG configuration took effect").contains("DEBUG").contains("HikariConfig");
        for (Path file : written) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(content).as(home.relativize(file).toString()).doesNotContain(password);
        }
        assertThat(outputs).allSatisfy(output -> assertThat(output).doesNotContain(password));
    }

    @Test
    void adoptingASprintReportsDatabaseAndRestoringItWritesThePasswordNowhere() throws Exception {
        String database = PasswordPostgres.freshDatabase();
        SprintReports.fill(PasswordPostgres.target(database, PasswordPostgres.PASSWORD));
        String url = PasswordPostgres.jdbcUrl(database);
        String user = PasswordPostgres.USER;
        String password = PasswordPostgres.PASSWORD;
        Path home = tempDir.resolve("home");
        Path logConfig = debugLogConfig();
        Map<String, String> withPassword = Map.of("SYNCDESK_PASSWORD", password);

        List<String> outputs = new ArrayList<>();
        outputs.add(run(home, logConfig, withPassword, 0, "status", "--url", url, "--user", user));
        outputs.add(run(home, logConfig, withPassword, 0, "adopt", "--yes", "--url", url, "--user", user, "--verbose"));
        outputs.add(run(home, logConfig, withPassword, 0, "backups", "--url", url, "--user", user));
        outputs.add(run(home, logConfig, withPassword, 2, "downgrade", "--to", "9", "--yes", "--url", url, "--user", user));
        Path backup;
        try (Stream<Path> folders = Files.list(home.resolve("backups"))) {
            backup = folders.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        outputs.add(run(home, logConfig, withPassword, 0, "restore", backup.toString(), "--yes", "--url", url, "--user", user));
        outputs.add(run(home, logConfig, withPassword, 0, "backup", "--url", url, "--user", user));

        List<Path> written;
        try (Stream<Path> files = Files.walk(home)) {
            written = files.filter(Files::isRegularFile).toList();
        }
        assertThat(written).extracting(p -> home.relativize(p).toString())
                .anyMatch(name -> name.startsWith("backups/") && name.endsWith("/sprint-reports-backup.json"))
                .anyMatch(name -> name.endsWith("/users.csv"));
        for (Path file : written) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(content).as(home.relativize(file).toString()).doesNotContain(password);
        }
        assertThat(outputs).allSatisfy(output -> assertThat(output).doesNotContain(password));
    }

    @Test
    void theJiraTokenIsInNoFileNoOutputAndNotInTheProcessList() throws Exception {
        Path home = tempDir.resolve("home");
        Path logConfig = debugLogConfig();
        try (JiraSimulator sim = JiraSimulator.start(SimulatorConfig.cloud(11, 300))) {
            String token = sim.config().token();
            Map<String, String> withToken = Map.of(EnvironmentTokenStore.VARIABLE, token);
            String url = sim.baseUrl().toString();
            List<String> outputs = new ArrayList<>();
            outputs.add(run(home, logConfig, Map.of(), 0, "migrate"));
            outputs.add(run(home, logConfig, Map.of(), 0, "demo-data", "--entities", "100"));
            outputs.add(run(home, logConfig, withToken, 0, "jira", "connect", "--jira-url", url, "--deployment", "cloud",
                    "--jira-user", sim.config().user(), "--board", "1,2", "--verbose"));
            outputs.add(run(home, logConfig, withToken, 0, "jira", "test", "--verbose"));
            outputs.add(run(home, logConfig, Map.of(EnvironmentTokenStore.VARIABLE, token + "x"), 3, "jira", "test", "--verbose"));
            outputs.add(run(home, logConfig, withToken, 0, "jira", "show"));
            outputs.add(run(home, logConfig, Map.of(), 0, "backup"));
            outputs.add(run(home, logConfig, Map.of(), 0, "export", "--format", "json", "--out", home.resolve("states.json").toString()));

            // While a request is on its way, the command line of the process holds no token either.
            CountDownLatch asking = new CountDownLatch(1);
            sim.when("GET", "/rest/api/3/myself").before(asking::countDown).delay(Duration.ofSeconds(3)).times(1);
            Process slow = ChildCli.builder(home, List.of("-Dlogback.configurationFile=" + logConfig, "-Dsyncdesk.keyring=off"), withToken,
                    "jira", "test").redirectErrorStream(true).start();
            slow.getOutputStream().close();
            assertThat(asking.await(60, TimeUnit.SECONDS)).as("the slow request has arrived").isTrue();
            // What ps shows; ProcessHandle.Info leaves the arguments out when the class path makes them long.
            List<String> arguments = List.of(Files.readString(Path.of("/proc", Long.toString(slow.pid()), "cmdline")).split("\0"));
            outputs.add(new String(slow.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            assertThat(slow.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(slow.exitValue()).isZero();
            assertThat(arguments).contains("jira", "test").noneMatch(argument -> argument.contains(token));

            List<Path> written;
            try (Stream<Path> files = Files.walk(home)) {
                written = files.filter(Files::isRegularFile).toList();
            }
            assertThat(written).extracting(p -> home.relativize(p).toString()).contains("syncdesk.db", "logs/syncdesk.log", "states.json")
                    .anyMatch(name -> name.startsWith("backups/"));
            assertThat(Files.readString(home.resolve("logs").resolve("syncdesk.log"))).contains("DEBUG");
            for (Path file : written) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(home.relativize(file).toString()).doesNotContain(token);
            }
            assertThat(outputs).allSatisfy(output -> assertThat(output).doesNotContain(token));
            assertThat(String.join("\n", outputs)).contains("Signed in to " + url).contains("JIRA refused the API token");
        }
    }

    private Path debugLogConfig() throws Exception {
        String shipped = Files.readString(Path.of("resources", "logback.xml"));
        String debug = shipped.replaceAll("level=\"(INFO|WARN)\"", "level=\"DEBUG\"")
                .replace("<root level=\"DEBUG\">", "<logger name=\"org.postgresql\" level=\"TRACE\"/>\n  <root level=\"DEBUG\">");
        assertThat(debug).doesNotContain("level=\"INFO\"").doesNotContain("level=\"WARN\"");
        Path config = tempDir.resolve("logback-debug.xml");
        Files.writeString(config, debug);
        return config;
    }

    private static String run(Path home, Path logConfig, Map<String, String> environment, int expectedExit, String... args) throws Exception {
        Process process = ChildCli.builder(home, List.of("-Dlogback.configurationFile=" + logConfig, "-Dsyncdesk.keyring=off"), environment, args)
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", args) + "\n" + text).isEqualTo(expectedExit);
        return text;
    }
}
