package com.syncdesk.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.jira.JiraConnectionStore;
import com.syncdesk.jira.JiraSite;
import com.syncdesk.jira.TokenLocation;
import com.syncdesk.jira.sim.JiraSimulator;
import com.syncdesk.jira.sim.SimulatorConfig;
import com.syncdesk.syncstate.ResolutionStrategy;
import com.syncdesk.ui.PlainConsole;
import com.syncdesk.ui.TestConsoles;

/** The JIRA connection dialog's logic as a plain object, against the simulator. */
class JiraConnectionViewModelTest {

    @TempDir
    Path dir;

    private JiraSimulator sim;
    private PlainConsole console;

    @BeforeEach
    void start() {
        sim = JiraSimulator.start(SimulatorConfig.cloud(5, 120));
        console = new PlainConsole(dir.resolve("home")).connect(TestConsoles.empty(dir));
    }

    @AfterEach
    void stop() {
        console.close();
        sim.close();
    }

    private JiraConnectionViewModel filledIn(String token) {
        JiraConnectionViewModel model = new JiraConnectionViewModel(console.context);
        model.load();
        model.siteUrlProperty().set(sim.baseUrl().toString());
        model.userProperty().set(sim.config().user());
        model.tokenProperty().set(token);
        model.projectsProperty().set(String.join(", ", sim.projectKeys()));
        return model;
    }

    @Test
    void testConnectionSaysWhoSyncDeskIsTheStoryPointsFieldAndListsTheProjectsBoardsToPick() {
        JiraConnectionViewModel model = filledIn(sim.config().token());
        assertThat(model.tokenHomeProperty().get()).contains("for this session only");

        model.testConnection();

        assertThat(model.outcomeProperty().get()).isEqualTo(JiraConnectionViewModel.Outcome.SUCCEEDED);
        assertThat(model.resultProperty().get()).contains("Signed in to " + sim.baseUrl()).contains("Story points: field")
                .doesNotContain(sim.config().token());
        assertThat(model.boards()).extracting(JiraConnectionViewModel.BoardChoice::id).containsExactlyInAnyOrderElementsOf(sim.boardIds());
        assertThat(model.boards()).allMatch(b -> b.chosenProperty().get());
        assertThat(new JiraConnectionStore(console.context.workspace().database()).load()).as("a test saves nothing").isEmpty();
    }

    @Test
    void savingStoresThePickedBoardsAndSettingsAndKeepsTheTokenForTheSession() {
        JiraConnectionViewModel model = filledIn(sim.config().token());
        model.testConnection();
        long dropped = model.boards().getFirst().id();
        model.boards().getFirst().chosenProperty().set(false);
        model.strategyProperty().set(ResolutionStrategy.JIRA_WINS);
        model.everyMinutesProperty().set(10);
        model.parkAfterProperty().set(3);
        List<TokenLocation> kept = new ArrayList<>();

        model.save(kept::add);

        assertThat(kept).containsExactly(TokenLocation.SESSION);
        JiraSite saved = new JiraConnectionStore(console.context.workspace().database()).load().orElseThrow().site();
        assertThat(saved.boardIds()).doesNotContain(dropped).hasSize(sim.boardIds().size() - 1);
        assertThat(saved.projectKeys()).isEmpty();
        assertThat(saved.conflictStrategy()).isEqualTo(ResolutionStrategy.JIRA_WINS);
        assertThat(saved.syncInterval().toMinutes()).isEqualTo(10);
        assertThat(saved.parkAfterFailures()).isEqualTo(3);
        assertThat(model.tokenProperty().get()).as("the typed token is dropped once kept").isEmpty();

        JiraConnectionViewModel reopened = new JiraConnectionViewModel(console.context);
        reopened.load();
        assertThat(reopened.siteUrlProperty().get()).isEqualTo(sim.baseUrl().toString());
        assertThat(reopened.tokenHomeProperty().get()).contains("kept for this session only").contains("leave the field empty");
        reopened.testConnection();
        assertThat(reopened.outcomeProperty().get()).as(reopened.resultProperty().get()).isEqualTo(JiraConnectionViewModel.Outcome.SUCCEEDED);
    }

    @Test
    void aRefusedTokenIsSaidInAnOperatorsWordsAndNothingIsSaved() {
        JiraConnectionViewModel model = filledIn("not-the-token");
        model.testConnection();
        assertThat(model.outcomeProperty().get()).isEqualTo(JiraConnectionViewModel.Outcome.FAILED);
        assertThat(model.resultProperty().get()).contains("JIRA refused the API token for " + sim.config().user()).contains("revoked")
                .doesNotContain("not-the-token");

        model.save(kept -> { throw new AssertionError("saved"); });
        assertThat(model.outcomeProperty().get()).isEqualTo(JiraConnectionViewModel.Outcome.FAILED);
        assertThat(new JiraConnectionStore(console.context.workspace().database()).load()).isEmpty();
    }

    @Test
    void anIncompleteFormSaysWhatIsMissingBeforeAskingJira() {
        JiraConnectionViewModel model = filledIn("");
        model.testConnection();
        assertThat(model.resultProperty().get()).isEqualTo("Enter the API token of " + sim.config().user() + ".");
        model.tokenProperty().set("x");
        model.projectsProperty().set("");
        model.save(kept -> { });
        assertThat(model.resultProperty().get()).contains("Choose the boards to sync");
        assertThat(sim.requestCount()).isZero();
    }
}
