package com.syncdesk.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.app.Texts;
import com.syncdesk.syncstate.Selection;
import com.syncdesk.syncstate.StateAction;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.syncstate.SyncStateService;
import com.syncdesk.syncstate.SyncStatus;
import com.syncdesk.ui.PlainConsole;
import com.syncdesk.ui.TestConsoles;

/** The Audit Log page's logic as a plain object: a real database, its log written by real operator actions. */
class AuditViewModelTest {

    @TempDir
    Path dir;

    private PlainConsole console;
    private SyncStateService states;

    @BeforeEach
    void open() {
        console = new PlainConsole(dir.resolve("home")).connect(TestConsoles.withStateRows(dir, 300, 7));
        states = console.context.workspace().syncStates();
    }

    @AfterEach
    void close() {
        console.close();
    }

    @Test
    void theLogIsListedNewestFirstWithWhoWhatHowManyAndTheFilterOrIds() {
        states.apply(StateAction.RETRY, Selection.ids(List.of(1L, 2L, 3L)), "alice");
        states.apply(StateAction.SKIP, Selection.matching(SyncStateFilter.all().withStatuses(SyncStatus.FAILED)), "bob");
        AuditViewModel model = new AuditViewModel(console.context);

        model.refresh();

        assertThat(model.summaryProperty().get()).isEqualTo("2 entries in the log");
        AuditViewModel.Line skip = model.rows().getFirst();
        assertThat(skip.who()).isEqualTo("bob");
        assertThat(skip.what()).isEqualTo("Skip");
        assertThat(skip.target()).isEqualTo("filter status = failed");
        assertThat(skip.changed()).matches("[\\d,]+ of [\\d,]+");
        assertThat(skip.when()).isEqualTo(console.context.texts().timestamp(skip.row().at()));
        AuditViewModel.Line retry = model.rows().get(1);
        assertThat(retry).extracting(AuditViewModel.Line::who, AuditViewModel.Line::what, AuditViewModel.Line::target)
                .containsExactly("alice", "Retry", "sync states 1, 2, 3");
        assertThat(model.operators()).containsExactly("alice", "bob");
        assertThat(model.actions()).containsExactly("retry", "skip");
    }

    @Test
    void theOperatorActionAndPeriodFilterTheLogAndClearingShowsEveryEntryAgain() {
        states.apply(StateAction.RETRY, Selection.one(1), "alice");
        states.apply(StateAction.RESET_ERRORS, Selection.one(2), "alice");
        states.apply(StateAction.RETRY, Selection.one(3), "bob");
        Clock twoDaysOn = Clock.fixed(Instant.now().plus(Duration.ofDays(2)), ZoneOffset.UTC);
        AuditViewModel model = new AuditViewModel(console.context, twoDaysOn);
        model.refresh();

        model.operatorProperty().set("alice");
        assertThat(model.rows()).extracting(AuditViewModel.Line::what).containsExactly("Reset errors", "Retry");
        model.actionProperty().set("retry");
        assertThat(model.rows()).extracting(AuditViewModel.Line::target).containsExactly("sync state 1");
        assertThat(model.summaryProperty().get()).isEqualTo("1 entry matches the filter");

        model.clearFilter();
        model.periodProperty().set(AuditViewModel.Period.WEEK);
        assertThat(model.rows()).hasSize(3);
        model.periodProperty().set(AuditViewModel.Period.DAY);
        assertThat(model.rows()).as("two days on, nothing is from the last 24 hours").isEmpty();
        assertThat(model.summaryProperty().get()).isEqualTo("0 entries match the filter");

        model.clearFilter();
        assertThat(model.rows()).hasSize(3);
        assertThat(AuditViewModel.operatorWords(model.operatorProperty().get())).isEqualTo("Anyone");
        assertThat(AuditViewModel.actionWords("reset_errors")).isEqualTo("Reset errors");
    }

    @Test
    void theLogIsPagedInTheDatabase() {
        for (int i = 0; i < AuditViewModel.PAGE_SIZE + 5; i++) {
            states.apply(StateAction.RESET_ERRORS, Selection.one(1 + i % 10), "alice");
        }
        AuditViewModel model = new AuditViewModel(console.context);
        model.refresh();
        assertThat(model.rows()).hasSize(AuditViewModel.PAGE_SIZE);
        assertThat(model.pageTextProperty().get()).isEqualTo("1–100 of " + Texts.count(105));
        long newestOfTheFirstPage = model.rows().getFirst().row().id();

        model.nextPage();
        assertThat(model.rows()).hasSize(5);
        assertThat(model.pageTextProperty().get()).isEqualTo("101–105 of 105");
        assertThat(model.hasNextProperty().get()).isFalse();

        model.previousPage();
        assertThat(model.rows().getFirst().row().id()).isEqualTo(newestOfTheFirstPage);
    }

    @Test
    void withoutADatabaseThePageSaysWhy() {
        console.close();
        console = new PlainConsole(dir.resolve("home2"));
        AuditViewModel model = new AuditViewModel(console.context);
        model.refresh();
        assertThat(model.rows()).isEmpty();
        assertThat(model.summaryProperty().get()).startsWith("No database is open.");
    }
}
