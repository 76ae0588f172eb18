package com.syncdesk.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The folder sqlite-jdbc lists at every start, to delete copies of its native library it unpacked before, and unpacks
 * into when it cannot load the library it was pointed at. The installed SyncDesk points it at the library beside its
 * jar ({@value #LIBRARY_PATH_PROPERTY}), so nothing is unpacked, yet the listing of the system's temporary folder stayed
 * (2,300 entries on the build machine: 25 ms of every command). There a folder of SyncDesk's own in the data directory
 * is listed instead; the user can write it, so a library missing from the image is still unpacked and loaded.
 */
public final class SqliteLibraryFolder {

    static final String LIBRARY_PATH_PROPERTY = "org.sqlite.lib.path";
    static final String FOLDER_PROPERTY = "org.sqlite.tmpdir";

    private SqliteLibraryFolder() {
    }

    /** Before any database opens; leaves sqlite-jdbc's default where the library is unpacked at every start or the folder cannot be made. */
    public static void useOwnFolderIfInstalled(Path dataDirectory) {
        if (System.getProperty(LIBRARY_PATH_PROPERTY) == null || System.getProperty(FOLDER_PROPERTY) != null) {
            return;
        }
        try {
            Path folder = Files.createDirectories(dataDirectory.resolve("native"));
            System.setProperty(FOLDER_PROPERTY, folder.toString());
        } catch (IOException | InvalidPathException | SecurityException e) {
            // The system's temporary folder, as without this: slower to list, never wrong.
        }
    }
}
