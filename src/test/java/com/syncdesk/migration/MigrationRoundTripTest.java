package com.syncdesk.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.testing.BulkRows;
import com.syncdesk.testing.FreshSchemas;
import com.syncdesk.testing.SchemaSnapshot;
import com.syncdesk.testing.TestDatabases;
import com.syncdesk.testing.Versions;

class MigrationRoundTripTest {

    private static final int ROWS_PER_TABLE = 2_000;

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void downToSixUpDownToOneAndUpKeepsEverySurvivingValueAndEndsWithAFreshSchema(Vendor vendor) {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            MigrationService migrations = new MigrationService(database, "tester", tempDir.resolve("pg-backups"));
            migrations.upgrade(null, MigrationProgress.NONE);
            BulkRows.fill(database, ROWS_PER_TABLE);
            Map<String, List<String>> survivorsOfSix = FreshSchemas.columnsAt(vendor, 6);
            Map<String, List<String>> survivorsOfOne = FreshSchemas.columnsAt(vendor, 1);
            Map<String, List<String>> beforeSix = FreshSchemas.dump(database, survivorsOfSix);
            Map<String, List<String>> beforeOne = FreshSchemas.dump(database, survivorsOfOne);
            assertThat(beforeSix.get("sync_metadata")).hasSize(ROWS_PER_TABLE);

            DowngradeReport toSix = migrations.downgrade(6, BackupChoice.NO_BACKUP, MigrationProgress.NONE);
            assertThat(toSix.status().currentVersion()).isEqualTo(4);
            assertThat(SchemaSnapshot.capture(database)).isEqualTo(FreshSchemas.at(vendor, 6));
            assertThat(FreshSchemas.dump(database, survivorsOfSix)).isEqualTo(beforeSix);

            migrations.upgrade(null, MigrationProgress.NONE);
            assertThat(SchemaSnapshot.capture(database)).isEqualTo(FreshSchemas.at(vendor, Versions.LATEST));
            assertThat(FreshSchemas.dump(database, survivorsOfSix)).isEqualTo(beforeSix);

            DowngradeReport toOne = migrations.downgrade(1, BackupChoice.NO_BACKUP, MigrationProgress.NONE);
            assertThat(toOne.status().currentVersion()).isEqualTo(1);
            assertThat(SchemaSnapshot.capture(database)).isEqualTo(FreshSchemas.at(vendor, 1));
            assertThat(FreshSchemas.dump(database, survivorsOfOne)).isEqualTo(beforeOne);

            SchemaStatus latest = migrations.upgrade(null, MigrationProgress.NONE);
            assertThat(latest.currentVersion()).isEqualTo(Versions.LATEST);
            assertThat(latest.migrations()).allSatisfy(m -> assertThat(m.state()).isEqualTo(MigrationState.APPLIED));
            assertThat(SchemaSnapshot.capture(database)).isEqualTo(FreshSchemas.at(vendor, Versions.LATEST));
            assertThat(FreshSchemas.dump(database, survivorsOfOne)).isEqualTo(beforeOne);
            assertThat(migrations.validate().problems()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void downgradeReportsEveryUndoStepToTheListener(Vendor vendor) {
        try (Database database = TestDatabases.open(vendor, tempDir)) {
            MigrationService migrations = new MigrationService(database, "tester", tempDir.resolve("pg-backups"));
            migrations.upgrade(null, MigrationProgress.NONE);
            List<MigrationProgress.Step> steps = new ArrayList<>();

            migrations.downgrade(4, BackupChoice.NO_BACKUP, steps::add);

            List<String> startedAndFinished = new ArrayList<>();
            Versions.above(4).reversed().forEach(v -> Collections.addAll(startedAndFinished,
                    "Undo " + v + " (" + Versions.description(v) + ")", "Undo " + v + " (" + Versions.description(v) + ")"));
            assertThat(steps).extracting(MigrationProgress.Step::name).containsExactlyElementsOf(startedAndFinished);
            assertThat(steps.getLast().index()).isEqualTo(Versions.above(4).size());
            assertThat(steps.getLast().total()).isEqualTo(Versions.above(4).size());
        }
    }
}
