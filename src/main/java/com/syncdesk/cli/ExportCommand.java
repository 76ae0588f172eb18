package com.syncdesk.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.syncdesk.app.Workspace;
import com.syncdesk.syncstate.SyncStateExport;
import com.syncdesk.syncstate.SyncStateSort;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", description = "Export matching sync states as CSV (RFC 4180) or JSON, streamed in constant memory.")
final class ExportCommand extends WorkspaceCommand {

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT", description = "csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (default: standard output).")
    Path out;

    @Mixin
    StateFilterOptions filterOptions;

    @Override
    int run(Workspace workspace) throws Exception {
        SyncStateExport.Format chosen = StateFilterOptions.parse(SyncStateExport.Format.class, java.util.List.of(format)).iterator().next();
        SyncStateExport export = new SyncStateExport(workspace.syncStates());
        if (out == null) {
            Writer stdout = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            export.write(filterOptions.filter(), SyncStateSort.by(com.syncdesk.syncstate.SyncStateColumn.ID, true), chosen, stdout);
            stdout.flush();
            return ExitCodes.OK;
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("The folder " + folder + " does not exist; create it or choose another --out.");
        }
        // Written beside the target and moved at the end, so a failed export never leaves half a file.
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        long rows;
        try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            rows = export.write(filterOptions.filter(), SyncStateSort.by(com.syncdesk.syncstate.SyncStateColumn.ID, true), chosen, writer);
        } catch (Exception e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        spec.commandLine().getErr().printf("Exported %,d sync states to %s%n", rows, out);
        return ExitCodes.OK;
    }
}
