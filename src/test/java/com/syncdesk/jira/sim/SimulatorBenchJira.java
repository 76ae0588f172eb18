package com.syncdesk.jira.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.syncdesk.bench.SimulatedJira;
import com.syncdesk.jira.JiraSite;
import com.syncdesk.jira.Secret;

/** The JIRA simulator as {@code bench --sync} drives it (registered in META-INF/services of the test resources). */
public final class SimulatorBenchJira implements SimulatedJira {

    /** Starts a Cloud simulator. */
    public static final class Factory implements SimulatedJira.Factory {
        @Override
        public SimulatedJira start(int issues, long seed) {
            return new SimulatorBenchJira(JiraSimulator.start(SimulatorConfig.cloud(seed, issues)));
        }
    }

    private final JiraSimulator sim;

    private SimulatorBenchJira(JiraSimulator sim) {
        this.sim = sim;
    }

    @Override
    public JiraSite site() {
        return sim.site();
    }

    @Override
    public Secret token() {
        return sim.token();
    }

    @Override
    public List<Long> boardIds() {
        return sim.boardIds();
    }

    @Override
    public int sprintsOn(long boardId) {
        return sim.sprintsOf(boardId).size();
    }

    @Override
    public int issuesOn(long boardId) {
        return sim.issuesOnBoard(boardId);
    }

    @Override
    public int issueCount() {
        return sim.issueCount();
    }

    @Override
    public List<String> editIssues(int count, long seed) {
        List<String> keys = sim.issueKeys();
        Random random = new Random(seed);
        List<String> edited = new ArrayList<>();
        int step = Math.max(1, keys.size() / count);
        for (int i = random.nextInt(step); i < keys.size() && edited.size() < count; i += step) {
            String key = keys.get(i);
            sim.renameAsAnotherUser(key, sim.issue(key).summary() + " (edited in JIRA)");
            edited.add(key);
        }
        return edited;
    }

    @Override
    public void latency(Duration latency) {
        sim.setLatency(latency);
    }

    @Override
    public long requests() {
        return sim.requestCount();
    }

    @Override
    public long searches() {
        return sim.requestCount("*", "/rest/api/[23]/search(/jql)?");
    }

    @Override
    public void close() {
        sim.close();
    }
}
