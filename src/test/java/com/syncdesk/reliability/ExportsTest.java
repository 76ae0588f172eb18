package com.syncdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.syncdesk.cli.ExitCodes;
import com.syncdesk.testing.ChildCli;
import com.syncdesk.testing.CliRun;
import com.syncdesk.testing.Fingerprints;

/**
 * Exports that tell the truth: what is stored is what is written, a write that fails is a failure, a
 * spreadsheet opening the CSV runs nothing, and the target is a file, never a device or a link's place.
 */
class ExportsTest {

    /** Reads back what SyncDesk wrote, without Jackson's default limits (the export has none either). */
    private static final ObjectMapper UNLIMITED = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength(Integer.MAX_VALUE).maxNestingDepth(Integer.MAX_VALUE).maxDocumentLength(-1).build()).build()).build();

    @TempDir
    Path dir;

    private Path db;

    @BeforeEach
    void database() {
        db = dir.resolve("ops.db");
        assertThat(CliRun.of("demo-data", "--db", db.toString(), "--entities", "60").exitCode()).isZero();
    }

    /** Writes as another client with the checks off would. */
    private void storeAsAnotherClient(String sql, Object... values) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db); Statement pragma = connection.createStatement()) {
            pragma.execute("PRAGMA ignore_check_constraints = ON");
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                statement.executeUpdate();
            }
        }
    }

    private JsonNode exportedJson(String id) throws Exception {
        Path out = dir.resolve("states.json");
        CliRun export = CliRun.of("export", "--db", db.toString(), "--format", "json", "--out", out.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        for (JsonNode row : UNLIMITED.readTree(out.toFile())) {
            if (row.get("id").asText().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("state " + id + " was not exported");
    }

    private Map<String, String> exportedCsv(String id, String... options) throws Exception {
        Path out = dir.resolve("states.csv");
        List<String> args = new ArrayList<>(List.of("export", "--db", db.toString(), "--format", "csv", "--out", out.toString()));
        args.addAll(List.of(options));
        CliRun export = CliRun.of(args.toArray(String[]::new));
        assertThat(export.exitCode()).as(export.err()).isZero();
        try (var rows = new CsvMapper().readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader()).<Map<String, String>>readValues(out.toFile())) {
            for (Map<String, String> row : rows.readAll()) {
                if (row.get("id").equals(id)) {
                    return row;
                }
            }
        }
        throw new AssertionError("state " + id + " was not exported");
    }

    @Test
    void valuesPastAnEntitysRangeAreExportedAsStored() throws Exception {
        storeAsAnotherClient("UPDATE sync_metadata SET error_count = 2147483648, sync_duration_ms = 9223372036854775807, "
                + "api_calls_count = 'lots', row_version = -1 WHERE id = 1");

        JsonNode json = exportedJson("1");
        assertThat(json.get("error_count").isIntegralNumber()).isTrue();
        assertThat(json.get("error_count").asText()).isEqualTo("2147483648");
        assertThat(json.get("sync_duration_ms").asText()).isEqualTo("9223372036854775807");
        assertThat(json.get("api_calls_count").isTextual()).isTrue();
        assertThat(json.get("api_calls_count").asText()).isEqualTo("lots");
        Map<String, String> csv = exportedCsv("1");
        assertThat(csv).containsEntry("error_count", "2147483648").containsEntry("sync_duration_ms", "9223372036854775807")
                .containsEntry("api_calls_count", "lots");
    }

    @Test
    void timestampsNoDateCanHoldAreExportedAsStoredNotInvented() throws Exception {
        storeAsAnotherClient("UPDATE sync_metadata SET last_sync_attempt = ?, local_modified = ?, remote_modified = ? WHERE id = 2",
                Double.POSITIVE_INFINITY, 1e300, Double.NEGATIVE_INFINITY);

        JsonNode json = exportedJson("2");
        assertThat(json.get("last_sync_attempt").asText()).isEqualTo("Infinity");
        assertThat(json.get("local_modified").asText()).isEqualTo("1.0E300");
        assertThat(json.get("remote_modified").asText()).isEqualTo("-Infinity");
        assertThat(exportedCsv("2")).containsEntry("last_sync_attempt", "Infinity").containsEntry("local_modified", "1.0E300");
    }

    @Test
    void largeAndDeepJsonIsExportedAsJsonAndNeverAbortsTheExport() throws Exception {
        String large = "[{\"field\":\"goal\",\"local\":\"" + "x".repeat(21 * 1024 * 1024) + "\",\"remote\":\"y\"}]";
        String deep = "[".repeat(999) + "]".repeat(999);
        storeAsAnotherClient("UPDATE sync_metadata SET conflicts = ? WHERE id = 3", large);
        storeAsAnotherClient("UPDATE sync_metadata SET conflicts = ? WHERE id = 4", deep);

        JsonNode three = exportedJson("3");
        assertThat(three.get("conflicts").isArray()).as("a 21 MB value stays JSON").isTrue();
        assertThat(three.get("conflicts").get(0).get("local").asText()).hasSize(21 * 1024 * 1024);
        JsonNode four = exportedJson("4");
        JsonNode level = four.get("conflicts");
        int depth = 0;
        while (level != null && level.isArray()) {
            depth++;
            level = level.get(0);
        }
        assertThat(depth).isEqualTo(999);
    }

    @Test
    void cellsASpreadsheetWouldRunAreNeutralisedUnlessRawIsAsked() throws Exception {
        storeAsAnotherClient("UPDATE sync_metadata SET last_error = ?, sync_batch_id = ?, content_hash = ?, jira_id = ? WHERE id = 5",
                "=HYPERLINK(\"http://evil.example\",\"open\")", "=cmd|' /C calc'!A0", "\tsecret", "@SUM(1+1)");
        storeAsAnotherClient("UPDATE sync_metadata SET entity_id = ?, last_error = ? WHERE id = 6", "+1-2", "-2+3+cmd|' /C calc'!A0");

        Map<String, String> five = exportedCsv("5");
        assertThat(five).containsEntry("last_error", "'=HYPERLINK(\"http://evil.example\",\"open\")").containsEntry("sync_batch_id",
                "'=cmd|' /C calc'!A0").containsEntry("content_hash", "'\tsecret").containsEntry("jira_id", "'@SUM(1+1)");
        Map<String, String> six = exportedCsv("6");
        assertThat(six).containsEntry("entity_id", "'+1-2").containsEntry("last_error", "'-2+3+cmd|' /C calc'!A0");
        assertThat(exportedCsv("5", "--raw-csv")).containsEntry("last_error", "=HYPERLINK(\"http://evil.example\",\"open\")");
        assertThat(exportedJson("5").get("last_error").asText()).as("JSON is not for spreadsheets").startsWith("=HYPERLINK");
    }

    @Test
    void anExportIntoAFullDiskFailsWithExitOneInsteadOfPretending() throws Exception {
        for (List<String> command : List.of(List.of("export", "--db", db.toString(), "--format", "csv"),
                List.of("stats", "--json", "--db", db.toString()))) {
            Process process = ChildCli.builder(dir.resolve("home"), List.of(), Map.of(), command.toArray(String[]::new))
                    .redirectOutput(new File("/dev/full")).start();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(command + ": " + err).isEqualTo(ExitCodes.FAILED);
            assertThat(err).as(command.toString()).startsWith("syncdesk: ").containsIgnoringCase("could not be written")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void aTargetThatIsNotARegularFileIsRefusedAndLeftAsItIs() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("a-folder"));
        Path dangling = dir.resolve("dangling.csv");
        Files.createSymbolicLink(dangling, dir.resolve("nowhere").resolve("x.csv"));
        Path fifo = dir.resolve("pipe.csv");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        for (Path target : List.of(Path.of("/dev/null"), folder, dangling, fifo)) {
            CliRun export = CliRun.of("export", "--db", db.toString(), "--out", target.toString());
            CliAssert.oneLine(export, ExitCodes.USAGE, target.toString());
            assertThat(target.resolveSibling(target.getFileName() + ".partial")).doesNotExist();
        }
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
        assertThat(Files.list(folder)).isEmpty();
    }

    @Test
    void anExportThroughASymbolicLinkReplacesTheFileItPointsToAndKeepsTheLink() throws Exception {
        Path real = Files.writeString(dir.resolve("real.csv"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);

        CliRun export = CliRun.of("export", "--db", db.toString(), "--out", link.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).startsWith("id,entity_type");
        assertThat(Fingerprints.sha256(link)).isEqualTo(Fingerprints.sha256(real));
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutBeingRepeated() {
        CliRun status = CliRun.of("status", "--url", "jdbc:postgresql://localhost:1/ops?password=hunter2&sslmode=disable", "--user", "ops");
        CliAssert.oneLine(status, ExitCodes.USAGE, "carries a password", "SYNCDESK_PASSWORD");
        assertThat(status.err() + status.out()).doesNotContain("hunter2");
    }
}
