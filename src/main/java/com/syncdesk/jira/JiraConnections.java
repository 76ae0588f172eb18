package com.syncdesk.jira;

import java.util.Optional;

import com.syncdesk.jira.JiraConnectionCheck.ConnectionReport;
import com.syncdesk.jira.JiraConnectionStore.Stored;
import com.syncdesk.persistence.Database;
import com.syncdesk.persistence.Privileges.Work;
import com.syncdesk.persistence.Privileges;

/**
 * Connecting a database to its JIRA site, testing and showing the connection, forgetting it: the use
 * cases the console's connection dialog and {@code syncdesk jira} share. A connection is only saved
 * after it was tested; its secret goes to the OS keyring (or this session), never into the database.
 */
public final class JiraConnections {

    /** A connection tested and saved, and where its secret is kept now. */
    public record Connected(ConnectionReport report, TokenLocation secretKeptIn) {
    }

    /** The stored connection and where its secret would come from (empty when none is at hand). */
    public record Shown(Stored stored, Optional<TokenLocation> secret, Optional<String> keyringProblem) {
    }

    private final Database database;
    private final JiraConnectionStore store;
    private final JiraSecrets secrets;
    private final JiraClientOptions options;
    private final String operator;

    public JiraConnections(Database database, JiraSecrets secrets, JiraClientOptions options, String operator) {
        this.database = database;
        this.store = new JiraConnectionStore(database);
        this.secrets = secrets;
        this.options = options;
        this.operator = operator;
    }

    /**
     * Tests the site with the secret; when JIRA answers and every board and project can be read, saves the
     * settings and keeps the secret. A missing story points field is reported, not refused.
     *
     * @throws JiraRefusal when the site cannot be used; nothing is saved then
     */
    public Connected connect(JiraSite site, Secret secret) {
        Privileges.of(database).refuseUnless(Work.CONFIGURE_JIRA);
        ConnectionReport report = check(site, secret);
        if (!report.problems().isEmpty()) {
            throw new JiraRefusal("Not connected to " + site.baseUrl() + ": " + String.join(" ", report.problems())
                    + " Choose boards and projects SyncDesk can read; nothing was saved.");
        }
        store.save(site, operator);
        TokenLocation kept = secrets.save(site, secret);
        return new Connected(report, kept);
    }

    /** Tests the stored connection with the secret at hand. */
    public ConnectionReport test() {
        JiraSite site = stored().site();
        return check(site, secretFor(site).secret());
    }

    /**
     * Tests a site as the operator is still filling it in, saving nothing: the console's "Test connection", which
     * also lists the boards of the projects named, so the operator can pick among them.
     *
     * @throws JiraRefusal when JIRA cannot be reached, is not JIRA, or refuses the secret
     */
    public ConnectionReport test(JiraSite site, Secret secret) {
        return check(site, secret);
    }

    /** Tests the stored connection with a secret the operator just gave. */
    public ConnectionReport test(Secret secret) {
        return check(stored().site(), secret);
    }

    public Optional<Shown> show() {
        return store.load().map(stored -> new Shown(stored, secrets.find(stored.site()).map(JiraSecrets.Found::location),
                secrets.keyringProblem()));
    }

    /** Forgets the stored connection and its secret in the keyring; false when none was stored. */
    public boolean disconnect() {
        Privileges.of(database).refuseUnless(Work.CONFIGURE_JIRA);
        Optional<Stored> stored = store.load();
        stored.ifPresent(s -> secrets.forget(s.site()));
        return store.delete(operator);
    }

    /** The stored connection, or a refusal saying how to make one. */
    public Stored stored() {
        return store.load().orElseThrow(() -> new JiraRefusal("No JIRA connection is configured for this database. "
                + "Connect one first (syncdesk jira connect, or JIRA connection… in the console)."));
    }

    /** The site's secret from the keyring, the environment or this session, or a refusal saying where to put it. */
    public JiraSecrets.Found secretFor(JiraSite site) {
        return secrets.find(site).orElseThrow(() -> new JiraRefusal("No " + site.authScheme().label() + " for " + site.describe()
                + " is at hand: " + secrets.keyringProblem().map(problem -> "there is no OS keyring here (" + problem + "), so ").orElse("")
                + "set " + EnvironmentTokenStore.VARIABLE + " or connect again to enter it."));
    }

    private ConnectionReport check(JiraSite site, Secret secret) {
        try (JiraClient client = JiraClient.open(site, secret, options)) {
            return new JiraConnectionCheck(client).run();
        } catch (JiraFailure failure) {
            throw new JiraRefusal(failure.operatorMessage(), failure);
        }
    }
}
