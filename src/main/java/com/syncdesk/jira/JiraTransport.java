package com.syncdesk.jira;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

import javax.net.ssl.SSLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.syncdesk.persistence.Json;

/**
 * Sends calls to one JIRA site: signs them, holds at most {@code maxInFlight} in flight, decodes gzip,
 * waits out rate limits, backs off and retries what may be retried, and classifies what fails.
 */
final class JiraTransport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JiraTransport.class);
    private static final String VERSION = Optional.ofNullable(JiraTransport.class.getPackage().getImplementationVersion()).orElse("dev");
    static final String USER_AGENT = "SyncDesk/" + VERSION + " (+java.net.http)";

    private final JiraSite site;
    private final Secret secret;
    private final JiraClientOptions options;
    private final JiraFailures failures;
    private final HttpClient http;
    private final Semaphore inFlight;
    private final SiteThrottle throttle;

    JiraTransport(JiraSite site, Secret secret, JiraClientOptions options) {
        this.site = site;
        this.secret = secret;
        this.options = options;
        this.failures = new JiraFailures(site, secret, options);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(options.connectTimeout())
                // A redirect means a wrong base URL or a login page; following it could carry the secret elsewhere.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.inFlight = new Semaphore(options.maxInFlight(), true);
        this.throttle = new SiteThrottle(options.clock());
    }

    JiraSite site() {
        return site;
    }

    JiraClientOptions options() {
        return options;
    }

    JiraFailures failures() {
        return failures;
    }

    /** Sends the call until it succeeds, fails for good or runs out of attempts. */
    JiraAnswer send(JiraCall call, JiraListener listener) {
        for (int attempt = 1; ; attempt++) {
            Received received;
            try {
                throttle.awaitTurn(call.resource(), listener);
                received = exchange(call, attempt, listener);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failures.network(call, e, attempt);
            }
            if (received.failure() != null) {
                Throwable cause = received.failure();
                if (attempt < options.maxAttempts() && mayRetryAfterNetworkFailure(call, cause)) {
                    backOff(call, attempt, JiraWait.Reason.NETWORK, listener);
                    continue;
                }
                throw failures.network(call, cause, attempt);
            }
            HttpResponse<byte[]> response = received.response();
            int status = response.statusCode();
            byte[] body = decoded(call, response, attempt);
            if (response.headers().firstValue("X-RateLimit-NearLimit").filter("true"::equalsIgnoreCase).isPresent()
                    && options.nearLimitPause().isPositive()) {
                throttle.holdUntil(options.clock().now().plus(options.nearLimitPause()), JiraWait.Reason.NEAR_LIMIT);
            }
            if (status >= 200 && status < 300) {
                return new JiraAnswer(status, response.headers(), json(call, status, response.headers(), body, attempt));
            }
            boolean limited = status == 429 || status == 503 && response.headers().firstValue("Retry-After").isPresent();
            if (limited) {
                Duration wait = rateLimitWait(response.headers());
                if (wait.compareTo(options.maxRetryWait()) > 0) {
                    throw failures.rateLimitTooLong(call, status, wait, attempt);
                }
                // Held for every later request to the site, even when this call has no attempt left.
                throttle.holdUntil(options.clock().now().plus(wait), JiraWait.Reason.RATE_LIMITED);
                if (attempt < options.maxAttempts()) {
                    continue;
                }
            } else if (status >= 500 && call.idempotent() && attempt < options.maxAttempts()) {
                backOff(call, attempt, JiraWait.Reason.SERVER_ERROR, listener);
                continue;
            }
            JiraFailure failure = failures.forStatus(call, status, response.headers(), body, attempt);
            LOG.debug("{} {} failed: {} ({})", call.method(), call.path(), failure.kind(), failure.getMessage());
            throw failure;
        }
    }

    /** An answer or the reason none came. */
    private record Received(HttpResponse<byte[]> response, Throwable failure) {
    }

    private Received exchange(JiraCall call, int attempt, JiraListener listener) throws InterruptedException {
        HttpRequest request = request(call);
        inFlight.acquire();
        long started = System.nanoTime();
        HttpResponse<byte[]> response = null;
        Throwable failure = null;
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            // The request timeout only covers the headers; this also bounds a body that trickles in.
            response = pending.get(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            failure = new HttpTimeoutException("request timed out");
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (CancellationException e) {
            failure = e;
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } finally {
            inFlight.release();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        int status = response == null ? 0 : response.statusCode();
        LOG.debug("{} {} -> {} in {} ms (attempt {})", call.method(), call.path(), status == 0 ? failure : status, elapsed.toMillis(), attempt);
        listener.requestFinished(new JiraExchange(call.method(), call.path(), call.resource(), attempt, status, elapsed));
        return new Received(response, failure);
    }

    private HttpRequest request(JiraCall call) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(call))
                .timeout(options.readTimeout())
                .header("Accept", "application/json")
                .header("Accept-Encoding", "gzip")
                .header("User-Agent", USER_AGENT)
                .header("Authorization", authorization());
        if (call.body() == null) {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                builder.header("Content-Type", "application/json")
                        .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(call.body())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write the request for " + call.resource(), e);
            }
        }
        return builder.build();
    }

    URI uri(JiraCall call) {
        StringBuilder uri = new StringBuilder(site.baseUrl().toString()).append(call.path());
        char separator = '?';
        for (Map.Entry<String, String> parameter : call.query().entrySet()) {
            uri.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return URI.create(uri.toString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String authorization() {
        return switch (site.authScheme()) {
            case PERSONAL_ACCESS_TOKEN -> "Bearer " + secret.reveal();
            case API_TOKEN, PASSWORD -> "Basic " + Base64.getEncoder().encodeToString((site.user() + ":" + secret.reveal()).getBytes(StandardCharsets.UTF_8));
        };
    }

    private byte[] decoded(JiraCall call, HttpResponse<byte[]> response, int attempt) {
        byte[] body = response.body() == null ? new byte[0] : response.body();
        if (response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isEmpty() || body.length == 0) {
            return body;
        }
        try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return unzipped.readAllBytes();
        } catch (IOException e) {
            throw failures.brokenJson(call, response.statusCode(), attempt, e);
        }
    }

    private JsonNode json(JiraCall call, int status, HttpHeaders headers, byte[] body, int attempt) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        if (JiraFailures.looksLikeHtml(headers, body)) {
            throw failures.notJira(call, status, attempt);
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw failures.brokenJson(call, status, attempt, e);
        }
    }

    /**
     * After a broken connection only a call that is safe to repeat goes again, unless the connection
     * never opened. TLS and DNS failures do not heal within seconds.
     */
    private static boolean mayRetryAfterNetworkFailure(JiraCall call, Throwable cause) {
        if (cause instanceof SSLException || JiraFailures.isUnknownHost(cause)) {
            return false;
        }
        return call.idempotent() || cause instanceof ConnectException;
    }

    /** Full jitter: a random wait up to base × 2^(attempt−1), capped, so clients that failed together do not retry together. */
    private void backOff(JiraCall call, int attempt, JiraWait.Reason reason, JiraListener listener) {
        long ceiling = Math.min(options.backoffCap().toMillis(), options.backoffBase().toMillis() << Math.min(attempt - 1, 20));
        Duration wait = Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
        JiraWait event = new JiraWait(wait, reason, call.resource());
        LOG.info(event.describe());
        listener.waiting(event);
        try {
            options.clock().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failures.network(call, e, attempt);
        }
    }

    /**
     * How long JIRA asks to wait: the longest of {@code Retry-After} (seconds or a date),
     * {@code X-RateLimit-Reset} and, for Data Center's limiter, one refill of its token bucket; never
     * less than the minimum, since {@code Retry-After: 0} still means "not this instant".
     */
    Duration rateLimitWait(HttpHeaders headers) {
        Instant now = options.clock().now();
        Duration wait = options.minRetryWait();
        wait = longer(wait, headers.firstValue("Retry-After").flatMap(value -> retryAfter(value, now)));
        wait = longer(wait, headers.firstValue("X-RateLimit-Reset").flatMap(JiraTransport::instant).map(reset -> Duration.between(now, reset)));
        Optional<Double> fillRate = headers.firstValue("X-RateLimit-FillRate").flatMap(JiraTransport::number);
        Optional<Double> interval = headers.firstValue("X-RateLimit-Interval-Seconds").flatMap(JiraTransport::number);
        if (fillRate.isPresent() && interval.isPresent() && fillRate.get() > 0
                && headers.firstValue("Retry-After").isEmpty() && headers.firstValue("X-RateLimit-Reset").isEmpty()) {
            wait = longer(wait, Optional.of(Duration.ofMillis((long) Math.ceil(interval.get() * 1000 / fillRate.get()))));
        }
        return wait;
    }

    private static Duration longer(Duration current, Optional<Duration> candidate) {
        return candidate.filter(other -> other.compareTo(current) > 0).orElse(current);
    }

    private static Optional<Duration> retryAfter(String value, Instant now) {
        Optional<Double> seconds = number(value);
        if (seconds.isPresent()) {
            return Optional.of(Duration.ofMillis((long) Math.ceil(Math.max(0, seconds.get()) * 1000)));
        }
        try {
            return Optional.of(Duration.between(now, ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
        } catch (DateTimeParseException e) {
            LOG.debug("Ignoring a Retry-After that is neither seconds nor a date: {}", value);
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(String value) {
        try {
            return Optional.of(JiraTimestamps.parse(value));
        } catch (DateTimeParseException e) {
            Optional<Double> epochSeconds = number(value);
            if (epochSeconds.isPresent()) {
                return Optional.of(Instant.ofEpochMilli((long) (epochSeconds.get() * 1000)));
            }
            LOG.debug("Ignoring an X-RateLimit-Reset that is no time: {}", value);
            return Optional.empty();
        }
    }

    private static Optional<Double> number(String value) {
        try {
            return Optional.of(Double.parseDouble(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        http.close();
        secret.destroy();
    }

    @Override
    public String toString() {
        return "JiraTransport[" + site.describe() + "]";
    }
}
