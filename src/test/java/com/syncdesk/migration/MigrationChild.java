package com.syncdesk.migration;

import java.nio.file.Path;

import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;

/** Runs one upgrade or downgrade in a separate JVM, so a test can kill it part-way: {@code <db file> up|down <target>}. */
public final class MigrationChild {

    private MigrationChild() {
    }

    public static void main(String[] args) {
        try (Database database = Database.open(ConnectionTarget.sqlite(Path.of(args[0])), Database.OpenMode.EXISTING_ONLY)) {
            MigrationService migrations = new MigrationService(database, "child");
            int target = Integer.parseInt(args[2]);
            System.out.println("STARTING");
            System.out.flush();
            if (args[1].equals("up")) {
                migrations.upgrade(target, MigrationProgress.NONE);
            } else {
                migrations.downgrade(target, BackupChoice.NO_BACKUP, MigrationProgress.NONE);
            }
            System.out.println("DONE");
        }
    }
}
