package com.syncdesk.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
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
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
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

    private static List<Script> scan(Vendor vendor) {
        String folder = "migrations/" + vendor.folder();
        URL url = MigrationCatalog.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalStateException("The migration folder " + folder + " is missing from this SyncDesk");
        }
        List<Script> scripts = new ArrayList<>();
        try {
            if (url.openConnection() instanceof JarURLConnection jar) {
                collectFromJar(jar, folder, scripts);
            } else {
                collect(Path.of(url.toURI()), scripts);
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

    /**
     * Lists the folder's entries of the jar by name. A zip file system over the jar would index all of its tens of
     * thousands of entries first, a tenth of a short command's start.
     */
    private static void collectFromJar(JarURLConnection connection, String folder, List<Script> scripts) throws IOException {
        // The cached jar the URL's handler shares: it must stay open for whoever else reads through it.
        connection.setUseCaches(true);
        JarFile jar = connection.getJarFile();
        String prefix = folder + "/";
        jar.stream().map(JarEntry::getName)
                .filter(name -> name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0)
                .forEach(name -> add(name.substring(prefix.length()), scripts));
    }

    private static void collect(Path folder, List<Script> scripts) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(file -> add(file.getFileName().toString(), scripts));
        }
    }

    private static void add(String fileName, List<Script> scripts) {
        Matcher name = SCRIPT.matcher(fileName);
        if (name.matches()) {
            scripts.add(new Script(Integer.parseInt(name.group(1)), name.group(2).replace('_', ' '), fileName));
        }
    }
}
