package com.syncdesk.app;

import java.util.function.Supplier;

import org.hibernate.SessionFactory;

import com.syncdesk.audit.AuditService;
import com.syncdesk.conflict.ConflictService;
import com.syncdesk.demo.DemoDataGenerator;
import com.syncdesk.history.SyncHistoryService;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Privileges;
import com.syncdesk.story.StoryService;
import com.syncdesk.syncstate.SyncStateService;

/**
 * SyncDesk's services over a database at the latest schema, opened by a {@link DatabaseSession}.
 * Closing it closes the database too.
 */
public final class Workspace implements AutoCloseable {

    private final Database database;
    private final SessionFactory sessions;
    private final SyncStateService syncStates;
    private final ConflictService conflicts;
    private final SyncHistoryService history;
    private final AuditService audit;
    private final StoryService stories;
    private final Supplier<Privileges> privileges;

    /**
     * Services over a database whose schema is at the latest version; Hibernate validates every mapping against it.
     *
     * @param privileges what the connected role may do, as its session last read it
     */
    Workspace(Database database, Supplier<Privileges> privileges) {
        this.database = database;
        this.privileges = privileges;
        this.sessions = database.buildSessionFactory(Entities.ALL, true);
        this.syncStates = new SyncStateService(database, sessions);
        this.conflicts = new ConflictService(database, syncStates);
        this.history = new SyncHistoryService(database);
        this.audit = new AuditService(database);
        this.stories = new StoryService(database);
    }

    public Database database() {
        return database;
    }

    /** What the connected role may do: commands refuse, and the console disables, what it may not. */
    public Privileges privileges() {
        return privileges.get();
    }

    public SyncStateService syncStates() {
        return syncStates;
    }

    public ConflictService conflicts() {
        return conflicts;
    }

    public SyncHistoryService history() {
        return history;
    }

    public AuditService audit() {
        return audit;
    }

    public StoryService stories() {
        return stories;
    }

    public DemoDataGenerator demoData() {
        return new DemoDataGenerator(database);
    }

    /** Closes the services but leaves the database open: after a downgrade the console keeps the connection. */
    void closeServices() {
        sessions.close();
    }

    @Override
    public void close() {
        closeServices();
        database.close();
    }
}
