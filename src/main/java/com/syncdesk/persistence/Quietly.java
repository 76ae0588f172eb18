package com.syncdesk.persistence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;

/** Releasing the locks and sessions the migration and sync locks hold, where a failure to release changes nothing. */
public final class Quietly {

    private Quietly() {
    }

    public static void release(FileLock lock, FileChannel channel) {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel releases the lock as well.
        }
        close(channel);
    }

    public static void close(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception ignored) {
            // Nothing more can be done with a resource that fails to close; the OS reclaims it.
        }
    }
}
