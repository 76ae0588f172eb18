package com.syncdesk.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.syncdesk.app.Texts;
import com.syncdesk.app.Workspace;
import com.syncdesk.conflict.ConflictDetail;
import com.syncdesk.conflict.ConflictField;
import com.syncdesk.conflict.ConflictFilter;
import com.syncdesk.conflict.ConflictGroup;
import com.syncdesk.conflict.FieldChoice;
import com.syncdesk.conflict.ResolutionResult;
import com.syncdesk.persistence.Page;
import com.syncdesk.persistence.PageRequest;
import com.syncdesk.persistence.Privileges.Work;
import com.syncdesk.syncstate.EntityType;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "conflicts", description = "List waiting conflicts or resolve them.",
        subcommands = {ConflictsCommand.ListConflicts.class, ConflictsCommand.Resolve.class})
final class ConflictsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name a subcommand: list or resolve.");
    }

    @Command(name = "list", description = "Entities with open conflicts, oldest state first.")
    static final class ListConflicts extends WorkspaceCommand {
        @Option(names = "--type", split = ",", paramLabel = "TYPE", description = "Only these entity types.")
        List<String> types = List.of();

        @Option(names = "--text", paramLabel = "TEXT", description = "Entity id, JIRA id or field name contains TEXT, or TEXT "
                + "is the issue's key (MOB-15) or part of the sprint's, board's or project's name or key.")
        String text;

        @Option(names = "--limit", defaultValue = "50", paramLabel = "N", description = "At most N entities (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        int run(Workspace workspace) {
            ConflictFilter filter = new ConflictFilter(StateFilterOptions.parse(EntityType.class, types), text);
            Page<ConflictGroup> page = workspace.conflicts().openConflicts(filter, PageRequest.first(limit));
            out().printf("%,d entities with open conflicts (%,d conflicting fields)%n", page.total(), workspace.conflicts().countOpen(filter));
            TextTable table = new TextTable("STATE>", "TYPE", "ENTITY", "LABEL", "JIRA", "FIELDS>", "NAMES");
            for (ConflictGroup group : page.items()) {
                table.row(group.stateId(), group.entityType().words(), group.entityId(), group.label(), group.jiraId(), group.openFields(),
                        group.fieldNames());
            }
            table.print(out());
            long more = page.total() - page.items().size();
            if (more > 0) {
                out().printf("… and %s more %s beyond --limit %d; raise it or narrow the list with --type or --text.%n",
                        Texts.count(more), more == 1 ? "entity" : "entities", limit);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "resolve", description = "Resolve every open conflict of one sync state with one side.")
    static final class Resolve extends WorkspaceCommand {
        @Option(names = "--state", required = true, paramLabel = "ID", description = "The sync state id (see conflicts list).")
        long stateId;

        @Option(names = "--take", required = true, paramLabel = "SIDE", description = "jira or local.")
        String take;

        @Option(names = "--notes", paramLabel = "TEXT", description = "Why, for the audit trail.")
        String notes;

        @Override
        int run(Workspace workspace) {
            FieldChoice choice = switch (take.toLowerCase()) {
                case "jira", "remote" -> FieldChoice.remote();
                case "local", "syncdesk" -> FieldChoice.local();
                default -> throw new IllegalArgumentException("--take is jira or local, not '" + take + "'");
            };
            workspace.privileges().refuseUnless(Work.RESOLVE_CONFLICTS);
            ConflictDetail detail = workspace.conflicts().detail(stateId);
            if (detail.fields().isEmpty()) {
                out().printf("Sync state %d has no open conflicts.%n", stateId);
                return ExitCodes.OK;
            }
            Map<String, FieldChoice> choices = new LinkedHashMap<>();
            for (ConflictField field : detail.fields()) {
                choices.put(field.name(), choice);
            }
            ResolutionResult result = workspace.conflicts().resolve(stateId, detail.state().rowVersion(), choices, notes, operatorName());
            out().printf("Resolved %d conflict(s) of %s (%s) as %s; the state is pending, next sync %s.%n", result.closedConflicts(),
                    detail.label(), detail.state().entityType().wire(), result.strategy().wire(), result.direction().wire());
            return ExitCodes.OK;
        }
    }
}
