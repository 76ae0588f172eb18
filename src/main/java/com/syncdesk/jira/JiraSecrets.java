package com.syncdesk.jira;

import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and keeps the secret of a JIRA site: in the OS keyring when there is one, else from
 * {@code SYNCDESK_JIRA_TOKEN}, else in memory for this session only. Every answer says where the
 * secret is, so the console can tell the operator.
 */
public final class JiraSecrets {

    /** How long opening or asking the keyring may take before SyncDesk does without it. */
    public static final Duration KEYRING_TIMEOUT = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(JiraSecrets.class);

    private final KeyringTokenStore keyring;
    private final String keyringProblem;
    private final TokenStore environment;
    private final TokenStore session;

    /** A secret and where it came from. */
    public record Found(Secret secret, TokenLocation location) {
    }

    JiraSecrets(KeyringTokenStore.Opening keyring, TokenStore environment, TokenStore session) {
        this.keyring = keyring instanceof KeyringTokenStore.Opened(KeyringTokenStore store) ? store : null;
        this.keyringProblem = keyring instanceof KeyringTokenStore.Unavailable(String reason) ? reason : null;
        this.environment = environment;
        this.session = session;
        if (keyringProblem != null) {
            LOG.info("JIRA secrets are not kept in an OS keyring: {}", keyringProblem);
        }
    }

    /** Set to {@code off} ({@code -Dsyncdesk.keyring=off}) to keep secrets out of the OS keyring on this machine. */
    public static final String KEYRING_PROPERTY = "syncdesk.keyring";

    /**
     * This machine's keyring (if it answers within {@link #KEYRING_TIMEOUT} and {@value #KEYRING_PROPERTY} is not
     * {@code off}), the process environment and a session store.
     */
    public static JiraSecrets forThisMachine() {
        KeyringTokenStore.Opening keyring = "off".equalsIgnoreCase(System.getProperty(KEYRING_PROPERTY, ""))
                ? new KeyringTokenStore.Unavailable("the OS keyring is turned off (" + KEYRING_PROPERTY + "=off)")
                : KeyringTokenStore.open(KEYRING_TIMEOUT);
        return of(keyring, System::getenv);
    }

    static JiraSecrets of(KeyringTokenStore.Opening keyring, UnaryOperator<String> environment) {
        return new JiraSecrets(keyring, new EnvironmentTokenStore(environment), new SessionTokenStore());
    }

    public boolean hasKeyring() {
        return keyring != null;
    }

    /** Why secrets cannot go into the OS keyring, in an operator's words; empty when they can. */
    public Optional<String> keyringProblem() {
        return Optional.ofNullable(keyringProblem);
    }

    /** The site's secret from the keyring, the environment or this session, in that order. */
    public Optional<Found> find(JiraSite site) {
        if (keyring != null) {
            Optional<Secret> stored = keyring.read(site);
            if (stored.isPresent()) {
                return Optional.of(new Found(stored.get(), TokenLocation.KEYRING));
            }
        }
        for (TokenStore store : new TokenStore[] {environment, session}) {
            Optional<Secret> stored = store.read(site);
            if (stored.isPresent()) {
                return Optional.of(new Found(stored.get(), store.location()));
            }
        }
        return Optional.empty();
    }

    /**
     * Keeps the site's secret in the keyring, or for this session when there is no keyring or it
     * refuses. The caller may destroy {@code secret} afterwards.
     *
     * @return where it went
     */
    public TokenLocation save(JiraSite site, Secret secret) {
        if (keyring != null) {
            try {
                keyring.write(site, secret);
                session.delete(site);
                return TokenLocation.KEYRING;
            } catch (KeyringTokenStore.KeyringFailure e) {
                LOG.warn("Keeping the JIRA secret of {} for this session only: {}", site.describe(), e.getMessage());
            }
        }
        session.write(site, secret);
        return TokenLocation.SESSION;
    }

    /** Removes the site's secret from the keyring and this session (not from the environment). */
    public void forget(JiraSite site) {
        session.delete(site);
        if (keyring != null) {
            try {
                keyring.delete(site);
            } catch (KeyringTokenStore.KeyringFailure e) {
                LOG.warn("Could not remove the JIRA secret of {} from the OS keyring: {}", site.describe(), e.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return "JiraSecrets[" + (keyring != null ? "keyring" : "no keyring: " + keyringProblem) + "]";
    }
}
