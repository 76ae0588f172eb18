package com.syncdesk.jira;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import com.syncdesk.jira.sim.JiraSimulator;
import com.syncdesk.jira.sim.SimulatorConfig;

/**
 * A simulator and a client signed in to it, with a fake clock for waits, a call counter and the
 * waits the client announced. The client's own options are the defaults with short timeouts.
 */
final class TestJira implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-30T10:00:00Z");

    final JiraSimulator sim;
    final FakeClock clock = new FakeClock(START);
    final JiraCallCounter counter = new JiraCallCounter();
    final List<JiraWait> waits = new CopyOnWriteArrayList<>();
    final JiraClient client;
    private final JiraClient opened;

    private TestJira(JiraSimulator sim, JiraSite site, Secret secret, UnaryOperator<JiraClientOptions> options) {
        this.sim = sim;
        JiraClientOptions base = JiraClientOptions.defaults().withClock(clock).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
        this.opened = JiraClient.open(site, secret, options.apply(base));
        this.client = opened.observedBy(counter).observedBy(new JiraListener() {
            @Override
            public void waiting(JiraWait wait) {
                waits.add(wait);
            }
        });
    }

    static TestJira start(JiraDeployment deployment, int issues) {
        return start(SimulatorConfig.of(deployment, 7, issues), UnaryOperator.identity());
    }

    static TestJira start(JiraDeployment deployment, int issues, UnaryOperator<JiraClientOptions> options) {
        return start(SimulatorConfig.of(deployment, 7, issues), options);
    }

    static TestJira start(SimulatorConfig config, UnaryOperator<JiraClientOptions> options) {
        JiraSimulator sim = JiraSimulator.start(config);
        return new TestJira(sim, sim.site(), sim.token(), options);
    }

    /** Requests the simulator received so far. */
    long requests() {
        return sim.requestCount();
    }

    @Override
    public void close() {
        opened.close();
        sim.close();
    }
}
