package com.syncdesk.ui.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.syncdesk.app.Texts;
import com.syncdesk.migration.Backup;
import com.syncdesk.migration.Drop;
import com.syncdesk.migration.ForeignObject.Fate;
import com.syncdesk.migration.ForeignObject.Kind;
import com.syncdesk.migration.ForeignObject;
import com.syncdesk.migration.MigrationPlan.Direction;
import com.syncdesk.migration.MigrationPlan;
import com.syncdesk.migration.PlannedStep;
import com.syncdesk.migration.Reapplied;
import com.syncdesk.persistence.StoredInstant;
import com.syncdesk.persistence.Vendor;

class ConfirmMigrationViewModelTest {

    private static ConfirmMigrationViewModel model(ForeignObject... foreign) {
        MigrationPlan plan = new MigrationPlan(Direction.DOWNGRADE, 10, 6, List.of(new PlannedStep(7, "align sync schema", List.of("SELECT 1"))),
                List.of(), List.of(foreign), List.of());
        return new ConfirmMigrationViewModel(plan, Vendor.POSTGRESQL, Path.of("/backups"), Texts.system());
    }

    @Test
    void aColumnKeptThroughTheRebuildIsShownAndLosesNothing() {
        ConfirmMigrationViewModel model = model(new ForeignObject(7, Kind.COLUMN, "score", "sync_metadata", Fate.KEPT, 1_200, "score INTEGER"));

        assertThat(model.lossLines()).containsExactly(new ConfirmMigrationViewModel.LossLine(
                "Column sync_metadata.score, added by another client: kept through the rebuild, its 1200 values with it (undo of version 7)", false));
        assertThat(model.losesData()).isFalse();
        assertThat(model.isBlocked()).isFalse();
        assertThat(model.lossSummary()).isEqualTo("Nothing that is dropped holds data: no data is lost.");
    }

    @Test
    void aBlockingViewMakesTheDowngradeImpossibleToConfirmAndSaysWhy() {
        ConfirmMigrationViewModel model = model(new ForeignObject(7, Kind.VIEW, "strategies", "sync_metadata", Fate.BLOCKS, 0, "CREATE VIEW strategies"));

        assertThat(model.isBlocked()).isTrue();
        assertThat(model.lossLines()).singleElement().extracting(ConfirmMigrationViewModel.LossLine::lossy).isEqualTo(true);
        assertThat(model.lossSummary()).startsWith("This downgrade cannot run: another client's objects depend on what it removes");
    }

    @Test
    void anIndexDroppedWithItsColumnCountsAsALossWithItsDefinition() {
        ConfirmMigrationViewModel model = model(new ForeignObject(7, Kind.INDEX, "by_strategy", "sync_metadata", Fate.DROPPED, 0,
                "CREATE INDEX by_strategy ON sync_metadata (resolution_strategy)"));

        assertThat(model.losesData()).isTrue();
        assertThat(model.lossLines()).singleElement().extracting(ConfirmMigrationViewModel.LossLine::text).asString()
                .contains("its definition: CREATE INDEX by_strategy ON sync_metadata (resolution_strategy)");
        assertThat(model.lossSummary()).isEqualTo("No values or rows are lost, but another client's objects are (see above).");
        assertThat(model.skipWarning()).startsWith("Without a backup, what this downgrade drops cannot be brought back");
    }

    @Test
    void anUpgradeAfterALossyDowngradeSaysThatTheDroppedValuesAreNotRestoredAndWhichBackupHoldsThem() {
        Texts texts = Texts.system();
        Instant undone = Instant.parse("2026-12-01T13:29:33Z");
        Backup taken = new Backup(undone.minusSeconds(2), 12, 4_096, Path.of("/backups/ops-20261201-132931-000-v12.db"),
                Backup.beforeDowngradeTo(4));
        Reapplied nine = new Reapplied(9, "add row versions and audit", new StoredInstant(undone, undone.toString()), "alice",
                List.of(new Drop("audit_log", null), new Drop("sync_metadata", "row_version")), Optional.of(taken));
        Reapplied eight = new Reapplied(8, "add sprint jira metadata", new StoredInstant(undone, undone.toString()), "alice",
                List.of(new Drop("sprints", "sync_status")), Optional.empty());
        MigrationPlan plan = new MigrationPlan(Direction.UPGRADE, 4, 12, List.of(new PlannedStep(8, "add sprint jira metadata", List.of()),
                new PlannedStep(9, "add row versions and audit", List.of())), List.of(), List.of(), List.of(eight, nine));

        ConfirmMigrationViewModel model = new ConfirmMigrationViewModel(plan, Vendor.SQLITE, Path.of("/backups"), texts);

        assertThat(model.notRestored()).containsExactly(
                "Version 8 (add sprint jira metadata) was undone by the downgrade of " + texts.timestamp(undone) + " (alice). Upgrading brings "
                        + "back column sprints.sync_status empty: the values dropped then are not restored; no backup taken before it holds them.",
                "Version 9 (add row versions and audit) was undone by the downgrade of " + texts.timestamp(undone) + " (alice). Upgrading brings "
                        + "back table audit_log, column sync_metadata.row_version empty: the values dropped then are not restored; restore the "
                        + "backup taken then (" + texts.timestamp(taken.takenAt()) + ", " + taken.location() + ") to get them back.");
        assertThat(model(new ForeignObject[0]).notRestored()).isEmpty();
    }
}
