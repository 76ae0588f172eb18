package com.syncdesk.ui.syncstates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.app.Texts;
import com.syncdesk.syncstate.StateAction;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.syncstate.SyncStateRow;
import com.syncdesk.syncstate.SyncStatus;
import com.syncdesk.testing.StateRows;
import com.syncdesk.ui.PlainConsole;
import com.syncdesk.ui.TestConsoles;

/** The Sync States page's logic as a plain object: no window, no JavaFX toolkit, a real database. */
class SyncStatesViewModelTest {

    @TempDir
    Path dir;

    private PlainConsole console;
    private SyncStatesViewModel model;

    @BeforeEach
    void open() {
        console = new PlainConsole(dir.resolve("home")).connect(TestConsoles.withStateRows(dir, 450, 7));
        model = new SyncStatesViewModel(console.context);
    }

    @AfterEach
    void close() {
        console.close();
    }

    private long count(SyncStateFilter filter) {
        return console.context.workspace().syncStates().count(filter);
    }

    @Test
    void searchPagesThroughTheFilteredStatesInTheDatabase() {
        model.statuses().setAll(SyncStatus.FAILED, SyncStatus.COMPLETED);
        model.search();

        long matching = count(SyncStateFilter.all().withStatuses(SyncStatus.FAILED, SyncStatus.COMPLETED));
        assertThat(matching).isGreaterThan(100);
        assertThat(model.totalProperty().get()).isEqualTo(matching);
        assertThat(model.rows()).hasSize(100).allMatch(row -> row.status().is(SyncStatus.FAILED) || row.status().is(SyncStatus.COMPLETED));
        long pages = (matching + 99) / 100;
        assertThat(model.pageTextProperty().get()).isEqualTo("1–100 of " + Texts.count(matching) + " · page 1/" + pages);
        List<Long> first = model.rows().stream().map(SyncStateRow::id).toList();

        model.nextPage();
        assertThat(model.pageTextProperty().get()).startsWith("101–");
        assertThat(model.rows()).extracting(SyncStateRow::id).doesNotContainAnyElementsOf(first);
        model.previousPage();
        assertThat(model.rows()).extracting(SyncStateRow::id).containsExactlyElementsOf(first);
    }

    @Test
    void anActionOnSelectedRowsAsksWithTheirNumberAndChangesOnlyThem() {
        model.statuses().setAll(SyncStatus.FAILED);
        model.search();
        List<Long> chosen = model.rows().stream().limit(2).map(SyncStateRow::id).toList();
        long failedBefore = count(SyncStateFilter.all().withStatuses(SyncStatus.FAILED));

        model.act(StateAction.RETRY, chosen);

        assertThat(console.dialogs.lastQuestion().header()).isEqualTo("Retry the 2 selected sync states?");
        assertThat(console.dialogs.lastQuestion().yes()).isEqualTo("Retry 2");
        assertThat(console.dialogs.lastQuestion().text()).contains("back to pending", console.context.operator());
        assertThat(count(SyncStateFilter.all().withStatuses(SyncStatus.FAILED))).isEqualTo(failedBefore - 2);
        assertThat(model.rows()).extracting(SyncStateRow::id).doesNotContainAnyElementsOf(chosen);
    }

    @Test
    void aDeclinedActionChangesNothing() {
        model.search();
        long pending = count(SyncStateFilter.all().withStatuses(SyncStatus.PENDING));
        console.dialogs.answer(false, "");

        model.act(StateAction.SKIP, null);

        assertThat(console.dialogs.lastQuestion().header()).isEqualTo("Skip every sync state matching the filter (" + Texts.count(450) + ")?");
        assertThat(count(SyncStateFilter.all().withStatuses(SyncStatus.PENDING))).isEqualTo(pending);
        assertThat(StateRows.scalar(console.context.workspace().database(), "SELECT count(*) FROM audit_log")).isZero();
    }

    @Test
    void actionsAreOfferedOnlyWhenThereIsSomethingToActOn() {
        model.search();
        assertThat(model.canAct(SyncStatesViewModel.Scope.SELECTED, 0)).isFalse();
        assertThat(model.canAct(SyncStatesViewModel.Scope.SELECTED, 3)).isTrue();
        assertThat(model.canAct(SyncStatesViewModel.Scope.MATCHING, 0)).isTrue();
        model.textProperty().set("no state has this text");
        model.search();
        assertThat(model.canAct(SyncStatesViewModel.Scope.MATCHING, 0)).isFalse();
    }

    @Test
    void exportWritesTheFilteredRowsWhereTheOperatorChose() throws Exception {
        model.statuses().setAll(SyncStatus.SKIPPED);
        model.search();
        Path file = dir.resolve("skipped.csv");
        console.dialogs.chooseNext(file);

        model.export();

        assertThat(Files.readAllLines(file)).hasSize(1 + (int) count(SyncStateFilter.all().withStatuses(SyncStatus.SKIPPED)));
        assertThat(dir.resolve("skipped.csv.partial")).doesNotExist();
        assertThat(model.export()).as("cancelled file chooser").isEmpty();
    }

    @Test
    void theDetailWordsEveryFieldAndShowsStoredConflictsAsTheyAre() {
        model.search();
        SyncStateRow row = model.rows().getFirst();

        SyncStatesViewModel.Detail detail = model.detail(row);

        assertThat(detail.title()).isEqualTo(row.entityType().wire() + " " + row.entityId());
        assertThat(detail.lines()).extracting(SyncStatesViewModel.DetailLine::caption).startsWith("Id", "Entity type", "Entity id", "JIRA id", "Status")
                .endsWith("Created", "Updated");
        assertThat(detail.lines().getFirst().value()).isEqualTo(String.valueOf(row.id()));
        assertThat(detail.conflicts()).isEqualTo("No conflicts recorded.");
        assertThat(SyncStatesViewModel.prettyConflicts("{not json")).startsWith("Stored text is not valid JSON").endsWith("{not json");
        assertThat(SyncStatesViewModel.prettyConflicts("[{\"field\":\"name\",\"local\":\"a\",\"remote\":\"b\"}]"))
                .contains("\"field\" : \"name\"");
    }
}
