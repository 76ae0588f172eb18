package com.syncdesk.ui.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.testing.Versions;
import com.syncdesk.ui.PlainConsole;

/** The migration panel's logic as a plain object: no window, no JavaFX toolkit, a real SQLite file. */
class MigrationsViewModelTest {

    @TempDir
    Path dir;

    private PlainConsole console;

    @AfterEach
    void close() {
        console.close();
    }

    private MigrationsViewModel connectedAt(int version) {
        ConnectionTarget target = ConnectionTarget.sqlite(dir.resolve("ops.db"));
        try (Database database = Database.open(target)) {
            new MigrationService(database, "tester").upgrade(version, MigrationProgress.NONE);
        }
        console = new PlainConsole(dir.resolve("home"));
        MigrationsViewModel model = new MigrationsViewModel(console.context);
        console.connect(target);
        return model;
    }

    @Test
    void aSchemaBehindIsWordedAndUpgradedWithAStepByStepLog() {
        MigrationsViewModel model = connectedAt(4);
        assertThat(model.versionTextProperty().get()).isEqualTo("Version 4");
        assertThat(model.versionDetailProperty().get()).isEqualTo("behind: " + Versions.above(4).size() + " pending, latest is " + Versions.LATEST);
        assertThat(model.canUpgrade()).isTrue();

        model.upgrade(failure -> {
            throw new AssertionError(failure);
        });

        int steps = Versions.above(4).size();
        assertThat(model.log()).contains("Step 1 of " + steps + " started: Upgrade to 7 (align sync schema)")
                .contains("Upgraded from version 4 to " + Versions.LATEST + ".");
        assertThat(model.isRunning()).isFalse();
        assertThat(model.canUpgrade()).isFalse();
        assertThat(console.context.schemaProperty().get().isLatest()).isTrue();
        assertThat(console.context.workspace()).as("the console opened its services at the latest schema").isNotNull();
    }

    @Test
    void aRestoreAsksFirstSayingWhatItReplacesAndDecliningChangesNothing() {
        MigrationsViewModel model = connectedAt(Versions.LATEST);
        model.backupNow(failure -> {
            throw new AssertionError(failure);
        });
        assertThat(model.backups()).hasSize(1);
        console.dialogs.answer(false, "");

        model.restore(model.backups().getFirst(), failure -> {
            throw new AssertionError(failure);
        });

        assertThat(console.dialogs.lastQuestion().id()).isEqualTo("restore-confirm");
        assertThat(console.dialogs.lastQuestion().text()).contains("keeps the current database file as another backup",
                model.backups().getFirst().location().toString());
        assertThat(model.backups()).as("no backup of the current file was taken").hasSize(1);
    }

    @Test
    void closingIsFreeWhenNothingRuns() {
        MigrationsViewModel model = connectedAt(Versions.LATEST);
        assertThat(model.mayClose(() -> { })).isTrue();
        assertThat(console.dialogs.questions).isEmpty();
    }

    @Test
    void onlyVersionsInTheSchemaBelowTheCurrentOneAreDowngradeTargets() {
        MigrationsViewModel model = connectedAt(8);
        assertThat(model.migrations()).filteredOn(model::isDowngradeTarget).extracting(m -> m.version()).containsExactly(1, 2, 4, 7);
    }
}
