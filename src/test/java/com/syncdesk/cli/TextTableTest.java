package com.syncdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/** CLI tables stay aligned whatever the length of their values (issue 15.12). */
class TextTableTest {

    @Test
    void everyColumnIsAsWideAsItsLongestValueAndNumbersAlignRight() {
        StringWriter text = new StringWriter();
        new TextTable("WHEN", "WHO", "CHANGED>", "WHAT")
                .row("Dec 1, 2026, 2:29:33 PM CET", "a-very-long-operator-name", 36, "filter status = failed, text = 429")
                .row("Dec 12, 2026, 12:05:11 PM CET", "bob", 1_204, "sync states 4, 5\nand more")
                .print(new PrintWriter(text, true));

        String[] lines = text.toString().split("\\R");
        assertThat(lines).containsExactly(
                "WHEN                           WHO                        CHANGED  WHAT",
                "Dec 1, 2026, 2:29:33 PM CET    a-very-long-operator-name       36  filter status = failed, text = 429",
                "Dec 12, 2026, 12:05:11 PM CET  bob                           1204  sync states 4, 5 and more");
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
    }
}
