package com.syncdesk.jira;

import java.util.Optional;

/** A place that keeps the secret of a {@link JiraSite}; {@link JiraSecrets} picks among them. */
public interface TokenStore {

    TokenLocation location();

    Optional<Secret> read(JiraSite site);

    /** False for a store that only hands out a secret someone else put there (the environment). */
    boolean canWrite();

    /** Keeps a copy of {@code secret}; the caller may destroy its own afterwards. */
    void write(JiraSite site, Secret secret);

    void delete(JiraSite site);

    /** The name a site's secret is kept under: its address and user, never the secret. */
    static String account(JiraSite site) {
        return site.baseUrl() + " " + (site.user() == null ? "(personal access token)" : site.user());
    }
}
