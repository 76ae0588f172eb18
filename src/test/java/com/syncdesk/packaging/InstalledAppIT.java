package com.syncdesk.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.syncdesk.app.StartupTrace;
import com.syncdesk.cli.ExitCodes;
import com.syncdesk.persistence.ConnectionTarget;
import com.syncdesk.testing.CliRun;
import com.syncdesk.testing.TestPostgres;
import com.syncdesk.testing.Versions;

/**
 * The app image as an operator gets it, through its own launcher: what a jlinked image lacks shows only here (a module
 * of the JDK, Flyway's database support, Hibernate's dialects, sqlite-jdbc's native library, logback's configuration,
 * FXML and CSS). Runs in the package profile after the image is built: mvn -B -ntp -Ppackage verify.
 */
class InstalledAppIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void versionSaysTheBuildsVersionAndTheRuntimeInsideTheImage() {
        CliRun version = InstalledApp.run(home, "--version");

        assertThat(version.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(version.out().lines().toList()).hasSize(2);
        assertThat(version.out().lines().findFirst()).contains("SyncDesk " + InstalledApp.expectedVersion());
        assertThat(version.out().lines().skip(1).findFirst().orElseThrow()).startsWith("Java " + Runtime.version().feature() + ".");
        assertThat(version.err()).isEmpty();
    }

    @Test
    void eachLaunchersAheadOfTimeCacheFitsTheImagesRuntimeAndJar() {
        assertThat(InstalledApp.appFolder().resolve("syncdesk-cli.aot")).isRegularFile();
        assertThat(InstalledApp.appFolder().resolve("syncdesk.aot")).isRegularFile();
        // With AOTMode=on the JVM refuses to start when its cache cannot be used, instead of starting slowly.
        Map<String, String> strict = Map.of("JAVA_TOOL_OPTIONS", "-XX:AOTMode=on");

        CliRun cli = InstalledApp.run(home, strict, "--version");
        CliRun console = InstalledApp.console(home, Map.of("JAVA_TOOL_OPTIONS", "-XX:AOTMode=on -Dglass.platform=Headless "
                + "-Dprism.order=sw -D" + StartupTrace.FILE_PROPERTY + "=" + home.resolve("trace.txt") + " -D" + StartupTrace.EXIT_PROPERTY + "=true"));

        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).startsWith("SyncDesk " + InstalledApp.expectedVersion());
        assertThat(console.exitCode()).as(console.err()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void bothLaunchersStartTheJvmWithTheOptionsTheirCachesWereRecordedWith() throws IOException {
        for (String launcher : List.of("SyncDesk.cfg", "syncdesk-cli.cfg")) {
            assertThat(Files.readString(InstalledApp.appFolder().resolve(launcher))).as(launcher)
                    .contains("-XX:TieredStopAtLevel=1").contains("-XX:+UseSerialGC").contains("-XX:-UsePerfData");
        }
    }

    @Test
    void theImagesJarHasTheTimeTheDebianPostinstGivesTheInstalledJar() throws IOException {
        long time = Long.parseLong(System.getProperty("syncdesk.package.jar.time"));
        Path postinst = Path.of(System.getProperty("syncdesk.package.resources")).resolve("postinst");

        assertThat(Files.getLastModifiedTime(InstalledApp.appFolder().resolve("syncdesk.jar")).toMillis()).isEqualTo(time * 1000);
        if (Files.exists(postinst)) {
            assertThat(Files.readString(postinst)).contains("touch -m -d @" + time + " /opt/syncdesk/lib/app/syncdesk.jar");
        }
    }

    @Test
    void migrateDemoDataStatsAndStatusWorkOnAFreshSqliteFile() throws Exception {
        Path db = home.resolve("ops.db");

        CliRun migrate = InstalledApp.run(home, "migrate", "--db", db.toString());
        assertThat(migrate.exitCode()).as(migrate.err()).isEqualTo(ExitCodes.OK);
        assertThat(migrate.out()).contains("Schema upgraded from version 0 to " + Versions.LATEST + ".");

        CliRun demo = InstalledApp.run(home, "demo-data", "--db", db.toString(), "--entities", "400", "--seed", "3");
        assertThat(demo.exitCode()).as(demo.err()).isEqualTo(ExitCodes.OK);

        CliRun stats = InstalledApp.run(home, "stats", "--json", "--db", db.toString());
        assertThat(stats.exitCode()).as(stats.err()).isEqualTo(ExitCodes.OK);
        assertThat(stats.err()).isEmpty();
        JsonNode statistics = JSON.readTree(stats.out()).path("statistics");
        assertThat(statistics.path("total").asLong()).isEqualTo(400);
        long byStatus = 0;
        for (JsonNode count : statistics.path("byStatus")) {
            byStatus += count.asLong();
        }
        assertThat(byStatus).isEqualTo(400);

        CliRun status = InstalledApp.run(home, "status", "--db", db.toString());
        assertThat(status.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(status.out()).contains("Schema version: " + Versions.LATEST + " (latest)");
        // Logback's configuration came along: the log went to the data directory, not to the terminal.
        assertThat(home.resolve("logs").resolve("syncdesk.log")).isRegularFile();
    }

    @Test
    void aNativeLibraryMissingFromTheImageIsUnpackedIntoTheDataDirectoryNotTheImage() throws IOException {
        Path image = home.resolve("image");
        copyOfLinks(InstalledApp.image(), image);
        Path appFolder = image.resolve(InstalledApp.image().relativize(InstalledApp.appFolder()));
        Files.delete(appFolder.resolve(System.mapLibraryName("sqlitejdbc")));
        Path db = home.resolve("ops.db");

        CliRun migrate = InstalledApp.run(image.resolve(InstalledApp.image().relativize(InstalledApp.cliLauncher())), home, Map.of(),
                "migrate", "--db", db.toString());

        assertThat(migrate.exitCode()).as(migrate.err()).isEqualTo(ExitCodes.OK);
        assertThat(migrate.out()).contains("Schema upgraded from version 0 to " + Versions.LATEST + ".");
        // sqlite-jdbc unpacked its library into the data directory's folder (and deleted it at exit), never into the image.
        assertThat(home.resolve("native")).isDirectory();
        try (Stream<Path> files = Files.list(appFolder)) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.startsWith("sqlite-"));
        }
    }

    /** The image again under {@code copy}, each file a hard link (a copy across file systems), each symbolic link the same link. */
    private static void copyOfLinks(Path image, Path copy) throws IOException {
        try (Stream<Path> paths = Files.walk(image)) {
            for (Path path : paths.toList()) {
                Path target = copy.resolve(image.relativize(path).toString());
                if (Files.isSymbolicLink(path)) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(path));
                } else if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    try {
                        Files.createLink(target, path);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
    }

    @Test
    void exitCodesAreTheJarsForWrongOptionsAndRefusals() throws IOException {
        Path notes = Files.writeString(home.resolve("notes.txt"), "not a database\n");

        CliRun wrongOption = InstalledApp.run(home, "status", "--no-such-option");
        CliRun notADatabase = InstalledApp.run(home, "status", "--db", notes.toString());

        assertThat(wrongOption.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(notADatabase.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(notADatabase.err()).contains("is not a SQLite database").hasLineCount(1);
    }

    @Test
    void migrateAndStatsWorkOnPostgresql() throws Exception {
        ConnectionTarget.PostgresServer server = (ConnectionTarget.PostgresServer) TestPostgres.freshDatabase();
        Map<String, String> password = Map.of("SYNCDESK_PASSWORD", "unused-by-trust-auth");

        CliRun migrate = InstalledApp.run(home, password, "migrate", "--url", server.jdbcUrl(), "--user", server.user());
        CliRun demo = InstalledApp.run(home, password, "demo-data", "--url", server.jdbcUrl(), "--user", server.user(),
                "--entities", "200");
        CliRun stats = InstalledApp.run(home, password, "stats", "--json", "--url", server.jdbcUrl(), "--user", server.user());

        assertThat(migrate.exitCode()).as(migrate.err()).isEqualTo(ExitCodes.OK);
        assertThat(migrate.out()).contains("Schema upgraded from version 0 to " + Versions.LATEST + ".");
        assertThat(demo.exitCode()).as(demo.err()).isEqualTo(ExitCodes.OK);
        assertThat(stats.exitCode()).as(stats.err()).isEqualTo(ExitCodes.OK);
        assertThat(JSON.readTree(stats.out()).path("statistics").path("total").asLong()).isEqualTo(200);
    }

    @Test
    void theConsoleStartsHeadlessFromTheImageAndShowsTheDefaultDatabase() throws IOException {
        Path trace = home.resolve("startup-trace.txt");
        String headless = String.join(" ", "-Dglass.platform=Headless", "-Dprism.order=sw", "-Djava.awt.headless=true",
                "-Dsyncdesk.keyring=off", "-D" + StartupTrace.FILE_PROPERTY + "=" + trace, "-D" + StartupTrace.EXIT_PROPERTY + "=true");

        CliRun console = InstalledApp.console(home, Map.of("JAVA_TOOL_OPTIONS", headless));

        assertThat(console.exitCode()).as(console.err()).isEqualTo(ExitCodes.OK);
        List<String> reached = Files.readAllLines(trace).stream().map(line -> line.split(" ")[0]).toList();
        assertThat(reached).containsExactlyElementsOf(Arrays.stream(StartupTrace.Milestone.values()).map(StartupTrace.Milestone::word).toList());
        assertThat(home.resolve("syncdesk.db")).isRegularFile();
        assertThat(home.resolve("settings.json")).isRegularFile();
        assertThat(Files.readString(home.resolve("logs").resolve("syncdesk.log"))).doesNotContain(" ERROR ");
    }

    @Test
    void theRuntimeHoldsEveryModuleJdepsFindsInTheJar() throws Exception {
        Path jdeps = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jdeps");
        Process process = new ProcessBuilder(jdeps.toString(), "--print-module-deps", "--ignore-missing-deps", "-q",
                "--multi-release", Integer.toString(Runtime.version().feature()), InstalledApp.plainJar().toString())
                .redirectErrorStream(true).start();
        String found = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor()).as(found).isZero();

        Set<String> needed = new TreeSet<>(Arrays.asList(found.split(",")));
        assertThat(imageModules()).containsAll(needed);
    }

    /** The modules of the image's runtime, as its release file lists them. */
    private static Set<String> imageModules() throws IOException {
        Path release;
        try (Stream<Path> files = Files.walk(InstalledApp.image())) {
            release = files.filter(file -> file.getFileName().toString().equals("release")).findFirst().orElseThrow();
        }
        String modules = Files.readAllLines(release).stream().filter(line -> line.startsWith("MODULES=")).findFirst().orElseThrow();
        return Arrays.stream(modules.substring("MODULES=".length()).replace("\"", "").split(" ")).collect(Collectors.toCollection(TreeSet::new));
    }
}
