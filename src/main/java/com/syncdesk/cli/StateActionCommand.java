package com.syncdesk.cli;

import java.util.List;

import com.syncdesk.app.Workspace;
import com.syncdesk.persistence.Privileges.Work;
import com.syncdesk.syncstate.ActionCounts;
import com.syncdesk.syncstate.ActionResult;
import com.syncdesk.syncstate.Selection;
import com.syncdesk.syncstate.StateAction;
import com.syncdesk.syncstate.SyncStateFilter;
import com.syncdesk.syncstate.SyncStatus;

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

    private final StateAction action;

    StateActionCommand(StateAction action) {
        this.action = action;
    }

    SyncStateFilter filter() {
        return filterOptions.filter();
    }

    @Override
    int run(Workspace workspace) {
        workspace.privileges().refuseUnless(Work.ACT_ON_STATES);
        SyncStateFilter filter = filter();
        Selection selection = ids.isEmpty() ? Selection.matching(filter) : Selection.ids(ids);
        ActionCounts counts = workspace.syncStates().preview(action, selection);
        String question = action.label() + ": " + String.format("%,d", counts.matching()) + " sync state(s)" + (ids.isEmpty() && !filter.isEmpty()
                ? " matching " + filter.describe() : ids.isEmpty() ? " (all of them)" : "") + "?"
                + (counts.leavesSomeAlone() ? " " + counts.leftAlone(action, false) + ": they are left alone." : "");
        if (!Confirmation.obtain(this, yes, question, question)) {
            return ExitCodes.DECLINED;
        }
        ActionResult result = workspace.syncStates().apply(action, selection, operatorName());
        out().printf("%s: %,d sync state(s) changed (recorded in the audit log as %s by %s). %s%n", action.label(), result.affected(),
                action.audit(), operatorName(), result.describe());
        return ExitCodes.OK;
    }

    @Command(name = "retry-failed", description = "Queue failed sync states for another attempt (back to pending).")
    static final class RetryFailed extends StateActionCommand {
        RetryFailed() {
            super(StateAction.RETRY);
        }

        @Override
        SyncStateFilter filter() {
            return super.filter().withStatuses(SyncStatus.FAILED);
        }
    }

    @Command(name = "retry", description = "Queue matching sync states (failed, skipped or completed) for another sync.")
    static final class Retry extends StateActionCommand {
        Retry() {
            super(StateAction.RETRY);
        }
    }

    @Command(name = "skip", description = "Park matching pending or failed sync states until they are retried.")
    static final class Skip extends StateActionCommand {
        Skip() {
            super(StateAction.SKIP);
        }
    }

    @Command(name = "reset-errors", description = "Clear error counts and messages of matching sync states.")
    static final class ResetErrors extends StateActionCommand {
        ResetErrors() {
            super(StateAction.RESET_ERRORS);
        }
    }
}
