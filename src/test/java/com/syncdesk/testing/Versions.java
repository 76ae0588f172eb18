package com.syncdesk.testing;

import java.util.List;

import com.syncdesk.migration.MigrationCatalog;
import com.syncdesk.persistence.Vendor;

/** The schema versions this SyncDesk ships, as the product itself derives them from its scripts. */
public final class Versions {

    /** Every shipped version, oldest first. */
    public static final List<Integer> ALL = MigrationCatalog.scripts(Vendor.SQLITE).stream().map(MigrationCatalog.Script::version).toList();
    public static final int LATEST = MigrationCatalog.latestVersion();
    /** A version only a newer SyncDesk would know. */
    public static final int NEWER = LATEST + 1;

    private Versions() {
    }

    /** The version's description as Flyway and the console word it, e.g. "dashboard counts and page index". */
    public static String description(int version) {
        return MigrationCatalog.script(Vendor.SQLITE, version).orElseThrow().description();
    }

    /** The shipped versions above {@code version}, oldest first. */
    public static List<Integer> above(int version) {
        return ALL.stream().filter(v -> v > version).toList();
    }
}
