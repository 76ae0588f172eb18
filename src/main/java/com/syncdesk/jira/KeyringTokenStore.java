package com.syncdesk.jira;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;

/**
 * Secrets in the operating system's keyring (Secret Service on Linux, the Keychain on macOS, the
 * Credential Manager on Windows). Every keyring call runs on its own daemon thread with a time limit,
 * because a keyring over D-Bus can hang (a locked collection waiting for a prompt nobody sees).
 */
public final class KeyringTokenStore implements TokenStore {

    static final String SERVICE = "SyncDesk JIRA";
    private static final Logger LOG = LoggerFactory.getLogger(KeyringTokenStore.class);

    private final Keyring keyring;
    private final ExecutorService calls;
    private final Duration timeout;

    private KeyringTokenStore(Keyring keyring, ExecutorService calls, Duration timeout) {
        this.keyring = keyring;
        this.calls = calls;
        this.timeout = timeout;
    }

    /** The keyring, or why there is none, decided within {@code timeout}. */
    public sealed interface Opening {
    }

    public record Opened(KeyringTokenStore store) implements Opening {
    }

    /** @param reason in an operator's words: "no keyring service is running (…)" */
    public record Unavailable(String reason) implements Opening {
    }

    /** Opens the system keyring, or says why it cannot, within {@code timeout}. */
    public static Opening open(Duration timeout) {
        return open(Keyring::create, timeout);
    }

    static Opening open(Callable<Keyring> factory, Duration timeout) {
        ExecutorService calls = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("syncdesk-keyring").daemon().factory());
        Future<Keyring> opening = calls.submit(factory);
        try {
            Keyring keyring = opening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Opened(new KeyringTokenStore(keyring, calls, timeout));
        } catch (TimeoutException e) {
            opening.cancel(true);
            calls.shutdownNow();
            return new Unavailable("the OS keyring did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            calls.shutdownNow();
            return new Unavailable("no OS keyring is available (" + e.getCause().getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            calls.shutdownNow();
            return new Unavailable("opening the OS keyring was interrupted");
        }
    }

    @Override
    public TokenLocation location() {
        return TokenLocation.KEYRING;
    }

    @Override
    public Optional<Secret> read(JiraSite site) {
        try {
            String stored = call(() -> {
                try {
                    return keyring.getPassword(SERVICE, TokenStore.account(site));
                } catch (PasswordAccessException missing) {
                    return null;
                }
            });
            return stored == null || stored.isEmpty() ? Optional.empty() : Optional.of(Secret.of(stored));
        } catch (KeyringFailure e) {
            LOG.warn("Could not read the JIRA secret of {} from the OS keyring: {}", site.describe(), e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    /** @throws KeyringFailure when the keyring refuses or does not answer in time */
    @Override
    public void write(JiraSite site, Secret secret) {
        call(() -> {
            keyring.setPassword(SERVICE, TokenStore.account(site), secret.reveal());
            return null;
        });
    }

    @Override
    public void delete(JiraSite site) {
        call(() -> {
            try {
                keyring.deletePassword(SERVICE, TokenStore.account(site));
            } catch (PasswordAccessException missing) {
                // Nothing stored: nothing to delete.
            }
            return null;
        });
    }

    private <T> T call(Callable<T> action) {
        Future<T> result = calls.submit(action);
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new KeyringFailure("the OS keyring did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new KeyringFailure("the OS keyring refused: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyringFailure("waiting for the OS keyring was interrupted");
        }
    }

    /** The keyring refused or hung; the message names no secret. */
    public static final class KeyringFailure extends RuntimeException {
        KeyringFailure(String message) {
            super(message);
        }
    }

    @Override
    public String toString() {
        return "KeyringTokenStore[" + keyring.getKeyringStorageType() + "]";
    }
}
