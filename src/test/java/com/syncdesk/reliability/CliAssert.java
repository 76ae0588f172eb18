package com.syncdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncdesk.testing.CliRun;

/** What every failing command owes the operator: the right exit code and one plain line on stderr. */
final class CliAssert {

    private CliAssert() {
    }

    static void oneLine(CliRun run, int exitCode, String... fragments) {
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(exitCode);
        plainLine(run.err(), fragments);
    }

    static void plainLine(String err, String... fragments) {
        assertThat(err).as("stderr").hasLineCount(1).startsWith("syncdesk: ")
                .doesNotContain("Exception").doesNotContain("\tat ");
        for (String fragment : fragments) {
            assertThat(err).as("stderr").contains(fragment);
        }
    }
}
