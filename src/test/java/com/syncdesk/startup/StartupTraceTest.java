package com.syncdesk.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.app.StartupTrace;
import com.syncdesk.app.StartupTrace.Milestone;
import com.syncdesk.testing.ChildCli;

/** The console started as the launcher starts it, in its own JVM, headless: every milestone in order, then it closes itself. */
class StartupTraceTest {

    @TempDir
    Path home;

    @Test
    void theConsoleReachesEveryMilestoneInOrderAndClosesItselfWhenAsked() throws Exception {
        Path trace = home.resolve("trace.txt");
        Process console = ChildCli.builder(home, List.of("-Dglass.platform=Headless", "-Dprism.order=sw", "-Djava.awt.headless=true",
                        "-Dsyncdesk.keyring=off", "-D" + StartupTrace.FILE_PROPERTY + "=" + trace, "-D" + StartupTrace.EXIT_PROPERTY + "=true"),
                Map.of()).redirectErrorStream(true).redirectOutput(home.resolve("console.out").toFile()).start();

        assertThat(console.waitFor(90, TimeUnit.SECONDS)).as("the console closed itself").isTrue();
        assertThat(console.exitValue()).as(Files.readString(home.resolve("console.out"))).isZero();
        List<String[]> lines = Files.readAllLines(trace).stream().map(line -> line.split(" ")).toList();
        assertThat(lines).extracting(line -> line[0]).containsExactlyElementsOf(Arrays.stream(Milestone.values()).map(Milestone::word).toList());
        List<Long> times = lines.stream().map(line -> Long.parseLong(line[1])).toList();
        assertThat(times).isSorted();
        assertThat(home.resolve("syncdesk.db")).isRegularFile();
    }
}
