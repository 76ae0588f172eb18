package com.syncdesk.testing;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Vendor;

/** Fresh, empty databases of either vendor for a test. */
public final class TestDatabases {

    private static final AtomicInteger FILES = new AtomicInteger();

    private TestDatabases() {
    }

    public static ConnectionTarget fresh(Vendor vendor, Path tempDir) {
        return switch (vendor) {
            case SQLITE -> ConnectionTarget.sqlite(tempDir.resolve("test-" + FILES.incrementAndGet() + ".db"));
            case POSTGRESQL -> TestPostgres.freshDatabase();
        };
    }

    public static Database open(Vendor vendor, Path tempDir) {
        return Database.open(fresh(vendor, tempDir));
    }
}
