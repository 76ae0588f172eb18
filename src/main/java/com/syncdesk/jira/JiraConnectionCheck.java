package com.syncdesk.jira;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * "Test connection" for a JIRA site: who SyncDesk is signed in as, which story points and sprint
 * fields the site has, and for every board to sync (named, or found through its project) whether it
 * can be read and how many sprints and issues it has. A refused secret, an unreachable or non-JIRA
 * address fails the whole check as a {@link JiraFailure}; a board or project that cannot be read is
 * reported and the check goes on.
 */
public final class JiraConnectionCheck {

    private final JiraClient client;

    public JiraConnectionCheck(JiraClient client) {
        this.client = client;
    }

    /** @throws JiraFailure when JIRA cannot be reached, is not JIRA, or refuses the secret */
    public ConnectionReport run() {
        JiraCallCounter counter = new JiraCallCounter();
        JiraClient counted = client.observedBy(counter);
        long started = System.nanoTime();
        JiraUser user = counted.myself();
        JiraFieldMap fields = counted.fieldMap();
        Map<Long, BoardCheck> boards = new LinkedHashMap<>();
        List<ProjectCheck> projects = new ArrayList<>();
        for (String key : client.site().projectKeys()) {
            projects.add(checkProject(counted, key, boards));
        }
        for (long id : client.site().boardIds()) {
            if (!boards.containsKey(id)) {
                boards.put(id, checkBoard(counted, id, null));
            }
        }
        return new ConnectionReport(client.site(), user, fields, List.copyOf(boards.values()), projects, counter.requests(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static ProjectCheck checkProject(JiraClient client, String key, Map<Long, BoardCheck> boards) {
        JiraProject project;
        try {
            project = client.project(key);
        } catch (JiraFailure failure) {
            stopOnSiteFailure(failure);
            return new ProjectCheck(key, null, List.of(), failure);
        }
        List<Long> ids = new ArrayList<>();
        try {
            PageIterator<JiraBoard> found = client.boards(key);
            while (found.hasNext()) {
                JiraBoard board = found.next();
                ids.add(board.id());
                boards.putIfAbsent(board.id(), checkBoard(client, board.id(), board));
            }
        } catch (JiraFailure failure) {
            stopOnSiteFailure(failure);
            return new ProjectCheck(key, project, ids, failure);
        }
        return new ProjectCheck(key, project, ids, null);
    }

    private static BoardCheck checkBoard(JiraClient client, long id, JiraBoard known) {
        JiraBoard board = known;
        try {
            if (board == null) {
                board = client.board(id);
            }
            Integer sprints = null;
            if (board.hasSprints()) {
                int count = 0;
                PageIterator<JiraSprint> all = client.sprints(id);
                while (all.hasNext()) {
                    all.next();
                    count++;
                }
                sprints = count;
            }
            OptionalLong issues = client.boardIssueCount(id);
            return new BoardCheck(id, board, sprints, issues.isPresent() ? issues.getAsLong() : null, null);
        } catch (JiraFailure failure) {
            stopOnSiteFailure(failure);
            return new BoardCheck(id, board, null, null, failure);
        }
    }

    /** A refused secret or a dead connection concerns the whole site, not one board. */
    private static void stopOnSiteFailure(JiraFailure failure) {
        boolean refused = failure.kind() == JiraFailure.Kind.AUTH && failure.status() == 401;
        if (refused || failure.kind() == JiraFailure.Kind.NETWORK || failure.kind() == JiraFailure.Kind.NOT_JIRA) {
            throw failure;
        }
    }

    /** One board: what JIRA says about it, or why it could not be read. */
    public record BoardCheck(long boardId, JiraBoard board, Integer sprints, Long issues, JiraFailure problem) {

        public boolean ok() {
            return problem == null;
        }

        String line() {
            if (problem != null) {
                return "Board " + boardId + (board == null ? "" : " (" + board.name() + ")") + ": " + problem.operatorMessage();
            }
            return "Board " + boardId + " \"" + board.name() + "\" (" + board.type() + (board.projectKey() == null ? "" : ", project "
                    + board.projectKey()) + "): " + (sprints == null ? "no sprints (" + board.type() + " board)" : count(sprints, "sprint"))
                    + ", " + (issues == null ? "issue count unknown" : count(issues, "issue")) + ".";
        }
    }

    /** One project to sync and the boards found for it. */
    public record ProjectCheck(String key, JiraProject project, List<Long> boardIds, JiraFailure problem) {

        public ProjectCheck {
            boardIds = List.copyOf(boardIds);
        }

        public boolean ok() {
            return problem == null;
        }

        String line() {
            if (problem != null) {
                return "Project " + key + ": " + problem.operatorMessage();
            }
            return "Project " + key + " \"" + project.name() + "\": " + (boardIds.isEmpty() ? "no boards" : count(boardIds.size(), "board")) + ".";
        }
    }

    /**
     * What the check found.
     *
     * @param apiCalls HTTP requests the check made, retries included
     */
    public record ConnectionReport(JiraSite site, JiraUser user, JiraFieldMap fields, List<BoardCheck> boards, List<ProjectCheck> projects,
                                   long apiCalls, Duration elapsed) {

        public ConnectionReport {
            boards = List.copyOf(boards);
            projects = List.copyOf(projects);
        }

        /** True when every board and project could be read and the site has a story points field. */
        public boolean allGood() {
            return fields.storyPoints().isPresent() && boards.stream().allMatch(BoardCheck::ok) && projects.stream().allMatch(ProjectCheck::ok);
        }

        /** The boards and projects that could not be read, a line each; empty when all could. */
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            projects.stream().filter(project -> !project.ok()).forEach(project -> problems.add(project.line()));
            boards.stream().filter(board -> !board.ok()).forEach(board -> problems.add(board.line()));
            return problems;
        }

        /** The report in an operator's words, a line per finding. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add("Signed in to " + site.baseUrl() + " (" + site.deployment().label() + ") as " + userName() + ", time zone "
                    + user.timeZone() + ".");
            lines.add(fields.storyPoints().map(field -> "Story points: field \"" + field.name() + "\" (" + field.id() + ").")
                    .orElse("No story points field found (looked for " + String.join(", ", JiraFieldMap.storyPointNames(site.deployment()))
                            + "): story points will not sync."));
            lines.add(fields.sprint().map(field -> "Sprints: field \"" + field.name() + "\" (" + field.id() + ").")
                    .orElse("No sprint field found: JIRA Software may not be installed, and sprint membership will not sync."));
            projects.forEach(project -> lines.add(project.line()));
            boards.forEach(board -> lines.add(board.line()));
            if (boards.isEmpty() && projects.isEmpty()) {
                lines.add("No boards or projects are chosen for syncing yet.");
            }
            lines.add(count(apiCalls, "API call") + " in " + elapsed.toMillis() + " ms.");
            return lines;
        }

        private String userName() {
            String id = user.accountId() != null ? "account " + user.accountId() : "user " + user.name();
            return (user.displayName() == null ? "" : user.displayName() + ", ") + id;
        }
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
