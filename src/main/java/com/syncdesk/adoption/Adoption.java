package com.syncdesk.adoption;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.syncdesk.migration.Backup;
import com.syncdesk.migration.MigrationLock;
import com.syncdesk.migration.MigrationProgress.Phase;
import com.syncdesk.migration.MigrationProgress.Step;
import com.syncdesk.migration.MigrationProgress;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.migration.PlannedStep;
import com.syncdesk.migration.SchemaStatus;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.DatabaseErrors;
import com.syncdesk.persistence.DatabaseException.Reason;
import com.syncdesk.persistence.DatabaseException;
import com.syncdesk.persistence.Vendor;

/**
 * Takes over a database of the original system (sprint-reports at Alembic revision 008): shows first what it
 * will do, then backs up every table and converts the database to SyncDesk's schema at version
 * {@value AdoptionPlan#ADOPTED_VERSION} in one transaction, schema history included. PostgreSQL's DDL is
 * transactional, so a failure anywhere leaves the database exactly as it was. The console's Migrations
 * panel and the {@code adopt} command both work through this class.
 */
public final class Adoption {

    private static final Logger LOG = LoggerFactory.getLogger(Adoption.class);

    private final Database database;
    private final String operator;
    private final MigrationService migrations;
    private final OriginBackups backups;

    /** The backup taken before adoption goes where the migrations keep PostgreSQL backups. */
    public Adoption(MigrationService migrations, String operator) {
        this.database = migrations.database();
        this.operator = operator;
        this.migrations = migrations;
        this.backups = new OriginBackups(database, migrations.backupFolder());
    }

    /** Whether the database is one of sprint-reports and SyncDesk can adopt it. Reads only. */
    public Recognition recognise() {
        return OriginInspector.inspect(database);
    }

    /**
     * The exact statements adopt would run and the conversion report, computed in the database. Changes nothing.
     *
     * @throws DatabaseException when there is nothing SyncDesk can adopt (a SQLite file, a SyncDesk database, a
     *                           sprint-reports database at another revision or with another schema, ...)
     */
    public AdoptionPreview preview() {
        Recognition recognition = adoptableOrRefuse();
        return database.read(connection -> new AdoptionPreview(recognition, plan(connection), ConversionCount.of(connection), backups.folder()));
    }

    /**
     * Adopts the database: the backup of every table first, then the conversion, in one transaction.
     *
     * @throws DatabaseException when the database cannot be adopted (see {@link #preview()}), when the report names
     *                           rows SyncDesk's schema refuses, or when a step fails (then nothing was changed)
     */
    public AdoptionResult adopt(MigrationProgress progress) {
        return adopt(progress, UnaryOperator.identity());
    }

    /** {@link #adopt(MigrationProgress)} with the plan changed first: tests slip a failing statement into a step. */
    AdoptionResult adopt(MigrationProgress progress, UnaryOperator<AdoptionPlan> change) {
        AdoptionPreview preview;
        Backup backup;
        Instant start = Instant.now();
        try (MigrationLock lock = MigrationLock.acquire(database)) {
            // Counted again under the lock: the database may have changed since the operator read the preview.
            preview = preview();
            if (!preview.report().canAdopt()) {
                throw new DatabaseException(Reason.FOREIGN_SCHEMA, "SyncDesk's schema refuses some rows of " + database.target().describe()
                        + ", so adopt did not start: " + String.join("; ", preview.report().blockers()) + ". Correct them in sprint-reports, "
                        + "then adopt again; nothing was changed.");
            }
            backup = run(change.apply(preview.plan()), progress, start);
            LOG.info("Adopted {} from Alembic {} at version {} in {} ms; backup {}", database.target().describe(), OriginSchema.REVISION,
                    AdoptionPlan.ADOPTED_VERSION, Duration.between(start, Instant.now()).toMillis(), backup.location());
        }
        // The versions after the adopted one are ordinary upgrades, each atomic; a failure among them leaves the adoption in place.
        try {
            migrations.upgrade(null, progress);
        } catch (RuntimeException e) {
            throw new DatabaseException(Reason.FAILED, database.target().describe() + " was adopted at SyncDesk version " + AdoptionPlan.ADOPTED_VERSION
                    + " (backup before adoption: " + backup.location() + "), but the upgrade after it stopped: " + e.getMessage()
                    + " Run migrate to finish it.", e);
        }
        return new AdoptionResult(preview, backup, migrations.status(), Duration.between(start, Instant.now()));
    }

    private Backup run(AdoptionPlan plan, MigrationProgress progress, Instant start) {
        List<AdoptionStep> steps = plan.steps();
        Backup backup = null;
        AdoptionStep current = null;
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (int i = 0; i < steps.size(); i++) {
                    current = steps.get(i);
                    progress.onStep(new Step(current.name(), i + 1, steps.size(), Phase.STARTED, Duration.between(start, Instant.now())));
                    if (current.statements().stream().anyMatch(AdoptionStatement.ExportTable.class::isInstance)) {
                        backup = backups.write(connection, current, true);
                    } else {
                        for (String sql : current.sql()) {
                            statement.execute(sql);
                        }
                    }
                    progress.onStep(new Step(current.name(), i + 1, steps.size(), Phase.FINISHED, Duration.between(start, Instant.now())));
                }
                connection.commit();
                return backup;
            } catch (SQLException | IOException | RuntimeException e) {
                Database.rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException | IOException | RuntimeException e) {
            DatabaseException cause = e instanceof IOException io ? new DatabaseException(Reason.FAILED, "the backup could not be written: "
                    + io.getMessage(), io) : DatabaseErrors.translate(e, database.target());
            String kept = backup == null ? "" : " The backup taken first is " + backup.location() + ".";
            String busy = cause.reason() == Reason.LOCKED ? " Stop sprint-reports, and whatever else works on the database, then adopt again." : "";
            throw new DatabaseException(cause.reason(), "Adopt stopped at \"" + (current == null ? "the start" : current.name())
                    + "\" and was rolled back: " + cause.getMessage() + " " + database.target().describe()
                    + " is the sprint-reports database it was; nothing was changed." + kept + busy, e);
        }
    }

    /** Every statement of the adoption, in the order it runs them. */
    private AdoptionPlan plan(Connection connection) throws SQLException {
        List<PlannedStep> syncDesk = migrations.scriptsUpTo(AdoptionPlan.ADOPTED_VERSION);
        List<AdoptionStep> steps = new ArrayList<>();
        steps.add(AdoptionStep.of("Hold every table still: nobody reads or writes them until adopt commits",
                "SET LOCAL lock_timeout = '10s'",
                "LOCK TABLE " + String.join(", ", OriginSchema.TABLES_PARENTS_FIRST) + " IN ACCESS EXCLUSIVE MODE"));
        steps.add(OriginBackups.backupStep(connection));
        steps.add(Conversion.setAside());
        syncDesk.stream().filter(s -> s.version() < AdoptionPlan.ADOPTED_VERSION).map(Adoption::schemaStep).forEach(steps::add);
        steps.addAll(Conversion.convertRows(operator));
        // The last version's script counts the dashboard's figures from the converted states, as on any upgrade to it.
        syncDesk.stream().filter(s -> s.version() == AdoptionPlan.ADOPTED_VERSION).map(Adoption::schemaStep).forEach(steps::add);
        steps.add(Conversion.dropTheOriginalsOldTables());
        steps.add(Conversion.history(operator, MigrationService.HISTORY_TABLE));
        return new AdoptionPlan(List.copyOf(steps));
    }

    private static AdoptionStep schemaStep(PlannedStep step) {
        return AdoptionStep.of("SyncDesk version " + step.version() + " (" + step.description() + ")", step.statements());
    }

    private Recognition adoptableOrRefuse() {
        String where = database.target().describe();
        if (database.vendor() != Vendor.POSTGRESQL) {
            throw new DatabaseException(Reason.FOREIGN_SCHEMA, where + " is a SQLite file; sprint-reports ran on PostgreSQL only, so there is "
                    + "nothing to adopt. Nothing was changed.");
        }
        SchemaStatus status = migrations.status();
        if (status.currentVersion() > 0) {
            throw new DatabaseException(Reason.FOREIGN_SCHEMA, where + (AdoptionPlan.isAdopted(status) ? " was adopted from sprint-reports already" : " is a SyncDesk database")
                    + " (schema version " + status.currentVersion() + "); there is nothing to adopt. Nothing was changed.");
        }
        Recognition recognition = recognise();
        if (recognition.isAdoptable()) {
            return recognition;
        }
        if (recognition.isSprintReports()) {
            throw recognition.refusal();
        }
        throw new DatabaseException(Reason.FOREIGN_SCHEMA, where + " is not a sprint-reports database (it has no alembic_version row of that "
                + "system), so there is nothing to adopt. Nothing was changed.");
    }
}
