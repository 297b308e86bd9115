package io.aoaigw.harness.topology;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * An APIM backend entity (Microsoft.ApiManagement service/backends), named by a policy's
 * {@code set-backend-service backend-id="ID"} instead of a hard-coded URL. {@code type} is {@code Single} (one
 * {@code url}, where {@code ${frontDoor}} and {@code ${account:NAME}} stand for the emulated endpoints, with optional
 * circuit breaker rules) or {@code Pool} (load-balanced over single backends, {@code pool.services}).
 */
public record ApimBackend(String id, String type, String url, String protocol, Pool pool,
                          CircuitBreaker circuitBreaker) {
    public static final String SINGLE = "Single";
    public static final String POOL = "Pool";

    public ApimBackend {
        type = Defaults.or(type, SINGLE);
        protocol = Defaults.or(protocol, "http");
        circuitBreaker = Defaults.or(circuitBreaker, new CircuitBreaker(null));
    }

    public boolean isPool() {
        return POOL.equals(type);
    }

    /** The pool's members, each a single backend by id; lower priority first, weight within a priority. */
    public record Pool(List<Member> services) {
        public Pool {
            services = Defaults.list(services);
        }
    }

    /** A member as ARM lists it; priority and weight range 0..100 (ARM's BackendPoolItem). */
    public record Member(String id, Integer priority, Integer weight) {
        public Member {
            priority = Defaults.or(priority, 0);
            weight = Defaults.or(weight, 1);
        }
    }

    public record CircuitBreaker(List<Rule> rules) {
        public CircuitBreaker {
            rules = Defaults.list(rules);
        }
    }

    /**
     * Trips when {@code failureCondition.count} failures happen within its {@code interval}; the backend is then
     * skipped (or answered 503 when named alone) for {@code tripDuration}. Durations are ISO 8601 ({@code PT1M}).
     */
    public record Rule(String name, FailureCondition failureCondition, String tripDuration, Boolean acceptRetryAfter) {
        public Rule {
            acceptRetryAfter = Defaults.or(acceptRetryAfter, Boolean.FALSE);
        }
    }

    /** What counts as a failure: an answer whose status falls in one of {@code statusCodeRanges}. */
    public record FailureCondition(Integer count, String interval, List<StatusCodeRange> statusCodeRanges,
                                   List<String> errorReasons) {
        public FailureCondition {
            statusCodeRanges = Defaults.list(statusCodeRanges);
            errorReasons = Defaults.list(errorReasons);
        }

        public boolean failed(int status) {
            return statusCodeRanges.stream().anyMatch(r -> r.contains(status));
        }
    }

    public record StatusCodeRange(Integer min, Integer max) {
        public boolean contains(int status) {
            return min != null && max != null && status >= min && status <= max;
        }
    }

    /** A positive ISO 8601 duration, or empty when the text is not one. */
    public static Optional<Duration> duration(String iso) {
        try {
            Duration d = iso == null ? null : Duration.parse(iso);
            return d == null || d.isNegative() || d.isZero() ? Optional.empty() : Optional.of(d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
