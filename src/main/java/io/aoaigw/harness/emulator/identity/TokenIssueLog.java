package io.aoaigw.harness.emulator.identity;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * The ground truth of token issuing, written on the event loop and read from tests and the admin API (hence the
 * concurrent collections).
 */
public final class TokenIssueLog {
    private final List<TokenIssue> issues = new CopyOnWriteArrayList<>();
    private final Map<TokenIssue.Grant, LongAdder> issued = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();

    void issued(TokenIssue issue) {
        issues.add(issue);
        issued.computeIfAbsent(issue.grant(), g -> new LongAdder()).increment();
    }

    /** @param reason an AADSTS code (e.g. {@code AADSTS7000215}) or, for the managed-identity endpoint, {@code msi.401} */
    void refused(String reason) {
        refused.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    public List<TokenIssue> issues() {
        return List.copyOf(issues);
    }

    public List<TokenIssue> issuesTo(String identityName) {
        return issues.stream().filter(i -> i.identity().equals(identityName)).toList();
    }

    public IdentityCounters counters() {
        Map<String, Long> refusals = new TreeMap<>();
        refused.forEach((reason, count) -> refusals.put(reason, count.sum()));
        return new IdentityCounters(count(TokenIssue.Grant.clientCredentials), count(TokenIssue.Grant.managedIdentity),
                Map.copyOf(refusals));
    }

    private long count(TokenIssue.Grant grant) {
        LongAdder adder = issued.get(grant);
        return adder == null ? 0 : adder.sum();
    }
}
