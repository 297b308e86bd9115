package io.aoaigw.harness.load;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;

import io.gatling.javaapi.core.ChainBuilder;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The run's request bound: the profile's {@code bounds.maxRequests}, or a real target's own limit when lower (real
 * deployments cost quota). Every request, retries included, takes one; a user that finds it spent stops.
 */
final class RequestBudget {
    private final long maxRequests;
    private final AtomicLong left;
    private final AtomicLong firstRequestMs = new AtomicLong();

    RequestBudget(LoadProfile profile, LoadTarget target) {
        long bound = profile.bounds().maxRequests();
        this.maxRequests = target.real().map(t -> Math.min(bound, t.limits().maxRequests())).orElse(bound);
        this.left = new AtomicLong(maxRequests);
    }

    /** Requests sent so far (retries included). */
    long requestsSent() {
        return maxRequests - Math.max(0, left.get());
    }

    /** Takes one request from the budget; false once {@code bounds.maxRequests} were sent. */
    boolean takeRequest() {
        firstRequestMs.compareAndSet(0, System.currentTimeMillis());
        return left.getAndDecrement() > 0;
    }

    /**
     * The last step of a chat: a user that finds the budget spent is counted, and under a closed model waits until
     * the injection ends (plus a second) — else Gatling would replace it at once, spinning through users.
     */
    ChainBuilder holdWhenSpent(LoadProfile profile, LoadSummary summary) {
        boolean closed = profile.workload().model() == LoadProfile.Workload.Model.closed;
        long injectionMs = 1000L * (profile.workload().rampSec() + profile.workload().durationSec()) + 1000;
        return doIf(session -> left.get() <= 0).then(exec(session -> {
            summary.add(LoadSummary.USERS_AFTER_BUDGET, 1);
            return session;
        }).doIf(session -> closed).then(pause(session -> Duration.ofMillis(Math.max(0,
                firstRequestMs.get() + injectionMs - System.currentTimeMillis())))));
    }
}
