package com.syncdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.syncdesk.testing.CliRun;

class VersionCommandTest {

    @Test
    void versionSaysTheVersionTheBuildWroteInAndTheRuntime() {
        CliRun version = CliRun.of("--version");

        assertThat(version.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(version.out().lines().toList()).containsExactly(
                "SyncDesk " + System.getProperty("syncdesk.expected.version"),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + "), " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch"));
        assertThat(version.err()).isEmpty();
    }
}
