package com.syncdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;

import com.syncdesk.testing.ChildCli;

/** The product's logging as an installed SyncDesk has it: no logback-test.xml on the class path. */
class LoggingSetupTest {

    @TempDir
    Path dir;

    @Test
    void logsGoToTheDataDirectorysFileAtTheProductsLevelsAndNothingToTheTerminal() throws Exception {
        Path home = dir.resolve("home");
        String output = run(ChildCli.productBuilder(home, List.of(), Map.of(), "demo-data", "--entities", "20", "--db", dir.resolve("a.db").toString()));

        String log = Files.readString(home.resolve("logs").resolve("syncdesk.log"));
        // Flyway's INFO is kept, Hibernate's and HikariCP's INFO are not (WARN and above only).
        assertThat(log).contains(" INFO  o.f.core.internal.command.DbMigrate - ").doesNotContain(" INFO  com.zaxxer").doesNotContain(" INFO  org.hibernate");
        assertThat(log.lines()).allMatch(line -> line.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[.+\\] (TRACE|DEBUG|INFO |WARN |ERROR) .+ - .*")
                || !line.matches("\\d{4}-.*"));
        assertThat(output).doesNotContain(" INFO ").doesNotContain("DbMigrate");
    }

    @Test
    void javaFxsWarningThatItRunsFromTheClassPathIsLeftOutAndItsOtherWarningsAreKept() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        LoggingSetup.logToFile(context, dir.toString());
        // What JavaFX's own logger says through System.Logger (slf4j-jdk-platform-logging): the console's start, a stylesheet.
        context.getLogger("javafx").warn("Unsupported JavaFX configuration: classes were loaded from 'unnamed module @2b193f2d'");
        context.getLogger("javafx").warn("Unsupported JavaFX configuration: classes were loaded from 'unnamed module @2b193f2d'");
        context.getLogger("javafx.css").warn("Could not resolve '-color-accent' while resolving lookups for '-fx-background-color'");
        context.stop();

        assertThat(Files.readString(dir.resolve("syncdesk.log"))).contains("WARN  javafx.css - Could not resolve '-color-accent'")
                .doesNotContain("Unsupported JavaFX configuration");
    }

    @Test
    void aCommandThatLogsNothingWritesNoLogFileAndTheFirstEventOpensIt() throws Exception {
        Path db = dir.resolve("c.db");
        run(ChildCli.productBuilder(dir.resolve("migrating"), List.of(), Map.of(), "migrate", "--db", db.toString()));
        Path home = dir.resolve("home");

        String status = run(ChildCli.productBuilder(home, List.of(), Map.of(), "status", "--db", db.toString()));
        assertThat(status).contains("Schema version: ");
        assertThat(home.resolve("logs").resolve("syncdesk.log")).doesNotExist();

        run(ChildCli.productBuilder(home, List.of(), Map.of(), "migrate", "--db", dir.resolve("e.db").toString()));
        assertThat(Files.readString(home.resolve("logs").resolve("syncdesk.log"))).contains(" INFO  o.f.core.internal.command.DbMigrate - ");
    }

    @Test
    void aLogFolderThatCannotBeMadeIsToldOnceWhenTheFirstEventComesAndTheCommandGoesOn() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("logs"), "a file where the log folder would be");

        String output = run(ChildCli.productBuilder(home, List.of(), Map.of(), "demo-data", "--entities", "20", "--db", dir.resolve("d.db").toString()));
        assertThat(output.lines().filter(line -> line.startsWith("syncdesk: logging is off for this run: "))).hasSize(1);
        assertThat(output).contains("Generated ");
    }

    @Test
    void anOperatorsConfigurationFileTakesOver() throws Exception {
        Path home = dir.resolve("home");
        Path mine = dir.resolve("mine.log");
        Path config = Files.writeString(dir.resolve("logback.xml"), """
                <configuration>
                  <appender name="MINE" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder><pattern>mine %%level %%logger - %%msg%%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="MINE"/></root>
                </configuration>
                """.formatted(mine));
        run(ChildCli.productBuilder(home, List.of("-Dlogback.configurationFile=" + config), Map.of(), "demo-data", "--entities", "20", "--db",
                dir.resolve("b.db").toString()));

        assertThat(Files.readString(mine)).contains("mine INFO org.flywaydb.core.internal.command.DbMigrate - ");
        assertThat(home.resolve("logs").resolve("syncdesk.log")).doesNotExist();
    }

    private static String run(ProcessBuilder builder) throws Exception {
        Process process = builder.redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
