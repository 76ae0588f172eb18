package com.syncdesk.ui.syncstates;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.app.Texts;
import com.syncdesk.conflict.ResolutionResult;
import com.syncdesk.jira.JiraConnectionStore;
import com.syncdesk.jira.JiraSite;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.syncstate.ResolutionStrategy;
import com.syncdesk.syncstate.StateAction;
import com.syncdesk.syncstate.SyncDirection;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.syncstate.SyncStateRow;
import com.syncdesk.syncstate.SyncStatus;
import com.syncdesk.testing.StateRows;
import com.syncdesk.ui.AppContext;
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

        // Unfiltered, the question names every state in stronger words (issue 15.6; it read "every sync state matching the filter").
        assertThat(console.dialogs.lastQuestion().header()).isEqualTo("Skip all " + Texts.count(450) + " sync states? No filter is set.");
        assertThat(console.dialogs.lastQuestion().text()).contains("EVERY sync state in the database");
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

    private List<Long> idsWithStatus(SyncStatus status, int howMany) {
        model.statuses().setAll(status);
        model.search();
        return model.rows().stream().limit(howMany).map(SyncStateRow::id).toList();
    }

    @Test
    void anActionThatCanChangeNoneOfItsRowsSaysSoInsteadOfAsking() {
        List<Long> held = idsWithStatus(SyncStatus.IN_PROGRESS, 2);

        model.act(StateAction.RETRY, held);

        assertThat(console.dialogs.questions).isEmpty();
        assertThat(console.dialogs.shown).singleElement().satisfies(shown -> assertThat(shown.text())
                .isEqualTo("Nothing to retry: of the 2 selected sync states, 2 are held by a sync worker (in progress). Nothing was changed."));
        assertThat(model.messageProperty().get()).isEqualTo(console.dialogs.shown.getFirst().text());
        assertThat(model.messageKindProperty().get()).isEqualTo(SyncStatesViewModel.MessageKind.WARNING);
        assertThat(StateRows.scalar(console.context.workspace().database(), "SELECT count(*) FROM audit_log")).isZero();
    }

    @Test
    void anActionWarnsBeforeAskingWhatItWillLeaveAloneAndSaysAfterwardsWhatItDid() {
        List<Long> chosen = new ArrayList<>(idsWithStatus(SyncStatus.IN_PROGRESS, 1));
        chosen.addAll(idsWithStatus(SyncStatus.FAILED, 2));

        model.act(StateAction.RETRY, chosen);

        assertThat(console.dialogs.lastQuestion().header()).isEqualTo("Retry the 3 selected sync states?");
        assertThat(console.dialogs.lastQuestion().text()).contains("Only 2 can change: 1 is held by a sync worker (in progress), and they are left alone.");
        assertThat(console.dialogs.lastQuestion().yes()).isEqualTo("Retry 2");
        assertThat(model.messageProperty().get()).isEqualTo("Queued 2 of 3 for another sync; 1 was held by a sync worker (in progress) and left alone.");
        assertThat(model.messageKindProperty().get()).isEqualTo(SyncStatesViewModel.MessageKind.INFO);
    }

    @Test
    void clearingTheFilterPutsTheScopeBackOnTheSelectedRowsAndTheBoxesShowWhatIsChosen() {
        assertThat(model.statusTitle()).isEqualTo("Any status");
        model.statuses().setAll(SyncStatus.FAILED, SyncStatus.IN_PROGRESS);
        assertThat(model.statusTitle()).isEqualTo("in progress, failed");
        model.search();
        model.scopeProperty().set(SyncStatesViewModel.Scope.MATCHING);
        assertThat(model.scopeText(SyncStatesViewModel.Scope.MATCHING)).isEqualTo("All matching (" + Texts.count(model.totalProperty().get()) + ")");

        model.clearFilter();
        model.search();

        assertThat(model.scopeProperty().get()).isEqualTo(SyncStatesViewModel.Scope.SELECTED);
        assertThat(model.statuses()).isEmpty();
        model.selectedCountProperty().set(3);
        assertThat(model.scopeText(SyncStatesViewModel.Scope.SELECTED)).isEqualTo("Selected rows (3)");
        assertThat(model.scopeText(SyncStatesViewModel.Scope.MATCHING)).isEqualTo("All " + Texts.count(450) + " (no filter)");
    }

    @Test
    void exportSaysWhenItHasFinishedAndWhere() {
        model.statuses().setAll(SyncStatus.SKIPPED);
        model.search();
        Path file = dir.resolve("skipped.csv");
        console.dialogs.chooseNext(file);

        model.export();

        long skipped = count(SyncStateFilter.all().withStatuses(SyncStatus.SKIPPED));
        assertThat(model.messageProperty().get()).isEqualTo("Exported " + Texts.count(skipped, "sync state") + " to " + file + ".");
    }

    @Test
    void resolvingAConflictOpensTheDialogOverThisPageAndSaysWhatWasResolved() {
        List<AppContext.ConflictRequest> opened = new ArrayList<>();
        List<AppContext.Navigation> navigated = new ArrayList<>();
        console.context.onOpenConflict(opened::add);
        console.context.onNavigate(navigated::add);
        model.search();
        SyncStateRow row = model.rows().getFirst();

        model.resolveConflict(row);
        opened.getFirst().onResolved().accept(new ResolutionResult(ResolutionStrategy.JIRA_WINS, SyncDirection.BIDIRECTIONAL, 2, 1, 0));

        assertThat(opened).extracting(AppContext.ConflictRequest::stateId).containsExactly(row.id());
        assertThat(navigated).as("the page stays where the operator was").isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Resolved 2 conflicts of " + row.entityType().words() + " " + row.entityId()
                + " (JIRA wins); it is queued for the next sync.");
    }

    @Test
    void aStateIsNamedByItsLabelItsStoryIsToldAndJiraIsOfferedOnceASiteIsKnown() throws Exception {
        console.close();
        Files.createDirectories(dir.resolve("demo"));
        console = new PlainConsole(dir.resolve("home2")).connect(TestConsoles.withDemoData(dir.resolve("demo"), 300));
        model = new SyncStatesViewModel(console.context);
        model.typeProperty().set(EntityType.ISSUE);
        model.search();
        SyncStateRow issue = model.rows().getFirst();
        assertThat(issue.label()).matches("[A-Z]+-\\d+");

        SyncStatesViewModel.Detail detail = model.detail(issue);
        assertThat(detail.title()).isEqualTo("issue " + issue.label());
        assertThat(detail.lines()).contains(new SyncStatesViewModel.DetailLine("Key or name", issue.label()));
        assertThat(model.jiraLink(issue)).isEmpty();

        List<URI> browsed = new ArrayList<>();
        console.context.onBrowse(browsed::add);
        console.context.setJiraSite(URI.create("https://acme.atlassian.net"));
        model.openInJira(issue);
        assertThat(browsed).containsExactly(URI.create("https://acme.atlassian.net/browse/" + issue.label()));

        model.showStory(issue);
        assertThat(model.story()).isNotEmpty().anySatisfy(line -> assertThat(line.what()).isEqualTo("Sync state created"));
        assertThat(model.story().getFirst().when()).isEqualTo(console.context.texts().timestamp(
                console.context.workspace().stories().story(issue.id(), console.context.texts()::timestamp).entries().getFirst().at()));
        assertThat(model.storyNoteProperty().get()).startsWith("Newest first.");
    }

    @Test
    void openInJiraLeadsToTheSiteOfTheDatabasesJiraConnectionBeforeTheConsolesOwn() throws Exception {
        console.close();
        Path demo = Files.createDirectories(dir.resolve("demo"));
        ConnectionTarget target = TestConsoles.withDemoData(demo, 200);
        try (Database database = Database.open(target)) {
            new JiraConnectionStore(database).save(JiraSite.cloud("https://stored.atlassian.net", "ops@example.com"), "alice");
        }
        console = new PlainConsole(dir.resolve("home3"));
        console.context.setJiraSite(URI.create("https://settings.atlassian.net"));
        console.connect(target);
        model = new SyncStatesViewModel(console.context);
        model.typeProperty().set(EntityType.ISSUE);
        model.search();
        SyncStateRow issue = model.rows().getFirst();

        assertThat(model.jiraLink(issue)).contains(URI.create("https://stored.atlassian.net/browse/" + issue.label()));
        assertThat(console.context.storedJiraSite()).isEqualTo(URI.create("https://stored.atlassian.net"));
    }

    @Test
    void theDetailWordsEveryFieldAndShowsStoredConflictsAsTheyAre() {
        model.search();
        SyncStateRow row = model.rows().getFirst();

        SyncStatesViewModel.Detail detail = model.detail(row);

        assertThat(detail.title()).isEqualTo(row.entityType().words() + " " + (row.label() != null ? row.label() : row.entityId()));
        assertThat(detail.lines()).extracting(SyncStatesViewModel.DetailLine::caption).startsWith("Id", "Entity type", "Entity id", "JIRA id", "Status")
                .endsWith("Created", "Updated");
        assertThat(detail.lines().getFirst().value()).isEqualTo(String.valueOf(row.id()));
        // Worded as in the table's columns, one way everywhere (issue 15.12; the pane showed "local_to_remote").
        SyncStateRow oneWay = model.rows().stream().filter(r -> r.direction().wire().contains("_")).findFirst().orElseThrow();
        assertThat(model.detail(oneWay).lines()).contains(new SyncStatesViewModel.DetailLine("Entity type", oneWay.entityType().words()),
                new SyncStatesViewModel.DetailLine("Direction", oneWay.direction().words()));
        assertThat(detail.conflicts()).isEqualTo("No conflicts recorded.");
        assertThat(SyncStatesViewModel.prettyConflicts("{not json")).startsWith("Stored text is not valid JSON").endsWith("{not json");
        assertThat(SyncStatesViewModel.prettyConflicts("[{\"field\":\"name\",\"local\":\"a\",\"remote\":\"b\"}]"))
                .contains("\"field\" : \"name\"");
    }
}
