package io.aoaigw.harness.inventory;

import java.util.List;

/**
 * An APIM backend entity as ARM holds it (S3): {@code type} Single (its {@code url} and circuit breaker rules) or
 * Pool (its members by backend id, with priority and weight).
 */
public record BackendInfo(String id, String type, String url, List<Member> members, List<Rule> circuitBreakerRules) {

    public BackendInfo {
        members = List.copyOf(members);
        circuitBreakerRules = List.copyOf(circuitBreakerRules);
    }

    public boolean isPool() {
        return "Pool".equalsIgnoreCase(type);
    }

    /** A pool member: the single backend's id (the last segment of its ARM id), priority and weight. */
    public record Member(String backendId, int priority, int weight) {
    }

    /** A circuit breaker rule: trips after {@code count} failures within {@code interval}, for {@code tripDuration}. */
    public record Rule(String name, int count, String interval, String tripDuration, List<String> statusCodeRanges) {
        public Rule {
            statusCodeRanges = List.copyOf(statusCodeRanges);
        }
    }
}
