package com.syncdesk;

import java.nio.file.Path;

import com.syncdesk.app.StartupTrace;
import com.syncdesk.cli.SyncDeskCli;
import com.syncdesk.persistence.AppDirectories;
import com.syncdesk.persistence.SqliteLibraryFolder;
import com.syncdesk.ui.shell.DesktopRequirements;
import com.syncdesk.ui.shell.SyncDeskApp;

/**
 * Entry point of the jar. With no arguments it opens the desktop console; with a command it runs
 * headless. It does not extend {@code Application}, so it starts from a plain classpath.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        StartupTrace.mark(StartupTrace.Milestone.MAIN);
        // Before any logger exists: logs go beside the user's data, not into the working directory.
        Path dataDirectory = AppDirectories.dataDirectory();
        System.setProperty("syncdesk.logdir", dataDirectory.resolve("logs").toString());
        SqliteLibraryFolder.useOwnFolderIfInstalled(dataDirectory);
        String training = System.getProperty(StartupTrace.TRAINING_PROPERTY);
        if (training != null) {
            StartupTraining.run(training);
        } else if (args.length == 0) {
            try {
                SyncDeskApp.launchConsole(args);
            } catch (DesktopRequirements.Unavailable unavailable) {
                System.exit(SyncDeskCli.refuse(unavailable.getMessage()));
            }
        } else {
            System.exit(SyncDeskCli.run(args));
        }
    }
}
