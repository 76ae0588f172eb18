package com.syncdesk.jira;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Secrets held in memory until SyncDesk exits: the fallback when there is no OS keyring. */
public final class SessionTokenStore implements TokenStore {

    private final Map<String, Secret> secrets = new ConcurrentHashMap<>();

    @Override
    public TokenLocation location() {
        return TokenLocation.SESSION;
    }

    @Override
    public Optional<Secret> read(JiraSite site) {
        return Optional.ofNullable(secrets.get(TokenStore.account(site))).map(Secret::copy);
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    @Override
    public void write(JiraSite site, Secret secret) {
        Secret previous = secrets.put(TokenStore.account(site), secret.copy());
        if (previous != null) {
            previous.destroy();
        }
    }

    @Override
    public void delete(JiraSite site) {
        Secret previous = secrets.remove(TokenStore.account(site));
        if (previous != null) {
            previous.destroy();
        }
    }

    @Override
    public String toString() {
        return "SessionTokenStore[" + secrets.size() + " secrets]";
    }
}
