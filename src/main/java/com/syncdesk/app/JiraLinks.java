package com.syncdesk.app;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import com.syncdesk.persistence.EnumValue;
import com.syncdesk.syncstate.EntityType;

/**
 * Where an entity is seen in JIRA's web interface. The console asks this whenever it offers "Open in JIRA", with the
 * base URL of the database's JIRA connection or, without one, the site set in the console.
 */
@FunctionalInterface
public interface JiraLinks {

    /**
     * The entity's browse URL, or empty when there is none to give: no JIRA site known, or the entity lacks what its
     * URL needs (an issue's or project's key, a board's or sprint's JIRA id).
     */
    Optional<URI> browse(EnumValue<EntityType> type, String label, String jiraId);

    static JiraLinks none() {
        return (type, label, jiraId) -> Optional.empty();
    }

    /** Links into the JIRA site at {@code base}: Cloud and Data Center serve the same browse paths. */
    static JiraLinks site(URI base) {
        String root = base.toString().replaceAll("/+$", "");
        return (type, label, jiraId) -> {
            if (!type.isKnown()) {
                return Optional.empty();
            }
            String path = switch (type.known()) {
                case ISSUE, PROJECT -> blank(label) ? null : "/browse/" + encode(label);
                case BOARD -> blank(jiraId) ? null : "/secure/RapidBoard.jspa?rapidView=" + encode(jiraId);
                case SPRINT -> blank(jiraId) ? null : "/issues/?jql=" + encode("sprint = " + jiraId);
            };
            return Optional.ofNullable(path).map(p -> URI.create(root + p));
        };
    }

    /** A JIRA site's address as the operator types it, e.g. https://acme.atlassian.net; what else is wrong, in words. */
    static URI parseSite(String typed) {
        String text = typed == null ? "" : typed.strip();
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a web address; type it as https://your-site.atlassian.net.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("\"" + text + "\" is not a JIRA site's address; type it as https://your-site.atlassian.net "
                    + "(or your Data Center's address), without a query.");
        }
        return uri;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value.strip(), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
