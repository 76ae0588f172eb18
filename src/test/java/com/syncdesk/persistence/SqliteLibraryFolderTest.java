package com.syncdesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only the system properties are set here: the library itself is loaded once per JVM, by the first database. */
class SqliteLibraryFolderTest {

    @TempDir
    Path home;

    private final String libraryPathBefore = System.getProperty(SqliteLibraryFolder.LIBRARY_PATH_PROPERTY);
    private final String folderBefore = System.getProperty(SqliteLibraryFolder.FOLDER_PROPERTY);

    @AfterEach
    void restore() {
        restore(SqliteLibraryFolder.LIBRARY_PATH_PROPERTY, libraryPathBefore);
        restore(SqliteLibraryFolder.FOLDER_PROPERTY, folderBefore);
    }

    @Test
    void theInstalledAppsLibraryFolderIsListedInTheDataDirectoryInsteadOfTheSystemsTemporaryFolder() {
        System.setProperty(SqliteLibraryFolder.LIBRARY_PATH_PROPERTY, home.resolve("app").toString());
        System.clearProperty(SqliteLibraryFolder.FOLDER_PROPERTY);

        SqliteLibraryFolder.useOwnFolderIfInstalled(home.resolve("data"));

        assertThat(System.getProperty(SqliteLibraryFolder.FOLDER_PROPERTY)).isEqualTo(home.resolve("data").resolve("native").toString());
        assertThat(home.resolve("data").resolve("native")).isDirectory();
    }

    @Test
    void theJarWhichUnpacksTheLibraryAtEveryStartAndAnOperatorsOwnFolderAreLeftAlone() {
        System.clearProperty(SqliteLibraryFolder.LIBRARY_PATH_PROPERTY);
        System.clearProperty(SqliteLibraryFolder.FOLDER_PROPERTY);
        SqliteLibraryFolder.useOwnFolderIfInstalled(home.resolve("jar"));
        assertThat(System.getProperty(SqliteLibraryFolder.FOLDER_PROPERTY)).isNull();
        assertThat(home.resolve("jar")).doesNotExist();

        System.setProperty(SqliteLibraryFolder.LIBRARY_PATH_PROPERTY, home.resolve("app").toString());
        System.setProperty(SqliteLibraryFolder.FOLDER_PROPERTY, "/srv/syncdesk-tmp");
        SqliteLibraryFolder.useOwnFolderIfInstalled(home.resolve("operator"));
        assertThat(System.getProperty(SqliteLibraryFolder.FOLDER_PROPERTY)).isEqualTo("/srv/syncdesk-tmp");
    }

    @Test
    void aDataDirectoryThatCannotBeMadeLeavesSqliteJdbcsDefault() throws Exception {
        System.setProperty(SqliteLibraryFolder.LIBRARY_PATH_PROPERTY, home.resolve("app").toString());
        System.clearProperty(SqliteLibraryFolder.FOLDER_PROPERTY);
        Path file = Files.writeString(home.resolve("data"), "a file where the data directory would be");

        SqliteLibraryFolder.useOwnFolderIfInstalled(file);

        assertThat(System.getProperty(SqliteLibraryFolder.FOLDER_PROPERTY)).isNull();
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
