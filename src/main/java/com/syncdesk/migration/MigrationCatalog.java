package com.syncdesk.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.syncdesk.persistence.Vendor;

/**
 * The migrations this SyncDesk ships, read from the scripts themselves: {@code migrations/<vendor>/V<n>__<name>.sql}
 * and their undo scripts {@code migrations/undo/<vendor>/U<n>__<name>.sql}. The latest version is derived here
 * and nowhere else, so a new migration costs its SQL files only.
 */
public final class MigrationCatalog {

    private static final Pattern SCRIPT = Pattern.compile("V(\\d+)__(\\w+)\\.sql");
    /** The build's list of a folder's scripts, one file name per line. */
    static final String INDEX = "index";
    private static final Map<Vendor, List<Script>> SCRIPTS = new EnumMap<>(Vendor.class);

    /** One versioned migration: its version and the description Flyway derives from the file name. */
    public record Script(int version, String description, String fileName) {
    }

    private MigrationCatalog() {
    }

    /** The vendor's migrations, oldest first. */
    public static synchronized List<Script> scripts(Vendor vendor) {
        return SCRIPTS.computeIfAbsent(vendor, MigrationCatalog::scan);
    }

    /** The newest version this SyncDesk ships (the same for every vendor: a test keeps the folders in step). */
    public static int latestVersion() {
        return scripts(Vendor.SQLITE).getLast().version();
    }

    public static Optional<Script> script(Vendor vendor, int version) {
        return scripts(vendor).stream().filter(s -> s.version() == version).findFirst();
    }

    /** The script's text as the jar holds it. */
    static String text(Vendor vendor, Script script) {
        return read("migrations/" + vendor.folder() + "/" + script.fileName());
    }

    /** The statements of the upgrade script of {@code version}, in order. */
    static List<String> upgradeStatements(Vendor vendor, int version) {
        Script script = script(vendor, version).orElseThrow(() -> new IllegalStateException("No migration script for version " + version));
        return SqlScript.statements(read("migrations/" + vendor.folder() + "/" + script.fileName()));
    }

    /** The undo script {@code U<n>} reversing migration {@code version}. */
    static UndoScript undoScript(Vendor vendor, int version, String description) {
        String resource = "migrations/undo/" + vendor.folder() + "/U" + version + "__" + description.replace(' ', '_') + ".sql";
        return UndoScript.parse(version, description, resource, read(resource));
    }

    private static String read(String resource) {
        try (InputStream in = MigrationCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The script " + resource + " is missing from this SyncDesk");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /**
     * The folder's scripts, from the list the build writes beside them ({@code index}, see pom.xml): listing the jar's
     * tens of thousands of entries to find them was a tenth of a short command's start. Classes run without the build
     * (an IDE's) have a folder to list instead.
     */
    private static List<Script> scan(Vendor vendor) {
        String folder = "migrations/" + vendor.folder();
        URL url = MigrationCatalog.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalStateException("The migration folder " + folder + " is missing from this SyncDesk");
        }
        List<Script> scripts = new ArrayList<>();
        try (InputStream index = MigrationCatalog.class.getClassLoader().getResourceAsStream(folder + "/" + INDEX)) {
            if (index != null) {
                new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(name -> add(name.strip(), scripts));
            } else if ("file".equals(url.getProtocol())) {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    files.forEach(file -> add(file.getFileName().toString(), scripts));
                }
            } else {
                throw new IllegalStateException("The migration folder " + folder + " has no " + INDEX + ": this SyncDesk was not built by its build");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the migration folder " + folder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot list the migration folder " + folder, e);
        }
        if (scripts.isEmpty()) {
            throw new IllegalStateException("The migration folder " + folder + " holds no migration");
        }
        scripts.sort(Comparator.comparingInt(Script::version));
        return List.copyOf(scripts);
    }

    private static void add(String fileName, List<Script> scripts) {
        Matcher name = SCRIPT.matcher(fileName);
        if (name.matches()) {
            scripts.add(new Script(Integer.parseInt(name.group(1)), name.group(2).replace('_', ' '), fileName));
        }
    }
}
