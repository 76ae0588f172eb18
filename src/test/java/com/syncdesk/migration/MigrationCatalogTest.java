package com.syncdesk.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.syncdesk.persistence.Vendor;

class MigrationCatalogTest {

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void theCatalogReadsTheBuildsListWhichNamesEveryScriptOfTheFolder(Vendor vendor) throws IOException {
        String folder = "migrations/" + vendor.folder();
        assertThat(MigrationCatalog.class.getClassLoader().getResource(folder + "/" + MigrationCatalog.INDEX))
                .as("the build's list of %s", folder).isNotNull();
        List<String> inTheFolder;
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            inTheFolder = files.map(file -> file.getFileName().toString()).filter(name -> name.matches("V\\d+__\\w+\\.sql"))
                    .sorted(Comparator.comparingInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))).toList();
        }
        assertThat(MigrationCatalog.scripts(vendor)).extracting(MigrationCatalog.Script::fileName).containsExactlyElementsOf(inTheFolder);
    }
}
