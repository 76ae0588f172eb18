package com.syncdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.syncdesk.testing.CliRun;

import picocli.CommandLine;

class HelpTest {

    @Test
    void everyCommandAnswersHelpWithItsUsageBeforeCheckingItsRequiredOptions() {
        List<List<String>> commands = new ArrayList<>();
        collect(SyncDeskCli.commandLine(), List.of(), commands);
        assertThat(commands).contains(List.of("status"), List.of("downgrade"), List.of("conflicts", "list"), List.of("restore"));

        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isZero();
            assertThat(run.out()).as(String.join(" ", args)).startsWith("Usage: syncdesk " + String.join(" ", command)).contains("--help");
            assertThat(run.err()).as(String.join(" ", args)).isEmpty();
        }
    }

    private static void collect(CommandLine parent, List<String> path, List<List<String>> into) {
        parent.getSubcommands().forEach((name, sub) -> {
            List<String> command = new ArrayList<>(path);
            command.add(name);
            into.add(command);
            collect(sub, command, into);
        });
    }
}
