package com.syncdesk.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.syncstate.Selection;
import com.syncdesk.syncstate.StateAction;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.syncstate.SyncStatistics;
import com.syncdesk.syncstate.SyncStatus;
import com.syncdesk.ui.PlainConsole;
import com.syncdesk.ui.TestConsoles;

/** The dashboard's figures and their wording as a plain object. */
class DashboardViewModelTest {

    @TempDir
    Path dir;

    private PlainConsole console;

    @AfterEach
    void close() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void theFiguresOfADemoDatabaseAgreeWithTheServicesFigures() {
        console = new PlainConsole(dir.resolve("home")).connect(TestConsoles.withDemoData(dir, 600));
        DashboardViewModel model = new DashboardViewModel(console.context);

        model.refresh();

        DashboardViewModel.Figures figures = model.figuresProperty().get();
        assertThat(figures.empty()).isFalse();
        SyncStatistics expected = console.context.workspace().syncStates().statistics(null, DashboardViewModel.WINDOW_HOURS);
        assertThat(figures.statistics().total()).isEqualTo(expected.total());
        assertThat(figures.runsPerDay()).hasSize(DashboardViewModel.HISTORY_DAYS);
        // The one timestamp style, with its zone (issue 15.12; this asserted a bare "10:15:30" before).
        assertThat(model.loadedAtText(figures)).isEqualTo("Loaded at " + console.context.texts().timestamp(figures.loadedAt()));
    }

    @Test
    void cardsSayWhatEachFigureMeansAndShowADashForNoValue() {
        SyncStatistics none = new SyncStatistics(0, Map.of(), Map.of(), Map.of(), null, null, null, 0, 0, 0, 24, 0, List.of(), List.of());
        SyncStatistics some = new SyncStatistics(1_204, Map.of(), Map.of(), Map.of(), 0.9, 1_234.4, 2_500, 12_000, 7, 3, 24, 41, List.of(), List.of());

        assertThat(DashboardViewModel.cards(none)).extracting(DashboardViewModel.Card::value).containsExactly("—", "—", "—", "0", "0", "0");
        assertThat(DashboardViewModel.cards(some)).extracting(DashboardViewModel.Card::id, DashboardViewModel.Card::value).containsExactly(
                Tuple.tuple("success-rate", "90.0 %"), Tuple.tuple("average-duration", "1,234 ms"),
                Tuple.tuple("p95-duration", "2,500 ms"), Tuple.tuple("api-calls", "12,000"),
                Tuple.tuple("open-conflicts", "7"), Tuple.tuple("recent-failures", "41"));
        assertThat(DashboardViewModel.cards(some).get(4).hint()).isEqualTo("on 3 entities, waiting for a human");
        assertThat(DashboardViewModel.cards(some).get(5).hint()).isEqualTo("of 1,204 sync states in all");
    }

    @Test
    void aRefreshSaysThatItRanAndWhetherTheFiguresChanged() {
        console = new PlainConsole(dir.resolve("home")).connect(TestConsoles.withDemoData(dir, 600));
        DashboardViewModel model = new DashboardViewModel(console.context);
        model.refresh();
        assertThat(model.loadedTextProperty().get()).isEqualTo(model.loadedAtText(model.figuresProperty().get()));

        model.refresh();
        String again = "Reloaded at " + console.context.texts().timestamp(model.figuresProperty().get().loadedAt());
        assertThat(model.loadedTextProperty().get()).isEqualTo(again + ": nothing changed");

        console.context.workspace().syncStates().apply(StateAction.SKIP,
                Selection.matching(SyncStateFilter.all().withStatuses(SyncStatus.FAILED)), "alice");
        model.refresh();
        assertThat(model.loadedTextProperty().get()).endsWith(": the figures changed");
    }

    @Test
    void whileConnectingTheDashboardSaysSoAndAfterAFailureWhy() throws Exception {
        console = new PlainConsole(dir.resolve("home"));
        DashboardViewModel model = new DashboardViewModel(console.context);
        assertThat(model.availabilityProperty().get()).isEqualTo("No database is open. Connect to one with File › Connect… (Ctrl+O).");
        List<String> said = new ArrayList<>();
        model.availabilityProperty().addListener((obs, old, now) -> said.add(now));
        ConnectionTarget target = TestConsoles.withDemoData(dir, 100);

        console.connect(target);

        assertThat(said).first().isEqualTo("Connecting to " + target.describe() + "…");
        assertThat(said).last().isEqualTo("");

        console.close();
        console = new PlainConsole(dir.resolve("home2"));
        model = new DashboardViewModel(console.context);
        Path notADatabase = Files.writeString(dir.resolve("notes.db"), "not a database, just text");
        console.context.connect(new ConnectionTarget.SqliteFile(notADatabase), () -> { }, failure -> { });
        assertThat(model.availabilityProperty().get()).startsWith("Could not open " + notADatabase);
    }
}
