package com.syncdesk.cli;

/** Exit codes scripts can rely on. */
public final class ExitCodes {

    public static final int OK = 0;
    /** The command ran and failed; the message says why. */
    public static final int FAILED = 1;
    /** Wrong options or arguments. */
    public static final int USAGE = 2;
    /** Refused because of the database's state (not a database, newer schema, locked, ...); nothing was changed. */
    public static final int REFUSED = 3;
    /** The operator declined a confirmation. */
    public static final int DECLINED = 4;

    private ExitCodes() {
    }
}
