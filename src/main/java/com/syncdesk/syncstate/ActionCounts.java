package com.syncdesk.syncstate;

import java.util.Locale;

/**
 * How an operator action meets its selection: how many sync states it holds, how many the action can change,
 * and how many a sync worker holds ({@code in_progress}), which no action touches. The rest are not in a state the
 * action applies to (a retry of a pending state, for example).
 */
public record ActionCounts(long matching, long changeable, long heldByWorker) {

    public long notApplicable() {
        return matching - changeable - heldByWorker;
    }

    /** True when some matching states would be left alone. */
    public boolean leavesSomeAlone() {
        return changeable < matching;
    }

    /** Why states are left alone, e.g. "3 are held by a sync worker (in progress) and 2 are already waiting for a sync"; empty when none. */
    public String leftAlone(StateAction action, boolean past) {
        String held = heldByWorker == 0 ? "" : count(heldByWorker) + (past ? (heldByWorker == 1 ? " was" : " were") : (heldByWorker == 1 ? " is" : " are"))
                + " held by a sync worker (in progress)";
        long other = notApplicable();
        String rest = other == 0 ? "" : count(other) + " " + action.notApplicable(other == 1, past);
        return held.isEmpty() || rest.isEmpty() ? held + rest : held + " and " + rest;
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
