package com.syncdesk.jira;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The secret in {@code SYNCDESK_JIRA_TOKEN}, for headless runs (cron, CI) where nobody can type it and
 * there is no keyring. It applies to every site; SyncDesk cannot write it.
 */
public final class EnvironmentTokenStore implements TokenStore {

    public static final String VARIABLE = "SYNCDESK_JIRA_TOKEN";

    private final UnaryOperator<String> environment;

    /** @param environment looks up a variable, {@code System::getenv} outside tests */
    public EnvironmentTokenStore(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public TokenLocation location() {
        return TokenLocation.ENVIRONMENT;
    }

    @Override
    public Optional<Secret> read(JiraSite site) {
        String value = environment.apply(VARIABLE);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Secret.of(value.strip()));
    }

    @Override
    public boolean canWrite() {
        return false;
    }

    @Override
    public void write(JiraSite site, Secret secret) {
        throw new UnsupportedOperationException("SyncDesk cannot set " + VARIABLE + "; set it in the environment that starts SyncDesk.");
    }

    @Override
    public void delete(JiraSite site) {
        throw new UnsupportedOperationException("SyncDesk cannot unset " + VARIABLE + "; remove it from the environment that starts SyncDesk.");
    }

    @Override
    public String toString() {
        return "EnvironmentTokenStore[" + VARIABLE + "]";
    }
}
