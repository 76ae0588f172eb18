package com.syncdesk.ui.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.app.Workspace;
import com.syncdesk.conflict.ConflictFilter;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.syncstate.ResolutionStrategy;
import com.syncdesk.testing.TestWorkspaces;
import com.syncdesk.ui.PlainConsole;

/** The Conflicts page's logic as a plain object. */
class ConflictsViewModelTest {

    @TempDir
    Path dir;

    private PlainConsole console;

    @AfterEach
    void close() {
        console.close();
    }

    private ConflictsViewModel connected() {
        ConnectionTarget target;
        try (Workspace workspace = TestWorkspaces.open(Vendor.SQLITE, dir)) {
            ConflictFixture.planningRows(workspace);
            ConflictFixture.issueWithThreeConflicts(workspace, 1);
            ConflictFixture.issueWithThreeConflicts(workspace, 2);
            target = workspace.database().target();
        }
        console = new PlainConsole(dir.resolve("home")).connect(target);
        ConflictsViewModel model = new ConflictsViewModel(console.context);
        model.refresh();
        return model;
    }

    @Test
    void theSummarySaysHowManyConflictsWaitInHowManyEntities() {
        ConflictsViewModel model = connected();
        assertThat(model.summaryProperty().get()).isEqualTo("6 conflicts wait in 2 entities.");
        assertThat(model.groups()).hasSize(2);
    }

    @Test
    void bulkResolutionAsksWithWhatItCountedAndKeepsTheNotes() {
        ConflictsViewModel model = connected();
        console.dialogs.answer(true, "JIRA is the source of truth");

        model.resolveAll(ResolutionStrategy.JIRA_WINS);

        assertThat(console.dialogs.lastQuestion().header()).isEqualTo("Resolve 6 conflicts in 2 entities: JIRA wins?");
        assertThat(console.dialogs.lastQuestion().notesId()).isEqualTo("bulk-notes");
        assertThat(console.context.workspace().conflicts().countOpen(ConflictFilter.all())).isZero();
        assertThat(model.statusProperty().get()).isEqualTo("Resolved 6 conflicts in 2 entities (JIRA wins).");
        assertThat(model.resolved()).extracting(resolved -> resolved.notes()).containsOnly("JIRA is the source of truth");
    }

    @Test
    void aDeclinedBulkResolutionChangesNothing() {
        ConflictsViewModel model = connected();
        console.dialogs.answer(false, "");

        model.resolveAll(ResolutionStrategy.LOCAL_WINS);

        assertThat(console.context.workspace().conflicts().countOpen(ConflictFilter.all())).isEqualTo(6);
    }
}
