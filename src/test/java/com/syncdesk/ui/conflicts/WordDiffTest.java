package com.syncdesk.ui.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.syncdesk.ui.conflicts.WordDiff.Kind;
import com.syncdesk.ui.conflicts.WordDiff.Segment;

class WordDiffTest {

    @Test
    void marksTheWordsOneSideAddedAndDroppedAndKeepsTheRest() {
        assertThat(WordDiff.diff("Ship the checkout to 10% of users", "Ship the checkout to 25% of users in all regions")).containsExactly(
                new Segment(Kind.SAME, "Ship the checkout to "),
                new Segment(Kind.REMOVED, "10%"),
                new Segment(Kind.ADDED, "25%"),
                new Segment(Kind.SAME, " of users "),
                new Segment(Kind.ADDED, "in all regions"));
    }

    @Test
    void identicalTextIsOneUnchangedRun() {
        assertThat(WordDiff.diff("same words here", "same words here")).containsExactly(new Segment(Kind.SAME, "same words here"));
    }

    @Test
    void theShownTextCanBeRebuiltFromItsRuns() {
        String shown = "Fix  the login\nredirect loop for SSO users";
        StringBuilder rebuilt = new StringBuilder();
        WordDiff.diff("Fix the login redirect loop", shown).stream().filter(s -> s.kind() != Kind.REMOVED).forEach(s -> rebuilt.append(s.text()));
        assertThat(rebuilt).hasToString(shown);
    }
}
