package com.syncdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.syncstate.EntityType;
import com.syncdesk.testing.TestWorkspaces;

class WorkspaceTest {

    @TempDir
    Path tempDir;

    @Test
    void hibernateStartsOnlyWhenAServiceNeedsItAndAMappingThatDoesNotFitIsRefusedThen() throws Exception {
        try (Workspace workspace = TestWorkspaces.open(Vendor.SQLITE, tempDir)) {
            // A column Hibernate maps, gone: opening and the plain-SQL services do not notice, Hibernate's first use does.
            try (Connection connection = workspace.database().connection(); Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE sync_metadata DROP COLUMN content_hash");
            }

            assertThat(workspace.syncStates().statistics(null, 24).total()).isZero();
            assertThatThrownBy(() -> workspace.syncStates().find(EntityType.ISSUE, "X-1")).isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("does not match what SyncDesk expects").hasMessageContaining("content_hash");
        }
    }

    @Test
    void theSessionFactoryIsStartedOnceAndShared() {
        try (Workspace workspace = TestWorkspaces.open(Vendor.SQLITE, tempDir)) {
            assertThat(workspace.prepareSessions()).isSameAs(workspace.prepareSessions());
            assertThat(workspace.syncStates().find(EntityType.ISSUE, "X-1")).isEmpty();
        }
    }
}
