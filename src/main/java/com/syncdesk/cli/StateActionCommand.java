package com.syncdesk.cli;

import java.util.List;

import com.syncdesk.app.Workspace;
import com.syncdesk.syncstate.ActionResult;
import com.syncdesk.syncstate.Selection;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.syncstate.SyncStateService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** An operator action on sync states chosen by ids or by filter, with a count and a confirmation first. */
abstract class StateActionCommand extends WorkspaceCommand {

    @Mixin
    StateFilterOptions filterOptions;

    @Option(names = "--ids", split = ",", paramLabel = "ID", description = "Only these sync state ids (instead of a filter).")
    List<Long> ids = List.of();

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation (needed without a terminal).")
    boolean yes;

    abstract String verb();

    abstract ActionResult act(SyncStateService service, Selection selection, String operator);

    SyncStateFilter filter() {
        return filterOptions.filter();
    }

    @Override
    int run(Workspace workspace) {
        SyncStateFilter filter = filter();
        Selection selection = ids.isEmpty() ? Selection.matching(filter) : Selection.ids(ids);
        long matching = ids.isEmpty() ? workspace.syncStates().count(filter) : ids.size();
        String question = verb() + " " + String.format("%,d", matching) + " sync state(s)" + (ids.isEmpty() && !filter.isEmpty()
                ? " matching " + filter.describe() : ids.isEmpty() ? " (all of them)" : "") + "?";
        if (!Confirmation.obtain(this, yes, question, question)) {
            return ExitCodes.DECLINED;
        }
        ActionResult result = act(workspace.syncStates(), selection, operatorName());
        out().printf("%s: %,d sync state(s) changed (recorded in the audit log as %s by %s).%n", verb(), result.affected(),
                result.action(), operatorName());
        return ExitCodes.OK;
    }

    @Command(name = "retry-failed", description = "Queue failed sync states for another attempt (back to pending).")
    static final class RetryFailed extends StateActionCommand {
        @Override
        String verb() {
            return "Retry";
        }

        @Override
        SyncStateFilter filter() {
            return super.filter().withStatuses(com.syncdesk.syncstate.SyncStatus.FAILED);
        }

        @Override
        ActionResult act(SyncStateService service, Selection selection, String operator) {
            return service.retry(selection, operator);
        }
    }

    @Command(name = "retry", description = "Queue matching sync states (failed, skipped or completed) for another sync.")
    static final class Retry extends StateActionCommand {
        @Override
        String verb() {
            return "Retry";
        }

        @Override
        ActionResult act(SyncStateService service, Selection selection, String operator) {
            return service.retry(selection, operator);
        }
    }

    @Command(name = "skip", description = "Park matching pending or failed sync states until they are retried.")
    static final class Skip extends StateActionCommand {
        @Override
        String verb() {
            return "Skip";
        }

        @Override
        ActionResult act(SyncStateService service, Selection selection, String operator) {
            return service.skip(selection, operator);
        }
    }

    @Command(name = "reset-errors", description = "Clear error counts and messages of matching sync states.")
    static final class ResetErrors extends StateActionCommand {
        @Override
        String verb() {
            return "Reset errors of";
        }

        @Override
        ActionResult act(SyncStateService service, Selection selection, String operator) {
            return service.resetErrors(selection, operator);
        }
    }
}
