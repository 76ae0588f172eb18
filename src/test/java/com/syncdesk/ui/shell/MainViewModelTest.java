package com.syncdesk.ui.shell;

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

/** The main window's banner and status bar as a plain object. */
class MainViewModelTest {

    @TempDir
    Path dir;

    private PlainConsole console;

    @AfterEach
    void close() {
        console.close();
    }

    @Test
    void aSchemaBehindOffersTheUpgradeWhichBringsTheConsoleToTheLatestVersion() {
        ConnectionTarget target = ConnectionTarget.sqlite(dir.resolve("ops.db"));
        try (Database database = Database.open(target)) {
            new MigrationService(database, "tester").upgrade(4, MigrationProgress.NONE);
        }
        console = new PlainConsole(dir.resolve("home"));
        MainViewModel model = new MainViewModel(console.context);
        assertThat(model.bannerProperty().get()).isEqualTo(MainViewModel.BannerKind.NONE);

        console.connect(target);
        assertThat(model.bannerProperty().get()).isEqualTo(MainViewModel.BannerKind.UPGRADE);
        assertThat(model.bannerProperty().get().action()).isEqualTo("Upgrade now");
        assertThat(model.schemaTextProperty().get()).isEqualTo("Schema 4 of " + Versions.LATEST);
        assertThat(model.bannerTextProperty().get()).contains("at version 4", "works with version " + Versions.LATEST);

        model.upgrade();

        assertThat(model.bannerProperty().get()).isEqualTo(MainViewModel.BannerKind.NONE);
        assertThat(model.schemaTextProperty().get()).isEqualTo("Schema " + Versions.LATEST + " (latest)");
        assertThat(console.context.workspace()).isNotNull();
        assertThat(console.dialogs.shown).isEmpty();
    }
}
