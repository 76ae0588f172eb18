package com.syncdesk.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.syncdesk.migration.MigrationCatalog;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.testing.FreshSchemas;
import com.syncdesk.testing.TestPostgres;

/** The resources adoption relies on agree with what they describe. */
class OriginSchemaTest {

    @Test
    void theShippedShapeIsWhatTheShippedScriptCreates() throws Exception {
        try (Database database = Database.open(SprintReports.emptyDatabase()); Connection connection = database.connection()) {
            assertThat(SchemaShape.of(connection)).as("resources/com/syncdesk/adoption/sprint-reports-008.shape")
                    .containsExactlyElementsOf(OriginSchema.shape());
        }
    }

    @Test
    void theTablesAndFunctionsARestoreDropsAreThoseOfAFreshSyncDeskDatabase() {
        int latest;
        try (Database database = Database.open(TestPostgres.freshDatabase())) {
            latest = MigrationCatalog.latestVersion();
        }
        List<String> fresh = FreshSchemas.at(Vendor.POSTGRESQL, latest).stream()
                .filter(line -> line.startsWith("table ")).map(line -> line.substring("table ".length())).toList();
        List<String> withBookkeeping = new ArrayList<>(fresh);
        withBookkeeping.addAll(List.of(MigrationService.HISTORY_TABLE, "syncdesk_undo_log"));
        assertThat(OriginInspector.SYNCDESK_TABLES).containsExactlyInAnyOrderElementsOf(withBookkeeping);
        List<String> functions = FreshSchemas.at(Vendor.POSTGRESQL, latest).stream().filter(line -> line.startsWith("function "))
                .map(line -> line.split(" ")[1] + "()").toList();
        assertThat(OriginBackups.SYNCDESK_FUNCTIONS).containsExactlyInAnyOrderElementsOf(functions);
    }
}
