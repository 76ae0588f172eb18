package com.syncdesk.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.syncdesk.app.Workspace;
import com.syncdesk.syncstate.SyncStateColumn;
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

    @Option(names = "--raw-csv", description = "Write CSV cells as stored, even those a spreadsheet would run as formulas "
            + "(by default a cell beginning with =, +, -, @, a tab or a carriage return gets a leading apostrophe).")
    boolean rawCsv;

    @Mixin
    StateFilterOptions filterOptions;

    @Override
    int run(Workspace workspace) throws Exception {
        SyncStateExport.Format chosen = StateFilterOptions.parse(SyncStateExport.Format.class, List.of(format)).iterator().next();
        SyncStateExport export = new SyncStateExport(workspace.syncStates());
        SyncStateSort byId = SyncStateSort.by(SyncStateColumn.ID, true);
        SyncStateExport.Cells cells = rawCsv ? SyncStateExport.Cells.RAW : SyncStateExport.Cells.NEUTRALISED;
        if (out == null) {
            // Straight to the file descriptor: System.out would swallow a failed write (a full disk, a closed pipe).
            Writer stdout = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
            try {
                export.write(filterOptions.filter(), byId, chosen, cells, stdout, SyncStateExport.Progress.NONE);
                stdout.flush();
            } catch (IOException e) {
                throw new IOException("The export could not be written to standard output: " + e.getMessage(), e);
            }
            return ExitCodes.OK;
        }
        long rows = export.toFile(filterOptions.filter(), byId, chosen, cells, out, SyncStateExport.Progress.NONE);
        err().printf("Exported %,d sync states to %s%n", rows, out);
        return ExitCodes.OK;
    }
}
