package com.syncdesk.jira.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import com.syncdesk.demo.DemoVocabulary;

/**
 * The simulated site's projects, boards, sprints and issues, seeded from (seed, size) with the demo
 * data's vocabulary and shape, and indexed so a request never walks every issue when an index can
 * answer. Readers hold the read lock while they render; writes take the write lock and move
 * {@link #version()} on, which invalidates cached query results.
 */
final class SimData {

    /** Issue keys order by project key, then by number: PAY-2 before PAY-10. */
    static final Comparator<SimIssue> KEY_ORDER = Comparator.comparing((SimIssue issue) -> issue.project.key())
            .thenComparingInt(issue -> issue.number);

    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final Map<String, SimProject> projects = new LinkedHashMap<>();
    final Map<Long, SimBoard> boards = new LinkedHashMap<>();
    final Map<Long, SimSprint> sprints = new LinkedHashMap<>();
    final Map<Long, List<SimSprint>> sprintsByBoard = new HashMap<>();
    final Map<String, SimIssue> issuesByKey = new HashMap<>();
    final Map<String, SimIssue> issuesById = new HashMap<>();
    final Map<String, List<SimIssue>> issuesByProject = new HashMap<>();
    final Map<Long, Set<SimIssue>> issuesBySprint = new HashMap<>();
    final List<SimIssue> issuesInKeyOrder = new ArrayList<>();
    final List<SimPerson> people = new ArrayList<>();
    final SimPerson operator;
    private long version;
    private Instant lastWrite;
    private long lastIssueId;
    private final Map<String, Integer> lastNumber = new HashMap<>();

    private SimData(SimPerson operator) {
        this.operator = operator;
    }

    long version() {
        return version;
    }

    /**
     * Seeds like the demo data: at least three projects, one per 20,000 issues, one board each (every
     * fifth project's, or the last of fewer than five, is kanban); one sprint per 500 issues over the
     * scrum boards, at least three each: per board the last is future, the one before active, the rest
     * closed, two weeks each. A fifth of a scrum project's issues sit in the backlog.
     */
    static SimData seed(SimulatorConfig config) {
        Random random = new Random(config.seed());
        SimPerson operator = config.cloud()
                ? new SimPerson("SyncDesk Operator", "712020:5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f", null, null, config.user())
                : new SimPerson("SyncDesk Operator", null, config.user(), "JIRAUSER10000", config.user() + "@example.com");
        SimData data = new SimData(operator);
        for (int i = 0; i < DemoVocabulary.PEOPLE.size(); i++) {
            data.people.add(SimPerson.of(DemoVocabulary.PEOPLE.get(i), i, random));
        }
        int projectCount = Math.max(3, Math.min(DemoVocabulary.MAX_PROJECTS, config.issues() / 20_000));
        List<SimBoard> scrumBoards = new ArrayList<>();
        for (int p = 1; p <= projectCount; p++) {
            SimProject project = new SimProject(10_000 + p, p, DemoVocabulary.projectKey(p), DemoVocabulary.projectName(p),
                    p % 4 == 0 ? "business" : "software");
            data.projects.put(project.key(), project);
            data.issuesByProject.put(project.key(), new ArrayList<>());
            boolean kanban = p % 5 == 0 || projectCount < 5 && p == projectCount;
            SimBoard board = new SimBoard(p, project.key() + (kanban ? " Kanban" : " Scrum"), kanban ? "kanban" : "scrum", project);
            data.boards.put(board.id(), board);
            data.sprintsByBoard.put(board.id(), new ArrayList<>());
            if (!kanban) {
                scrumBoards.add(board);
            }
        }
        int sprintCount = Math.max(3 * scrumBoards.size(), config.issues() / 500);
        long sprintId = 0;
        for (int b = 0; b < scrumBoards.size(); b++) {
            SimBoard board = scrumBoards.get(b);
            int perBoard = sprintCount / scrumBoards.size() + (b < sprintCount % scrumBoards.size() ? 1 : 0);
            for (int number = 1; number <= perBoard; number++) {
                int fromLast = perBoard - number;
                String state = fromLast == 0 ? "future" : fromLast == 1 ? "active" : "closed";
                Instant start = config.anchor().minus(Duration.ofDays(14L * (fromLast - 1) + 7));
                Instant end = start.plus(Duration.ofDays(14));
                Instant complete = state.equals("closed") ? end.minus(Duration.ofHours(random.nextInt(20))) : null;
                SimSprint sprint = new SimSprint(++sprintId, board, number, board.project().key() + " Sprint " + number, state, start, end,
                        complete, pick(random, DemoVocabulary.GOALS));
                data.sprints.put(sprint.id, sprint);
                data.sprintsByBoard.get(board.id()).add(sprint);
                data.issuesBySprint.put(sprint.id, new LinkedHashSet<>());
            }
        }
        List<SimProject> projectList = new ArrayList<>(data.projects.values());
        for (int i = 1; i <= config.issues(); i++) {
            SimProject project = projectList.get(random.nextInt(projectList.size()));
            List<SimSprint> boardSprints = data.sprintsByBoard.get((long) project.number());
            Instant updated = config.anchor().minusMillis((long) (random.nextDouble() * Duration.ofDays(60).toMillis()));
            Instant created = updated.minusMillis((long) (random.nextDouble() * Duration.ofDays(200).toMillis()));
            List<SimIssue> inProject = data.issuesByProject.get(project.key());
            SimIssue issue = new SimIssue(10_000 + i, project, inProject.size() + 1, created);
            issue.summary = pick(random, DemoVocabulary.VERBS) + " " + pick(random, DemoVocabulary.OBJECTS);
            issue.type = pick(random, DemoVocabulary.TYPES);
            issue.priority = pick(random, DemoVocabulary.PRIORITIES);
            issue.assignee = random.nextInt(8) == 0 ? null : data.people.get(random.nextInt(data.people.size()));
            issue.storyPoints = random.nextInt(6) == 0 ? null : BigDecimal.valueOf(pick(random, DemoVocabulary.STORY_POINTS));
            issue.sprint = boardSprints.isEmpty() || random.nextInt(5) == 0 ? null : boardSprints.get(random.nextInt(boardSprints.size()));
            boolean finished = issue.sprint != null && issue.sprint.state.equals("closed") && random.nextInt(10) != 0;
            issue.status = finished ? SimWorkflow.DONE : SimWorkflow.status(pick(random, DemoVocabulary.STATUSES));
            issue.updated = updated;
            inProject.add(issue);
            data.issuesByKey.put(issue.key, issue);
            data.issuesById.put(String.valueOf(issue.id), issue);
            if (issue.sprint != null) {
                data.issuesBySprint.get(issue.sprint.id).add(issue);
            }
        }
        data.projects.values().forEach(project -> data.issuesInKeyOrder.addAll(data.issuesByProject.get(project.key())));
        data.issuesInKeyOrder.sort(KEY_ORDER);
        data.lastIssueId = 10_000L + config.issues();
        data.projects.keySet().forEach(key -> data.lastNumber.put(key, data.issuesByProject.get(key).size()));
        return data;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    SimPerson personByAccountId(String accountId) {
        return people.stream().filter(person -> person.accountId().equals(accountId)).findFirst().orElse(null);
    }

    SimPerson personByName(String name) {
        return people.stream().filter(person -> person.name().equals(name)).findFirst().orElse(null);
    }

    /** The moment of a write, strictly after the previous one so every edit moves {@code updated} on. Under the write lock. */
    Instant writeTime(Instant now) {
        lastWrite = lastWrite == null || now.isAfter(lastWrite) ? now : lastWrite.plusMillis(1);
        version++;
        return lastWrite;
    }

    /** JIRA takes an issue's id wherever it takes its key. */
    SimIssue issueByIdOrKey(String idOrKey) {
        SimIssue issue = issuesByKey.get(idOrKey);
        return issue != null ? issue : issuesById.get(idOrKey);
    }

    /** Moves an issue between sprints, keeping the sprint index right. Under the write lock. */
    void moveToSprint(SimIssue issue, SimSprint sprint) {
        if (issue.sprint != null) {
            issuesBySprint.get(issue.sprint.id).remove(issue);
        }
        issue.sprint = sprint;
        if (sprint != null) {
            issuesBySprint.get(sprint.id).add(issue);
        }
    }

    /** A new issue with the next id and the project's next number (numbers are never reused). Under the write lock. */
    SimIssue create(SimProject project, Instant now) {
        int number = lastNumber.merge(project.key(), 1, Integer::sum);
        SimIssue issue = new SimIssue(++lastIssueId, project, number, now);
        issuesByProject.get(project.key()).add(issue);
        issuesByKey.put(issue.key, issue);
        issuesById.put(String.valueOf(issue.id), issue);
        int at = Collections.binarySearch(issuesInKeyOrder, issue, KEY_ORDER);
        issuesInKeyOrder.add(at < 0 ? -at - 1 : at, issue);
        return issue;
    }

    /** Removes an issue as if deleted in JIRA. Under the write lock. */
    void delete(SimIssue issue) {
        moveToSprint(issue, null);
        issue.deleted = true;
        issuesByKey.remove(issue.key);
        issuesById.remove(String.valueOf(issue.id));
        issuesByProject.get(issue.project.key()).remove(issue);
        issuesInKeyOrder.remove(issue);
        version++;
    }
}
