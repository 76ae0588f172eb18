package com.syncdesk.app;

import java.util.List;

import com.syncdesk.audit.AuditEntry;
import com.syncdesk.conflict.ConflictResolution;
import com.syncdesk.history.SyncHistory;
import com.syncdesk.operator.Operator;
import com.syncdesk.planning.Board;
import com.syncdesk.planning.Issue;
import com.syncdesk.planning.Project;
import com.syncdesk.planning.Sprint;
import com.syncdesk.syncstate.SyncMetadata;
import com.syncdesk.syncstate.SyncState;

/** Every Hibernate entity of SyncDesk, for building session factories. */
public final class Entities {

    public static final List<Class<?>> ALL = List.of(
            SyncState.class, SyncMetadata.class, ConflictResolution.class, SyncHistory.class, Operator.class,
            AuditEntry.class, Project.class, Board.class, Sprint.class, Issue.class);

    private Entities() {
    }
}
