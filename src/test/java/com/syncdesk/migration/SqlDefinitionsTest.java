package com.syncdesk.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.persistence.Vendor;

class SqlDefinitionsTest {

    private static final String TABLE = """
            CREATE TABLE t (
                id INTEGER PRIMARY KEY,
                "odd, name" TEXT DEFAULT 'a, (b' CHECK ("odd, name" <> ')'),
                [bracketed] NUMERIC(10, 2),
                `back` TEXT,
                CONSTRAINT c1 CHECK (id > 0),
                UNIQUE (id, [bracketed])
            ) STRICT""";

    @Test
    void itemsSplitAtTopLevelCommasOnlyAndNamesComeUnquoted() {
        List<String> items = SqlDefinitions.tableItems(TABLE);

        assertThat(items).hasSize(6);
        assertThat(items.stream().filter(item -> !SqlDefinitions.isTableConstraint(item)).map(SqlDefinitions::leadingName))
                .containsExactly("id", "odd, name", "bracketed", "back");
        assertThat(items.get(1)).isEqualTo("\"odd, name\" TEXT DEFAULT 'a, (b' CHECK (\"odd, name\" <> ')')");
    }

    @Test
    void columnsAreAddedAfterTheLastColumnBeforeTheConstraintsAndTheRestIsKept() {
        String widened = SqlDefinitions.withColumns(TABLE, List.of("extra INTEGER DEFAULT 7"));

        assertThat(SqlDefinitions.tableItems(widened)).element(4).isEqualTo("extra INTEGER DEFAULT 7");
        assertThat(widened).endsWith(") STRICT").contains("`back` TEXT,\n    extra INTEGER DEFAULT 7,");
    }

    @Test
    void aCopyCarriesExtraColumnsInBothLists() {
        String copy = "INSERT INTO t_rebuild (id, a)\nSELECT id, a\nFROM t";

        assertThat(SqliteRebuild.copyAlso(copy, List.of("x", "Team \"Notes\"")))
                .isEqualTo("INSERT INTO t_rebuild (id, a, \"x\", \"Team \"\"Notes\"\"\")\nSELECT id, a, \"x\", \"Team \"\"Notes\"\"\"\nFROM t");
        assertThat(SqliteRebuild.copiedColumns("INSERT INTO t_rebuild (id, \"x\") SELECT id, \"x\" FROM t")).containsExactly("id", "x");
    }

    @Test
    void mentionsMatchesWholeIdentifiersOnly() {
        assertThat(SqlDefinitions.mentions("SELECT sync_status FROM sync_metadata", "sync_metadata")).isTrue();
        assertThat(SqlDefinitions.mentions("SELECT sync_status FROM sync_metadata", "status")).isFalse();
        assertThat(SqlDefinitions.mentions("SELECT \"Conflicts\" FROM x", "conflicts")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void everyShippedScriptIsReadableAndEveryRebuildComplete(Vendor vendor) {
        SchemaNames names = SchemaNames.of(vendor);
        assertThat(names.isOwnColumn("sync_metadata", "resolution_strategy")).isTrue();
        assertThat(names.isOwnColumn("sprints", "jira_version")).isTrue();
        assertThat(names.isOwnIndex("idx_sync_status_attempt")).isTrue();
        assertThat(names.isOwnColumn("sync_metadata", "custom_score")).isFalse();
        for (MigrationCatalog.Script script : MigrationCatalog.scripts(vendor)) {
            UndoScript undo = MigrationCatalog.undoScript(vendor, script.version(), script.description());
            assertThatNoException().as("undo %d", script.version()).isThrownBy(() -> SqliteRebuild.in(undo.statements()));
        }
    }
}
