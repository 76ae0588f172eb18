package com.syncdesk.adoption;

import java.nio.file.Path;

import com.syncdesk.app.DatabaseSession;
import com.syncdesk.migration.MigrationService;
import com.syncdesk.persistence.Database;

/** Adoption and migrations over a test's open database, wired as a database session wires them. */
final class Adoptions {

    private Adoptions() {
    }

    static MigrationService migrations(Database database, String operator, Path backupFolder) {
        return DatabaseSession.over(database, operator, backupFolder).migrations();
    }

    static Adoption of(Database database, String operator, Path backupFolder) {
        return new Adoption(migrations(database, operator, backupFolder), operator);
    }
}
