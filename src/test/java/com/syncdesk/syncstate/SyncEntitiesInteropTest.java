package com.syncdesk.syncstate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.syncdesk.app.Entities;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Vendor;
import com.syncdesk.testing.TestDatabases;

class SyncEntitiesInteropTest {

    @TempDir
    Path tempDir;

    private Database database;
    private SessionFactory sessions;

    private void open(Vendor vendor) {
        database = TestDatabases.open(vendor, tempDir);
        new MigrationService(database, "tester").upgrade(null, MigrationProgress.NONE);
        sessions = database.buildSessionFactory(Entities.ALL, true);
    }

    @AfterEach
    void close() {
        if (sessions != null) {
            sessions.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void hibernateValidatesEveryEntityAgainstTheLatestSchema(Vendor vendor) {
        open(vendor);
        assertThat(sessions.getMetamodel().getEntities()).hasSize(Entities.ALL.size());
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void rowWrittenThroughLegacyModelReadsThroughSyncStateAndBack(Vendor vendor) throws SQLException {
        open(vendor);
        Instant attempt = Instant.parse("2026-05-04T03:02:01.123456Z");
        SyncMetadata legacy = new SyncMetadata();
        legacy.setEntityType(EntityType.SPRINT);
        legacy.setEntityId("123");
        legacy.setJiraId("JIRA-456");
        legacy.setSyncStatus(SyncStatus.IN_PROGRESS);
        legacy.setSyncDirection(SyncDirection.LOCAL_TO_REMOTE);
        legacy.setLastSyncAttempt(attempt);
        legacy.setErrorCount(2);
        legacy.setLastError("HTTP 429 Too Many Requests");
        sessions.inTransaction(session -> session.persist(legacy));

        SyncState state = sessions.fromTransaction(session -> session.find(SyncState.class, legacy.getId()));
        assertThat(state.getEntityType().known()).isEqualTo(EntityType.SPRINT);
        assertThat(state.getEntityId()).isEqualTo("123");
        assertThat(state.getJiraId()).isEqualTo("JIRA-456");
        assertThat(state.getSyncStatus().known()).isEqualTo(SyncStatus.IN_PROGRESS);
        assertThat(state.getSyncDirection().known()).isEqualTo(SyncDirection.LOCAL_TO_REMOTE);
        assertThat(state.getLastSyncAttempt()).isEqualTo(attempt);
        assertThat(state.getErrorCount()).isEqualTo(2);
        assertThat(state.getApiCallsCount()).isZero();
        assertThat(state.getRowVersion()).isZero();
        assertThat(state.getCreatedAt()).isNotNull();

        sessions.inTransaction(session -> {
            SyncState managed = session.find(SyncState.class, legacy.getId());
            managed.setResolutionStrategy(ResolutionStrategy.JIRA_WINS);
            managed.setSyncDurationMs(850);
            managed.setApiCallsCount(4);
            managed.setConflicts(List.of(new FieldConflict("name", TextNode.valueOf("Local"), TextNode.valueOf("Remote"), null)));
        });
        // A legacy writer changing its own columns leaves the newer columns alone.
        sessions.inTransaction(session -> session.find(SyncMetadata.class, legacy.getId()).setErrorCount(0));

        SyncState after = sessions.fromTransaction(session -> session.find(SyncState.class, legacy.getId()));
        assertThat(after.getErrorCount()).isZero();
        assertThat(after.getResolutionStrategy().known()).isEqualTo(ResolutionStrategy.JIRA_WINS);
        assertThat(after.getSyncDurationMs()).isEqualTo(850);
        assertThat(after.getApiCallsCount()).isEqualTo(4);
        assertThat(after.getRowVersion()).isEqualTo(1);
        assertThat(after.getConflicts().fields()).containsExactly(
                new FieldConflict("name", TextNode.valueOf("Local"), TextNode.valueOf("Remote"), null));

        SyncMetadata legacyView = sessions.fromTransaction(session -> session.find(SyncMetadata.class, legacy.getId()));
        assertThat(legacyView.getSyncStatus().known()).isEqualTo(SyncStatus.IN_PROGRESS);
        assertThat(legacyView.getLastError()).isEqualTo("HTTP 429 Too Many Requests");

        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT entity_type, sync_status, sync_direction, resolution_strategy, conflicts "
                     + "FROM sync_metadata WHERE id = " + legacy.getId())) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString("entity_type")).isEqualTo("sprint");
            assertThat(row.getString("sync_status")).isEqualTo("in_progress");
            assertThat(row.getString("sync_direction")).isEqualTo("local_to_remote");
            assertThat(row.getString("resolution_strategy")).isEqualTo("jira_wins");
            assertThat(row.getString("conflicts")).contains("\"field\"").contains("\"Remote\"");
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void jsonConflictsRoundTripWithNumbersObjectsAndBase(Vendor vendor) {
        open(vendor);
        List<FieldConflict> conflicts = List.of(
                new FieldConflict("story_points", IntNode.valueOf(3), IntNode.valueOf(5), IntNode.valueOf(2)),
                new FieldConflict("summary", TextNode.valueOf("Fix \"login\" — ünïcode"), TextNode.valueOf("Fix login"), null));
        SyncState state = newState("ISSUE-1");
        state.setConflicts(conflicts);
        sessions.inTransaction(session -> session.persist(state));

        SyncState read = sessions.fromTransaction(session -> session.find(SyncState.class, state.getId()));
        assertThat(read.getConflicts().fields()).isEqualTo(conflicts);
        assertThat(read.getConflicts().problem()).isEmpty();
    }

    @Test
    void sqliteStoresInstantsAsSortableUtcText() throws SQLException {
        open(Vendor.SQLITE);
        SyncState state = newState("S-1");
        state.setLastSyncAttempt(Instant.parse("2026-01-02T03:04:05.000007Z"));
        sessions.inTransaction(session -> session.persist(state));
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT last_sync_attempt, typeof(last_sync_attempt), created_at FROM sync_metadata")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("2026-01-02 03:04:05.000007");
            assertThat(row.getString(2)).isEqualTo("text");
            assertThat(row.getString(3)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6}");
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void timestampsWrittenByOtherClientsReadAsTheRightInstant(Vendor vendor) throws SQLException {
        open(vendor);
        Instant expected = Instant.parse("2026-03-01T10:15:30Z");
        List<Object> forms = vendor == Vendor.SQLITE
                ? List.of("2026-03-01 10:15:30", "2026-03-01 10:15:30.000000", "2026-03-01T12:15:30+02:00",
                        "2026-03-01T10:15:30Z", "2026-03-01T05:15:30-0500", expected.toEpochMilli())
                : List.of("2026-03-01 10:15:30+00", "2026-03-01T12:15:30+02:00", "2026-03-01T10:15:30Z");
        try (Connection connection = database.connection();
             PreparedStatement insert = connection.prepareStatement(vendor == Vendor.SQLITE
                     ? "INSERT INTO sync_metadata (entity_type, entity_id, last_sync_attempt) VALUES ('issue', ?, ?)"
                     : "INSERT INTO sync_metadata (entity_type, entity_id, last_sync_attempt) VALUES ('issue', ?, ?::timestamptz)")) {
            for (int i = 0; i < forms.size(); i++) {
                insert.setString(1, "T-" + i);
                insert.setObject(2, forms.get(i));
                insert.executeUpdate();
            }
        }
        List<SyncState> states = sessions.fromTransaction(session ->
                session.createSelectionQuery("from SyncState order by id", SyncState.class).getResultList());
        assertThat(states).hasSize(forms.size());
        assertThat(states).allSatisfy(s -> assertThat(s.getLastSyncAttempt()).as(s.getEntityId()).isEqualTo(expected));
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void unknownEnumValuesFromOtherClientsAreReadAndKeptAsWritten(Vendor vendor) throws SQLException {
        open(vendor);
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            // Another client with a looser schema: its values pass no check of ours.
            if (vendor == Vendor.SQLITE) {
                statement.execute("PRAGMA ignore_check_constraints = ON");
            } else {
                statement.execute("ALTER TABLE sync_metadata DROP CONSTRAINT valid_sync_status");
                statement.execute("ALTER TABLE sync_metadata DROP CONSTRAINT valid_sync_direction");
            }
            statement.execute("INSERT INTO sync_metadata (entity_type, entity_id, sync_status, sync_direction) "
                    + "VALUES ('issue', 'X-1', 'retrying', 'sideways')");
            if (vendor == Vendor.SQLITE) {
                statement.execute("PRAGMA ignore_check_constraints = OFF");
            }
        }
        SyncState state = sessions.fromTransaction(session ->
                session.createSelectionQuery("from SyncState where entityId = 'X-1'", SyncState.class).getSingleResult());
        assertThat(state.getSyncStatus().isKnown()).isFalse();
        assertThat(state.getSyncStatus().wire()).isEqualTo("retrying");
        assertThat(state.getSyncDirection().wire()).isEqualTo("sideways");

        sessions.inTransaction(session -> session.find(SyncState.class, state.getId()).setErrorCount(5));
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT sync_status, sync_direction, error_count FROM sync_metadata WHERE entity_id = 'X-1'")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("retrying");
            assertThat(row.getString(2)).isEqualTo("sideways");
            assertThat(row.getInt(3)).isEqualTo(5);
        }
    }

    @Test
    void unreadableSqliteTimestampReadsEmptyAndStaysAsStored() throws SQLException {
        open(Vendor.SQLITE);
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO sync_metadata (entity_type, entity_id, last_sync_attempt) VALUES ('issue', 'Y-1', 'last tuesday')");
        }
        SyncState state = sessions.fromTransaction(session ->
                session.createSelectionQuery("from SyncState where entityId = 'Y-1'", SyncState.class).getSingleResult());
        assertThat(state.getLastSyncAttempt()).isNull();
        sessions.inTransaction(session -> session.find(SyncState.class, state.getId()).setLastError("checked"));
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT last_sync_attempt FROM sync_metadata WHERE entity_id = 'Y-1'")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("last tuesday");
        }
    }

    @Test
    void malformedConflictsJsonIsKeptAndReportedNotThrown() throws SQLException {
        open(Vendor.SQLITE);
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO sync_metadata (entity_type, entity_id, conflicts) VALUES ('issue', 'Z-1', '{field: oops')");
        }
        SyncState state = sessions.fromTransaction(session ->
                session.createSelectionQuery("from SyncState where entityId = 'Z-1'", SyncState.class).getSingleResult());
        assertThat(state.getConflicts().fields()).isEmpty();
        assertThat(state.getConflicts().problem()).get().asString().startsWith("not valid JSON");
        assertThat(state.getConflictsJson()).isEqualTo("{field: oops");
    }

    private static SyncState newState(String entityId) {
        SyncState state = new SyncState();
        state.setEntityType(EntityType.ISSUE);
        state.setEntityId(entityId);
        return state;
    }
}
