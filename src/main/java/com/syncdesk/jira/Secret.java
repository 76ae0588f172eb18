package com.syncdesk.jira;

import java.util.Arrays;
import java.util.Objects;

/**
 * An API token, personal access token or password. It shows as {@code [redacted]} wherever it is
 * printed or logged; only this package reads the characters, to sign requests and to store them.
 * {@link #destroy()} overwrites them once they are no longer needed.
 */
public final class Secret {

    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    /** Copies the characters: the caller may wipe its array afterwards. */
    public static Secret of(char[] characters) {
        Objects.requireNonNull(characters, "characters");
        return new Secret(characters.clone());
    }

    public static Secret of(CharSequence characters) {
        Objects.requireNonNull(characters, "characters");
        char[] copy = new char[characters.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = characters.charAt(i);
        }
        return new Secret(copy);
    }

    public boolean isEmpty() {
        synchronized (value) {
            return value.length == 0 || allZero();
        }
    }

    /** Overwrites the characters; the secret is empty afterwards. */
    public void destroy() {
        synchronized (value) {
            Arrays.fill(value, '\0');
        }
    }

    /** A copy owned by someone else, for a client that outlives the caller's secret. */
    Secret copy() {
        synchronized (value) {
            return new Secret(value.clone());
        }
    }

    /** The characters as text, for an HTTP header or the keyring API, which only take strings. */
    String reveal() {
        synchronized (value) {
            return new String(value);
        }
    }

    /** True when {@code text} contains this secret, so a message echoing it can be redacted. */
    boolean occursIn(String text) {
        synchronized (value) {
            return value.length >= 4 && !allZero() && text != null && text.contains(new String(value));
        }
    }

    private boolean allZero() {
        for (char c : value) {
            if (c != '\0') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "[redacted]";
    }
}
