package com.syncdesk.migration;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

import com.syncdesk.persistence.Vendor;

/**
 * The migration scripts as Flyway reads them, taken from the {@link MigrationCatalog} instead of Flyway's own scan of
 * the class path, which walks every entry of the jar at every start. The names, paths and contents are those Flyway's
 * class-path resources have, so versions, descriptions, script names and checksums stay what they were.
 */
final class CatalogResources implements ResourceProvider {

    private final Vendor vendor;

    CatalogResources(Vendor vendor) {
        this.vendor = vendor;
    }

    @Override
    public LoadableResource getResource(String name) {
        return resources().stream().filter(resource -> resource.getRelativePath().equals(name)).findFirst().orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return resources().stream()
                .filter(resource -> resource.getFilename().startsWith(prefix) && Arrays.stream(suffixes).anyMatch(resource.getFilename()::endsWith))
                .toList();
    }

    private List<LoadableResource> resources() {
        String folder = "migrations/" + vendor.folder();
        return MigrationCatalog.scripts(vendor).stream().<LoadableResource>map(script -> new Script(folder, script.fileName())).toList();
    }

    /** One script in the jar or in the classes folder, read as UTF-8 as Flyway reads its own. */
    private static final class Script extends LoadableResource {
        private final String folder;
        private final String fileName;

        Script(String folder, String fileName) {
            this.folder = folder;
            this.fileName = fileName;
        }

        @Override
        public Reader read() {
            InputStream in = CatalogResources.class.getClassLoader().getResourceAsStream(getAbsolutePath());
            if (in == null) {
                throw new IllegalStateException("The script " + getAbsolutePath() + " is missing from this SyncDesk");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return folder + "/" + fileName;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            URL url = CatalogResources.class.getClassLoader().getResource(getAbsolutePath());
            return url == null ? getAbsolutePath() : url.getPath();
        }

        @Override
        public String getFilename() {
            return fileName;
        }

        @Override
        public String getRelativePath() {
            return fileName;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Script script && script.getAbsolutePath().equals(getAbsolutePath());
        }

        @Override
        public int hashCode() {
            return Objects.hash(folder, fileName);
        }
    }
}
