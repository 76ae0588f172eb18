package com.syncdesk.ui.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.syncdesk.migration.ForeignObject.Fate;
import com.syncdesk.migration.ForeignObject.Kind;
import com.syncdesk.migration.ForeignObject;
import com.syncdesk.migration.MigrationPlan.Direction;
import com.syncdesk.migration.MigrationPlan;
import com.syncdesk.migration.PlannedStep;
import com.syncdesk.persistence.Vendor;

class ConfirmMigrationViewModelTest {

    private static ConfirmMigrationViewModel model(ForeignObject... foreign) {
        MigrationPlan plan = new MigrationPlan(Direction.DOWNGRADE, 10, 6, List.of(new PlannedStep(7, "align sync schema", List.of("SELECT 1"))),
                List.of(), List.of(foreign));
        return new ConfirmMigrationViewModel(plan, Vendor.POSTGRESQL, Path.of("/backups"));
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
}
