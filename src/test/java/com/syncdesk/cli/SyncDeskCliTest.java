package com.syncdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.syncdesk.testing.CliRun;

class SyncDeskCliTest {

    @Test
    void versionSaysTheVersionTheBuildWroteInAndTheRuntime() {
        CliRun version = CliRun.of("--version");
        assertThat(CliRun.of("-V").out()).isEqualTo(version.out());

        assertThat(version.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(version.out().lines().toList()).containsExactly(
                "SyncDesk " + System.getProperty("syncdesk.expected.version"),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + "), " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch"));
        assertThat(version.err()).isEmpty();
    }

    @Test
    void aNamedCommandIsTheOnlyOneModelledAndAnythingElseGetsThemAll() {
        assertThat(SyncDeskCli.commandLine("status", "--db", "x.db").getSubcommands()).containsOnlyKeys("status");
        assertThat(SyncDeskCli.commandLine("conflicts", "list").getSubcommands()).containsOnlyKeys("conflicts");
        assertThat(SyncDeskCli.commandLine("conflicts", "list").getSubcommands().get("conflicts").getSubcommands()).containsKeys("list", "resolve");
        assertThat(SyncDeskCli.commandLine("--help").getSubcommands()).hasSize(23).containsKeys("status", "retry-failed", "bench");
        assertThat(SyncDeskCli.commandLine("no-such-command").getSubcommands()).hasSize(23);
        assertThat(SyncDeskCli.commandLine("--version").getSubcommands()).isEmpty();
        assertThat(SyncDeskCli.commandLine("-V").getSubcommands()).isEmpty();
        assertThat(SyncDeskCli.commandLine("--version", "--help").getSubcommands()).hasSize(23);
    }

    @Test
    void theTopLevelHelpStillListsEveryCommandInItsOrder() {
        CliRun help = CliRun.of("--help");

        assertThat(help.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(help.out()).containsSubsequence("  status ", "  adopt ", "  migrate ", "  stats ", "  retry-failed ", "  conflicts ",
                "  jira ", "  demo-data ", "  bench ");
    }
}
