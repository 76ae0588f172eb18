package com.syncdesk.jira;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import com.syncdesk.syncstate.ResolutionStrategy;

/**
 * One JIRA site SyncDesk syncs with, and how: where it is, which deployment, who connects, which boards
 * or projects to sync, how conflicts are resolved by default, how often to sync and after how many
 * failures in a row an entity is parked for a human. The secret is never part of it.
 *
 * @param baseUrl           the site's address, with any context path ({@code https://jira.example.com/jira}), no trailing slash
 * @param user              Cloud: the account's e-mail; Data Center: the user name (optional with a personal access token)
 * @param boardIds          boards to sync
 * @param projectKeys       projects whose boards are synced
 * @param conflictStrategy  manual, jira_wins or local_wins
 * @param parkAfterFailures failed attempts in a row after which an entity waits for a human
 * @param includeBacklog    whether the issues of the boards' backlogs are synced too, not only those in sprints
 */
public record JiraSite(URI baseUrl, JiraDeployment deployment, JiraAuthScheme authScheme, String user, List<Long> boardIds,
                       List<String> projectKeys, ResolutionStrategy conflictStrategy, Duration syncInterval, int parkAfterFailures,
                       boolean includeBacklog) {

    public static final int DEFAULT_PARK_AFTER_FAILURES = 5;
    public static final Duration DEFAULT_SYNC_INTERVAL = Duration.ofMinutes(15);

    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]*");

    public JiraSite {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(authScheme, "authScheme");
        baseUrl = checkedBaseUrl(baseUrl);
        user = user == null || user.isBlank() ? null : user.strip();
        boardIds = List.copyOf(boardIds == null ? List.of() : boardIds);
        projectKeys = List.copyOf(projectKeys == null ? List.of() : projectKeys);
        conflictStrategy = conflictStrategy == null ? ResolutionStrategy.MANUAL : conflictStrategy;
        syncInterval = syncInterval == null ? DEFAULT_SYNC_INTERVAL : syncInterval;
        if (deployment == JiraDeployment.CLOUD && authScheme != JiraAuthScheme.API_TOKEN) {
            throw new IllegalArgumentException("JIRA Cloud takes an e-mail address and an API token, not a " + authScheme.label() + ".");
        }
        if (deployment == JiraDeployment.DATA_CENTER && authScheme == JiraAuthScheme.API_TOKEN) {
            throw new IllegalArgumentException("JIRA Data Center takes a personal access token or a user name and password, not an API token.");
        }
        if (user == null && authScheme != JiraAuthScheme.PERSONAL_ACCESS_TOKEN) {
            throw new IllegalArgumentException(deployment == JiraDeployment.CLOUD
                    ? "JIRA Cloud needs the e-mail address of the account the API token belongs to."
                    : "Signing in to JIRA Data Center with a password needs the user name.");
        }
        if (deployment == JiraDeployment.CLOUD && !user.contains("@")) {
            throw new IllegalArgumentException("JIRA Cloud signs in with the account's e-mail address, not a user name: " + user);
        }
        for (Long board : boardIds) {
            if (board == null || board <= 0) {
                throw new IllegalArgumentException("A board id is a positive number: " + board);
            }
        }
        for (String key : projectKeys) {
            if (key == null || !PROJECT_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("A JIRA project key is upper-case letters, digits and underscores, starting with a letter: " + key);
            }
        }
        if (conflictStrategy == ResolutionStrategy.AUTO) {
            throw new IllegalArgumentException("The default conflict strategy is manual, jira_wins or local_wins.");
        }
        if (syncInterval.isNegative() || syncInterval.isZero()) {
            throw new IllegalArgumentException("The sync interval must be positive: " + syncInterval);
        }
        if (parkAfterFailures < 1) {
            throw new IllegalArgumentException("Parking after " + parkAfterFailures + " failures makes no sense; use 1 or more.");
        }
    }

    /** A Cloud site signing in with {@code email} and an API token, with the defaults for everything else. */
    public static JiraSite cloud(String baseUrl, String email) {
        return new JiraSite(parseBaseUrl(baseUrl), JiraDeployment.CLOUD, JiraAuthScheme.API_TOKEN, email, List.of(), List.of(),
                ResolutionStrategy.MANUAL, DEFAULT_SYNC_INTERVAL, DEFAULT_PARK_AFTER_FAILURES, false);
    }

    /** A Data Center site; {@code user} may be null with a personal access token. */
    public static JiraSite dataCenter(String baseUrl, JiraAuthScheme scheme, String user) {
        return new JiraSite(parseBaseUrl(baseUrl), JiraDeployment.DATA_CENTER, scheme, user, List.of(), List.of(),
                ResolutionStrategy.MANUAL, DEFAULT_SYNC_INTERVAL, DEFAULT_PARK_AFTER_FAILURES, false);
    }

    public JiraSite withBoards(List<Long> ids) {
        return new JiraSite(baseUrl, deployment, authScheme, user, ids, projectKeys, conflictStrategy, syncInterval, parkAfterFailures, includeBacklog);
    }

    public JiraSite withProjects(List<String> keys) {
        return new JiraSite(baseUrl, deployment, authScheme, user, boardIds, keys, conflictStrategy, syncInterval, parkAfterFailures, includeBacklog);
    }

    public JiraSite withConflictStrategy(ResolutionStrategy strategy) {
        return new JiraSite(baseUrl, deployment, authScheme, user, boardIds, projectKeys, strategy, syncInterval, parkAfterFailures, includeBacklog);
    }

    public JiraSite withSyncInterval(Duration interval) {
        return new JiraSite(baseUrl, deployment, authScheme, user, boardIds, projectKeys, conflictStrategy, interval, parkAfterFailures, includeBacklog);
    }

    public JiraSite withParkAfterFailures(int failures) {
        return new JiraSite(baseUrl, deployment, authScheme, user, boardIds, projectKeys, conflictStrategy, syncInterval, failures, includeBacklog);
    }

    public JiraSite withBacklog(boolean backlog) {
        return new JiraSite(baseUrl, deployment, authScheme, user, boardIds, projectKeys, conflictStrategy, syncInterval, parkAfterFailures, backlog);
    }

    /** Who connects where, for messages: "ops@example.com at https://acme.atlassian.net (JIRA Cloud)". */
    public String describe() {
        return (user == null ? "a personal access token" : user) + " at " + baseUrl + " (" + deployment.label() + ")";
    }

    /** The user in messages: the name or e-mail, or "the token's owner" with a bare personal access token. */
    String who() {
        return user == null ? "the token's owner" : user;
    }

    /**
     * Reads a base URL as an operator types it. Refuses anything that is not http(s), has no host, or
     * carries credentials; the message never repeats the URL then, because it would show the password.
     */
    public static URI parseBaseUrl(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The JIRA address is missing.");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            if (text.contains("@")) {
                throw new IllegalArgumentException("The JIRA address is not a valid URL, and it must not contain a user name or password.");
            }
            throw new IllegalArgumentException("The JIRA address is not a valid URL: " + text.strip());
        }
        return checkedBaseUrl(uri);
    }

    private static URI checkedBaseUrl(URI uri) {
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("The JIRA address must not contain a user name or password; SyncDesk asks for the secret separately.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("The JIRA address must start with https:// (or http://): " + uri);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("The JIRA address has no host name: " + uri);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("The JIRA address is the site's base address, without a query or #fragment: " + uri);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        // getHost keeps an IPv6 literal's brackets.
        return URI.create(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + path);
    }
}
