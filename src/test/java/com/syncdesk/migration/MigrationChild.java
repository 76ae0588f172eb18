package com.syncdesk.migration;

import java.nio.file.Path;

import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;

/**
 * Runs one upgrade or downgrade in a separate JVM, so a test can kill it part-way:
 * {@code <db file> up|down <target>}; or {@code <db file> hold} takes the migration lock and waits to be killed.
 */
public final class MigrationChild {

    private MigrationChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (Database database = Database.open(ConnectionTarget.sqlite(Path.of(args[0])), Database.OpenMode.EXISTING_ONLY)) {
            if (args[1].equals("hold")) {
                try (MigrationLock lock = MigrationLock.acquire(database)) {
                    System.out.println("STARTING");
                    System.out.flush();
                    Thread.sleep(Long.MAX_VALUE);
                }
            }
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
