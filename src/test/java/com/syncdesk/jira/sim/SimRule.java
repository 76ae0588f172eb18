package com.syncdesk.jira.sim;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A scripted behaviour for requests matching a method and a path pattern: which of the matching
 * requests it applies to (all by default, or {@link #times}, {@link #nth}) and what it
 * does (answer, delay, drop the connection, add headers, run a hook before or after).
 */
public final class SimRule {

    private final String method;
    private final Pattern path;
    private final AtomicInteger matches = new AtomicInteger();
    private volatile int first = 1;
    private volatile int last = Integer.MAX_VALUE;
    private volatile SimResponse response;
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean drop;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private volatile Runnable before;
    private volatile Runnable after;

    SimRule(String method, String pathPattern) {
        this.method = method;
        this.path = Pattern.compile(pathPattern);
    }

    /** The first {@code n} matching requests. */
    public SimRule times(int n) {
        first = 1;
        last = n;
        return this;
    }

    /** Only the {@code n}th matching request (1-based). */
    public SimRule nth(int n) {
        first = n;
        last = n;
        return this;
    }

    public SimRule reply(SimResponse canned) {
        response = canned;
        return this;
    }

    public SimRule delay(Duration pause) {
        delay = pause;
        return this;
    }

    /** Closes the connection without an answer, as a reset or a crashed proxy does. */
    public SimRule dropConnection() {
        drop = true;
        return this;
    }

    /** Adds a header to the answer, the site's own or a canned one. */
    public synchronized SimRule header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Runs before the request is handled. */
    public SimRule before(Runnable hook) {
        before = hook;
        return this;
    }

    /** Runs after the answer is made and before it is sent, so the client's next request sees its effect. */
    public SimRule after(Runnable hook) {
        after = hook;
        return this;
    }

    /** Counts the request if it matches and says whether this rule applies to it. */
    boolean claims(String requestMethod, String requestPath) {
        if (!(method.equals("*") || method.equalsIgnoreCase(requestMethod)) || !path.matcher(requestPath).matches()) {
            return false;
        }
        int n = matches.incrementAndGet();
        return n >= first && n <= last;
    }

    SimResponse response() {
        return response;
    }

    Duration delayTime() {
        return delay;
    }

    boolean drops() {
        return drop;
    }

    synchronized Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    Runnable beforeHook() {
        return before;
    }

    Runnable afterHook() {
        return after;
    }
}
