package com.syncdesk.syncstate;

/** What an operator action did: how many sync states it changed of those it was given, and why it left the others alone. */
public record ActionResult(StateAction action, ActionCounts counts, int affected) {

    /** e.g. "Queued 42 of 45 for another sync; 3 were held by a sync worker (in progress) and left alone." */
    public String describe() {
        String done = action.done(ActionCounts.count(affected) + " of " + ActionCounts.count(counts.matching()));
        // Counted in the same transaction as the change; a state that moved meanwhile is among the left alone.
        ActionCounts after = new ActionCounts(counts.matching(), affected, counts.heldByWorker());
        return after.leavesSomeAlone() ? done + "; " + after.leftAlone(action, true) + " and left alone." : done + ".";
    }
}
